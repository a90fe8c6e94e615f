'use client';

import { useMemo, useState, type FormEvent } from 'react';
import { upgradeSidecarSet } from '@/lib/browser/actions';
import type { UpgradeResponse } from '@/lib/api';
import { ApiError } from '@/lib/browser/fetch-json';
import { rememberImage, submittedImages } from '@/lib/browser/image-history';
import { imagesSeen, upgradeImpact } from '@/lib/browser/upgrade-impact';
import { imageRefProblem } from '@/lib/sidecarset/kruise';
import type { PodView, SidecarSetSummary } from '@/lib/sidecarset/views';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { ImpactSummary } from './impact-summary';
import { SubmitError } from './submit-error';

interface UpgradeFormProps {
  summary: SidecarSetSummary;
  pods: readonly PodView[];
  onCancel: () => void;
  onDone: (result: UpgradeResponse) => void;
}

export function UpgradeForm({ summary, pods, onCancel, onDone }: UpgradeFormProps) {
  const [container, setContainer] = useState(summary.containers[0]?.name ?? '');
  const spec = summary.containers.find((c) => c.name === container);
  /** The image the user saw: sent as fromImage so a concurrent change is refused (409), never overwritten. */
  const [fromImage, setFromImage] = useState(spec?.image ?? '');
  const [image, setImage] = useState(spec?.image ?? '');
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<ApiError | undefined>(undefined);

  const suggestions = useMemo(
    () => [...new Set([...imagesSeen(summary, pods, container), ...submittedImages(summary.name, container)])],
    [summary, pods, container],
  );
  const impact = useMemo(() => upgradeImpact(summary, pods), [summary, pods]);

  const candidate = image.trim();
  const problem = candidate === '' ? 'Enter an image reference.' : imageRefProblem(candidate);
  const unchanged = !problem && candidate === fromImage;
  const changedMeanwhile = spec !== undefined && spec.image !== fromImage;

  const pickContainer = (name: string) => {
    const next = summary.containers.find((c) => c.name === name);
    setContainer(name);
    setFromImage(next?.image ?? '');
    setImage(next?.image ?? '');
    setSubmitError(undefined);
  };

  const review = () => {
    setFromImage(spec?.image ?? '');
    setSubmitError(undefined);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (problem || unchanged || !spec) return;
    setBusy(true);
    setSubmitError(undefined);
    try {
      const result = await upgradeSidecarSet(summary.name, { container, image: candidate, fromImage });
      rememberImage(summary.name, container, candidate);
      if (fromImage) rememberImage(summary.name, container, fromImage);
      onDone(result);
    } catch (err) {
      setSubmitError(err instanceof ApiError ? err : new ApiError(0, 'Error', String(err)));
      setBusy(false);
    }
  };

  const n = impact.pods;
  return (
    <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4" noValidate>
      <SelectField
        label="Container"
        value={container}
        onChange={(e) => pickContainer(e.target.value)}
        options={summary.containers.map((c) => ({ value: c.name, label: `${c.name} (${c.upgradeType === 'HotUpgrade' ? 'hot' : 'cold'} upgrade)` }))}
      />
      <TextField
        label="Image"
        name="image"
        value={image}
        onChange={(e) => setImage(e.target.value)}
        suggestions={suggestions}
        error={candidate !== fromImage || submitError ? problem : undefined}
        hint={unchanged ? `This is the current image. Enter the one to roll out.` : `Current: ${fromImage}`}
        autoComplete="off"
        spellCheck={false}
        data-autofocus
        inputClassName="font-mono"
      />
      {changedMeanwhile && !submitError && (
        <p role="status" className="rounded-md border border-amber-500/50 bg-amber-50 p-2 text-sm text-amber-950 dark:bg-amber-950/40 dark:text-amber-100">
          Someone else changed {container} to <code className="font-mono">{spec.image}</code> since you opened this dialog.{' '}
          <button type="button" className="font-medium underline" onClick={review}>
            Review with that as the current image
          </button>
        </p>
      )}
      <ImpactSummary impact={impact} summary={summary} hot={spec?.upgradeType === 'HotUpgrade'} />
      {submitError && <SubmitError error={submitError} onReview={changedMeanwhile ? review : undefined} />}
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" busy={busy} disabled={Boolean(problem) || unchanged || !spec}>
          {n > 0 ? `Upgrade ${n} pod${n === 1 ? '' : 's'}` : 'Change image'}
        </Button>
      </div>
    </form>
  );
}
