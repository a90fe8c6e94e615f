/** The version a sidecar reports: MOSN's JSON `{"version": …}`, or the OpenKruise sample's "version(v2)". */
export function versionFrom(body: string): string | undefined {
  try {
    const j = JSON.parse(body) as { version?: unknown };
    if (typeof j.version === 'string') return j.version;
  } catch {
    // not JSON
  }
  const m = /version\(([^)]+)\)/.exec(body) ?? /\bv\d+(?:\.\d+)*\b/.exec(body);
  return m ? (m[1] ?? m[0]) : undefined;
}
