import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import tseslint from 'typescript-eslint';

/**
 * The rooms of lib/ and which way imports may go (docs/architecture.md). Each room lists what it must not
 * import; a wrong arrow fails `npm run lint`. Tests, test kits, scripts and e2e may reach across rooms.
 */
const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/*.testkit.ts', 'e2e/**', 'scripts/**', '**/fixtures/**'];

const deepDomain = {
  group: ['@/lib/sidecarset/*/*', '!@/lib/sidecarset/fixtures/*'],
  message: 'import the SidecarSet domain from @/lib/sidecarset or one of its concepts (@/lib/sidecarset/timeline), not a file inside one',
};
const testkits = { group: ['**/*.testkit'], message: 'test kits are for tests only; nothing that ships may import one' };
const clientNode = { group: ['@kubernetes/client-node'], message: 'only lib/cluster (cluster access) talks to the cluster through client-node' };
const server = { group: ['@/lib/server', '@/lib/server/*', 'server-only'], message: 'server code never reaches the browser' };
const clusterAccess = { group: ['@/lib/cluster', '@/lib/cluster/*'], message: 'cluster access is reached through lib/server' };
const simulator = { group: ['@/lib/embedded-cluster', '@/lib/embedded-cluster/*'], message: 'the embedded cluster is started by lib/cluster/embedded.ts only' };
const browser = { group: ['@/lib/browser', '@/lib/browser/*', '@/components/*', 'react', 'react-dom', 'swr'], message: 'the browser side is not for server or domain code' };
const dashboard = { group: ['@/lib/*', '@/components/*', '@/app/*', 'next', 'next/*', 'react'], message: 'the embedded cluster imports no dashboard code' };

/** One rule entry per room: flat config replaces (not merges) a rule's options for the files it matches. */
function room(files, patterns, extra = {}) {
  return {
    files,
    ignores: TESTS,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...patterns, testkits], ...extra }] },
  };
}

const config = [
  { ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'] },
  ...nextCoreWebVitals,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // The wire contract is types only: no value import may appear in it.
  room(['lib/api/**'], [{ group: ['*', '@/*', './*', '../*'], allowTypeImports: true, message: 'lib/api holds types only (import type)' }]),
  // The domain is pure: no I/O, no framework, nothing above it.
  room(['lib/sidecarset/**'], [
    { group: ['@/lib/*', '!@/lib/sidecarset', '!@/lib/sidecarset/*', 'next', 'next/*', 'react', 'node:*', 'swr'], message: 'lib/sidecarset is pure: no I/O, no framework, nothing above it' },
    clientNode,
  ]),
  room(['lib/cluster/**'], [browser, deepDomain, { group: ['@/lib/server', '@/lib/server/*', '@/app/*'], message: 'cluster access sits under the server side' }]),
  room(['lib/server/**'], [browser, deepDomain, clientNode, simulator]),
  room(['lib/browser/**', 'components/**'], [server, clusterAccess, simulator, clientNode, deepDomain]),
  room(['app/**'], [
    { group: ['@/lib/server/*'], message: 'routes and pages use @/lib/server (the caller-aware entry), never a module behind it' },
    clusterAccess, simulator, clientNode, deepDomain,
  ]),
  room(['lib/embedded-cluster/**'], [dashboard]),
];

export default config;
