'use client';

import { useState, type FormEvent } from 'react';
import useSWR, { useSWRConfig } from 'swr';
import { getJson, postJson, sendJson, type ApiError } from '@/lib/browser/fetch-json';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/text-field';

interface SessionInfo {
  mode: 'service-account' | 'token-passthrough';
  readOnly: boolean;
  accessTokenRequired: boolean;
  signedIn: boolean;
  user?: string;
}

/**
 * The header's view of how this dashboard guards changes: a Read-only badge, or sign-in with a Kubernetes
 * token (pass-through mode) or the dashboard's access token. Nothing is shown when no sign-in is needed.
 */
export function SessionControl() {
  const { data } = useSWR<SessionInfo, ApiError>('/api/session', getJson<SessionInfo>);
  const { mutate } = useSWRConfig();
  const [open, setOpen] = useState(false);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  if (!data) return null;
  const needsSignIn = data.mode === 'token-passthrough' || data.accessTokenRequired;
  // Who you are changes what you may do and, in pass-through mode, what you may see: ask everything again.
  const refreshAll = () => mutate(() => true);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await postJson('/api/session', { token });
      setOpen(false);
      setToken('');
      await refreshAll();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const signOut = async () => {
    await sendJson('DELETE', '/api/session', {});
    await refreshAll();
  };
  const label = data.mode === 'token-passthrough' ? 'Kubernetes token' : 'Dashboard access token';

  return (
    <div className="flex items-center gap-2 text-sm" data-testid="session-control">
      {data.readOnly && <span className="rounded-full border border-amber-500 px-2 py-0.5 text-amber-900 dark:text-amber-200">Read-only</span>}
      {needsSignIn && data.signedIn && (
        <>
          <span>Signed in{data.user ? ` as ${data.user}` : ''}</span>
          <Button size="sm" variant="ghost" onClick={() => void signOut()}>Sign out</Button>
        </>
      )}
      {needsSignIn && !data.signedIn && <Button size="sm" onClick={() => setOpen(true)}>Sign in</Button>}
      <Dialog open={open} onClose={() => setOpen(false)} title="Sign in">
        <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            {data.mode === 'token-passthrough'
              ? 'The dashboard will act as you: the cluster’s RBAC decides what you may see and change, and its audit log names you.'
              : 'Changes need the access token this dashboard was deployed with.'}
          </p>
          <TextField label={label} type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} error={error} required />
          <div className="flex justify-end gap-2">
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" variant="primary" busy={busy} disabled={!token}>Sign in</Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
