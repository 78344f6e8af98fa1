import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Sportello',
  description: 'Queue management and appointments for the one-stop citizen desk',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request: the Content-Security-Policy nonce (proxy.ts) is new every time.
  await connection();
  return (
    <html lang="it">
      <body>{children}</body>
    </html>
  );
}
