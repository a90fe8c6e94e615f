import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';

export default function NotFound() {
  return (
    <EmptyState title="Page not found">
      <Link href="/" className="text-sky-800 underline dark:text-sky-300">
        Back to the SidecarSets
      </Link>
    </EmptyState>
  );
}
