import type { Metadata } from 'next';
import { sidecarSetsSnapshot } from '@/lib/server';
import { SidecarSetList } from '@/components/sidecarset-list/sidecarset-list';

// The layout's title template applies to child segments only, not to the page beside it.
export const metadata: Metadata = { title: { absolute: 'SidecarSets · SidecarSet Dashboard' } };

export default async function SidecarSetsPage() {
  return <SidecarSetList initial={await sidecarSetsSnapshot()} />;
}
