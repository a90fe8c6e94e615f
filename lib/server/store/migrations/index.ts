// Server-only module; no `import 'server-only'` (it throws outside Next's react-server build, breaking vitest).
import { migration0001 } from './0001_initial';

/**
 * A schema change: SQL per engine, applied once, in version order, each in its own transaction and recorded in
 * schema_migrations. Never edit a released migration; add the next one.
 */
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [migration0001];

export const LATEST_VERSION = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);
