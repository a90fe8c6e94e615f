import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { openConfigured } from './index';
import { PgTestServer } from './pg-server.testkit';
import { describeStoreContract } from './store-contract.testkit';

// A real server, started here; fails (does not skip) when the postgresql package is missing.
let server: PgTestServer;
beforeAll(async () => {
  server = await new PgTestServer().start();
}, 120_000);
afterAll(async () => server?.destroy());

describeStoreContract('postgres', async () => {
  const url = await server.createDatabase();
  return {
    open: (retention) => openConfigured({ engine: 'postgres', connectionString: url, retention: { maxAgeMs: Infinity, maxBytes: Infinity, ...retention } }, { pruneEveryMs: 0 }),
    exec: async (sql) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    },
  };
});
