// Server-only module; no `import 'server-only'` (it throws outside Next's react-server build, breaking vitest).
import type { Driver } from './driver';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';
import { StoreSchemaError } from './types';

const CREATE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`;

/**
 * Brings the schema up to date: each pending migration in its own transaction with its schema_migrations row,
 * so a crash leaves the database at one version or the next, never between. Refuses a database that a newer
 * dashboard already migrated: this code would misread (or damage) tables it does not know.
 */
export async function migrate(driver: Driver, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  const latest = migrations === MIGRATIONS ? LATEST_VERSION : migrations.reduce((v, m) => Math.max(v, m.version), 0);
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  let version = 0;
  for (;;) {
    const applied = await driver.transaction(async (q) => {
      await driver.lockMigrations(q);
      await q.exec(CREATE);
      const rows = await q.all<{ v: number | string | null }>('SELECT max(version) AS v FROM schema_migrations');
      version = Number(rows[0]?.v ?? 0);
      if (version > latest) {
        throw new StoreSchemaError(
          `the ${driver.engine} database is at schema version ${version}, newer than this dashboard knows (${latest}): ` +
            'it was written by a newer dashboard; run that version, or point this one at another database',
        );
      }
      const next = sorted.find((m) => m.version > version);
      if (!next) return false;
      await q.exec(driver.engine === 'sqlite' ? next.sqlite : next.postgres);
      await q.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [next.version, next.name, Date.now()]);
      version = next.version;
      return true;
    });
    if (!applied) return version;
  }
}
