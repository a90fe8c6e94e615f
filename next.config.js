/** @type {import('next').NextConfig} */
const nextConfig = {
  // client-node is ESM-only and large; keeping it external makes builds faster and lighter.
  serverExternalPackages: ['@kubernetes/client-node'],
  // The container image runs the standalone server; `npm start` runs `next start`, which does not support it.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  poweredByHeader: false,
  // Lets two builds coexist (e.g. a benchmark build beside the dev build).
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

export default nextConfig;
