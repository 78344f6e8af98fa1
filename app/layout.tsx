import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
// Chinese glyphs, self-hosted (no font download from elsewhere); the browser fetches only the
// unicode-range chunks a page uses, and only where text is marked lang="zh" (globals.css).
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './globals.css';

export const metadata: Metadata = {
  title: 'Sportello',
  description: 'Queue management and appointments for the one-stop citizen desk',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b4f9c' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request: the Content-Security-Policy nonce (proxy.ts) is new every time.
  await connection();
  return (
    <html lang="it">
      <body>{children}</body>
    </html>
  );
}
