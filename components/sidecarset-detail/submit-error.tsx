import type { ApiError } from '@/lib/browser/fetch-json';

const advice: Record<number, string> = {
  403: 'Your identity in this context may not change SidecarSets. Switch to a context that can, or ask for access.',
  503: 'The cluster is not ready; try again in a moment.',
};

/** The server's own message, verbatim, with what to do next for the common statuses. */
export function SubmitError({ error, onReview }: { error: ApiError; onReview?: () => void }) {
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100" data-testid="upgrade-error">
      <p className="font-semibold">
        {error.status > 0 ? `Refused (${error.status} ${error.reason})` : 'Request failed'}
      </p>
      <p className="mt-1 break-words">{error.message}</p>
      {advice[error.status] && <p className="mt-1">{advice[error.status]}</p>}
      {onReview && (
        <button type="button" onClick={onReview} className="mt-2 font-medium underline">
          Review with the new current image
        </button>
      )}
    </div>
  );
}
