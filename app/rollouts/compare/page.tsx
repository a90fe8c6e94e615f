import type { Metadata } from 'next';
import { RolloutCompare } from '@/components/rollouts/rollout-compare';

export const metadata: Metadata = { title: 'Compare rollouts' };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Which two rollouts is the URL (`?a=ID&b=ID`), so a comparison is a link. */
export default async function ComparePage({ searchParams }: Props) {
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === 'string' && sp[k] !== '' ? sp[k] : undefined);
  return <RolloutCompare a={one('a')} b={one('b')} />;
}
