'use client';

import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';

/** A rendering failure in a page keeps the header (and its freshness indicator) usable. */
export default function PageError({ error, reset }: { error: Error; reset: () => void }) {
  return (
    <ErrorState title="This page failed to render" message={error.message}>
      <Button onClick={reset}>Try again</Button>
    </ErrorState>
  );
}
