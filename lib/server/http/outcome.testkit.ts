/** Test support: what a check did, as data: its value, or the DashboardError's status and reason. */
import { DashboardError } from './dashboard-error';

export async function outcome(p: Promise<unknown> | (() => unknown)): Promise<{ ok: unknown } | { status: number; reason: string }> {
  try {
    return { ok: await (typeof p === 'function' ? p() : p) };
  } catch (e) {
    if (!(e instanceof DashboardError)) throw e;
    return { status: e.status, reason: e.reason };
  }
}
