/** @type {import('next').NextConfig} */
const nextConfig = {
  // client-node is ESM-only and large; keeping it external makes builds faster and lighter.
  serverExternalPackages: ['@kubernetes/client-node'],
  output: 'standalone',
  poweredByHeader: false,
};

export default nextConfig;
