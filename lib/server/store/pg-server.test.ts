import { describe, expect, it } from 'vitest';
import { postgresBinDir } from './pg-server.testkit';

describe('postgresBinDir', () => {
  it('fails, naming the Debian package, when no PostgreSQL server is installed', () => {
    expect(() => postgresBinDir('/nonexistent/postgresql', undefined)).toThrow(/PostgreSQL server binaries not found.*apt-get install -y postgresql/);
    expect(() => postgresBinDir('/nonexistent/postgresql', '/nonexistent/bin')).toThrow(/none in PG_BIN=\/nonexistent\/bin/);
  });
});
