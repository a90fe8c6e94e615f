import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import { openConfigured } from './index';
import { describeStoreContract } from './store-contract.testkit';

const root = mkdtempSync(join(tmpdir(), 'dashboard-sqlite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

describeStoreContract('sqlite', async () => {
  const file = join(root, `db-${++n}`, 'rollouts.sqlite');
  return {
    open: (retention) => openConfigured({ engine: 'sqlite', file, retention: { maxAgeMs: Infinity, maxBytes: Infinity, ...retention } }, { pruneEveryMs: 0 }),
    exec: async (sql) => {
      const db = new Database(file);
      try {
        db.exec(sql);
      } finally {
        db.close();
      }
    },
  };
});
