import type { Metadata } from 'next';
import { RolloutRecord } from '@/components/rollouts/rollout-record';

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: `Rollout ${id}` };
}

export default async function RolloutPage({ params }: Props) {
  const { id } = await params;
  return <RolloutRecord id={id} />;
}
