/** The Pages Router's app (only the kiosk, see pages/kiosk.tsx): the same global styles and fonts as app/layout.tsx. */
import type { AppProps } from 'next/app';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import '../app/globals.css';

export default function SportelloApp({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
