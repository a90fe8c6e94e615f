import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { DataProvider } from '@/lib/browser/stream/data-provider';
import { clusterSnapshot } from '@/lib/server';
import { AppHeader } from '@/components/layout/app-header';
import { ClusterGate } from '@/components/layout/cluster-gate';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'SidecarSet Dashboard', template: '%s · SidecarSet Dashboard' },
  description: 'OpenKruise SidecarSet hot upgrades, pod by pod, with proof that traffic kept flowing.',
  icons: { icon: '/icon.svg' },
};

// The cluster (and its context cookie) decide what every page shows: never prerender.
export const dynamic = 'force-dynamic';

export default async function RootLayout({ children }: { children: ReactNode }) {
  const cluster = await clusterSnapshot();
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <DataProvider initialStatus={cluster?.status}>
          <a
            href="#main"
            className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 dark:bg-zinc-900"
          >
            Skip to content
          </a>
          <AppHeader initial={cluster} />
          <main id="main" className="mx-auto max-w-[1440px] px-4 py-6 sm:px-6">
            <ClusterGate>{children}</ClusterGate>
          </main>
        </DataProvider>
      </body>
    </html>
  );
}
