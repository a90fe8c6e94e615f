import type { Metadata } from 'next';
import { sidecarSetSnapshot } from '@/lib/server';
import { PodDetail } from '@/components/pod-detail/pod-detail';

interface Props {
  params: Promise<{ name: string; namespace: string; pod: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name, pod } = await params;
  return { title: `${pod} · ${name}` };
}

/** One pod of a SidecarSet: its view (containers, slots, phase) and its timeline. */
export default async function PodPage({ params }: Props) {
  const { name, namespace, pod } = await params;
  return <PodDetail sidecarSet={name} namespace={namespace} pod={pod} initial={await sidecarSetSnapshot(name)} />;
}
