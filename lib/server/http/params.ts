import { z } from 'zod';
import { dns1123Label, dns1123Subdomain } from '@/lib/sidecarset/kruise';
import { DashboardError } from './dashboard-error';

function checked(schema: z.ZodString, raw: string, what: string): string {
  const r = schema.safeParse(raw);
  if (!r.success) throw new DashboardError(400, 'InvalidName', `invalid ${what} "${raw.slice(0, 300)}": ${r.error.issues[0]?.message ?? 'invalid'}`);
  return r.data;
}

const SIDECARSET_NAME = dns1123Label('a SidecarSet name');
const NAMESPACE = dns1123Label('a namespace');
const POD_NAME = dns1123Subdomain('a pod name');

/** SidecarSet names: Kruise's own rule (a DNS-1123 label), checked before any cluster call. */
export function parseName(raw: string): string {
  return checked(SIDECARSET_NAME, raw, 'SidecarSet name');
}

/** Namespace and pod names from a URL, checked before they reach the cluster or an index. */
export function parsePodRef(namespace: string, name: string): { namespace: string; name: string } {
  return { namespace: checked(NAMESPACE, namespace, 'namespace'), name: checked(POD_NAME, name, 'pod name') };
}

/** A stream topic: `sidecarsets`, `status`, `sidecarset/NAME`, `timeline/NAME` or `pod/NAMESPACE/NAME`. */
export type Topic = string;

function topicProblem(t: string): string | undefined {
  const [kind, a, b, ...rest] = t.split('/');
  if ((kind === 'sidecarsets' || kind === 'status') && a === undefined) return undefined;
  if ((kind === 'sidecarset' || kind === 'timeline') && a !== undefined && b === undefined) return SIDECARSET_NAME.safeParse(a).success ? undefined : 'bad SidecarSet name';
  if (kind === 'pod' && a !== undefined && b !== undefined && rest.length === 0) {
    return NAMESPACE.safeParse(a).success && POD_NAME.safeParse(b).success ? undefined : 'bad namespace or pod name';
  }
  return 'unknown topic';
}

const topics = z.array(z.string().superRefine((t, ctx) => {
  const p = topicProblem(t);
  if (p) ctx.addIssue({ code: 'custom', message: `${p}: "${t.slice(0, 300)}"` });
})).max(20);

/** `?topics=a,b` (default `sidecarsets`), each one checked; at most 20. */
export function parseTopics(raw: string | null): Topic[] {
  return topics.parse((raw ?? 'sidecarsets').split(',').filter(Boolean));
}

/** `Last-Event-ID` (or `?lastEventId=`, for clients that cannot set headers): a non-negative integer or nothing. */
export function parseLastEventId(raw: string | null): number | undefined {
  return raw && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}
