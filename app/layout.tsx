import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { AccountLink } from '@/app/_components/account/account-link';
import { InstructorLink } from '@/app/_components/account/instructor-link';
import { ContentReload } from '@/app/_components/dev/content-reload';
import { ThemeToggle, themeBootScript } from '@/app/_components/theme/theme-toggle';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Awaitable', template: '%s · Awaitable' },
  description: 'Understand Python coroutines and asyncio by running them, right in your browser.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeBootScript }} />
      </head>
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2">
          Skip to content
        </a>
        <header className="border-b border-slate-200 dark:border-slate-800">
          <nav aria-label="Main" className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
            <Link href="/" className="font-semibold tracking-tight text-indigo-700 dark:text-indigo-300">
              await<span className="text-slate-900 dark:text-slate-100">able</span>
            </Link>
            <div className="flex flex-wrap items-center justify-end gap-x-4 gap-y-2">
              <InstructorLink />
              <Link
                href="/progress"
                className="text-sm text-slate-700 hover:text-indigo-700 hover:underline dark:text-slate-300 dark:hover:text-indigo-300"
              >
                My progress
              </Link>
              <AccountLink />
              <ThemeToggle />
            </div>
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-3xl px-4 py-8">
          {children}
        </main>
        {process.env.NODE_ENV === 'development' ? <ContentReload /> : null}
      </body>
    </html>
  );
}
