import type { ReactNode } from 'react';

export interface ErrorStateProps {
  title: string;
  /** The server's own words, shown as they are. */
  message?: string;
  children?: ReactNode;
}

export function ErrorState({ title, message, children }: ErrorStateProps) {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 px-5 py-4 text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100">
      <p className="font-semibold">{title}</p>
      {message && <p className="mt-1 text-sm break-words">{message}</p>}
      {children && <div className="mt-3">{children}</div>}
    </div>
  );
}
