import { json, sidecarSetRead } from '@/lib/server';

export const dynamic = 'force-dynamic';

/** Who changed this SidecarSet through the dashboard, newest first (from its Kubernetes Events). */
export const GET = sidecarSetRead((r, name) => json(r.audit(name)));
