import type { MetadataRoute } from 'next';

/** So a citizen can keep the phone pages (ticket, request, portal) on the home screen. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Sportello – Comune',
    short_name: 'Sportello',
    description: 'Servizi per i cittadini: biglietti, appuntamenti, pratiche online',
    start_url: '/',
    display: 'standalone',
    background_color: '#f2f5f9',
    theme_color: '#0b4f9c',
    icons: [
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    ],
  };
}
