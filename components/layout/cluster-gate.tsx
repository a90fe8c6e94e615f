'use client';

import type { ReactNode } from 'react';
import { useLiveStatus } from '@/lib/browser/hooks/use-live-status';
import { Spinner } from '@/components/ui/spinner';
import { ClusterUnreachable } from './cluster-unreachable';
import { OpenKruiseMissing } from './openkruise-missing';

/** Pages render only when the cluster is usable; otherwise one clear full-page explanation. */
export function ClusterGate({ children }: { children: ReactNode }) {
  const { status } = useLiveStatus();
  if (status?.phase === 'no-openkruise') return <OpenKruiseMissing message={status.message} />;
  if (status?.phase === 'unreachable') return <ClusterUnreachable message={status.message} />;
  if (status?.phase === 'connecting') {
    return (
      <div className="flex justify-center py-16">
        <Spinner label="Connecting to the cluster…" />
      </div>
    );
  }
  return children;
}
