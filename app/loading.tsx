import { Spinner } from '@/components/ui/spinner';

/** Shown while a page reads its initial data on the server (at most a few seconds; see lib/server/pages.ts). */
export default function Loading() {
  return (
    <div className="flex justify-center py-16">
      <Spinner label="Loading…" />
    </div>
  );
}
