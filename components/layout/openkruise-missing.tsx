import { ErrorState } from '@/components/ui/error-state';

/** Full-page state: the cluster answers but does not serve apps.kruise.io SidecarSets. */
export function OpenKruiseMissing({ message }: { message?: string }) {
  return (
    <section aria-labelledby="no-openkruise-title" className="mx-auto max-w-2xl py-12">
      <h1 id="no-openkruise-title" className="mb-2 text-2xl font-semibold">
        OpenKruise is not installed
      </h1>
      <p className="mb-4 text-zinc-700 dark:text-zinc-300">
        This cluster does not serve the SidecarSet API (<code className="font-mono text-sm">apps.kruise.io</code>), so there is
        nothing to show. Install OpenKruise 1.8 or later (for example with its Helm chart), or switch to a context whose cluster has it.
      </p>
      <ErrorState title="What the cluster said" message={message} />
    </section>
  );
}
