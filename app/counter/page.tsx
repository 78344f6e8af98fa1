import type { Metadata } from 'next';
import { CounterApp } from '../../counter/CounterApp';

export const metadata: Metadata = { title: 'Sportello – operatore', robots: { index: false, follow: false } };

/** The clerk screen; everything lives in counter/. */
export default function CounterPage() {
  return <CounterApp />;
}
