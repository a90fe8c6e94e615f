import type { Metadata } from 'next';
import { sidecarSetSnapshot } from '@/lib/server';
import { SidecarSetDetail } from '@/components/sidecarset-detail/sidecarset-detail';

interface Props {
  params: Promise<{ name: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: `${name} · SidecarSets` };
}

export default async function SidecarSetPage({ params }: Props) {
  const { name } = await params;
  return <SidecarSetDetail name={name} initial={await sidecarSetSnapshot(name)} />;
}
