import type { RecordingStatus } from '@/lib/api';
import { dateTimeText } from './format';

/** The durable store's health: history is only as complete as the recording was. */
export function RecordingNotice({ recording }: { recording: RecordingStatus }) {
  if (recording.ok) return null;
  return (
    <p role="status" data-testid="recording-degraded" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      Recording degraded{recording.since !== undefined ? ` since ${dateTimeText(recording.since)}` : ''} ({recording.engine}){recording.error ? `: ${recording.error}` : ''}. Rollouts
      in that time may be missing or incomplete.
    </p>
  );
}
