import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateFiles } from './gen-openapi';

describe('scripts/gen-openapi.ts', () => {
  it('checked-in generated OpenAPI files are up to date (run `npx tsx scripts/gen-openapi.ts` if not)', () => {
    for (const [file, content] of Object.entries(generateFiles())) {
      expect(readFileSync(file, 'utf8') === content, file).toBe(true);
    }
  }, 60_000);
});
