import type { Metadata } from 'next';
import { RolloutList } from '@/components/rollouts/rollout-list';
import { parseListQuery } from '@/components/rollouts/format';

export const metadata: Metadata = { title: 'Rollouts' };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The list's state is its URL (`?sidecarSet=&outcome=`), read here so a shared link renders what it says. */
export default async function RolloutsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const one = (k: string) => {
    const v = sp[k];
    return typeof v === 'string' ? v : null;
  };
  return <RolloutList query={parseListQuery({ get: one })} />;
}
