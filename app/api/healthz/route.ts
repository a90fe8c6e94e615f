export const dynamic = 'force-dynamic';

/** Liveness: the server answers. Cluster health is in /api/cluster. */
export function GET(): Response {
  return Response.json({ ok: true });
}
