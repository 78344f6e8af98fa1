import type { Metadata } from 'next';
import { BackOfficeApp } from '../../../backoffice/BackOfficeApp';

export const metadata: Metadata = { title: 'Sportello – pratiche', robots: { index: false, follow: false } };

/** The clerks' back office of online and desk procedures; everything lives in backoffice/. */
export default function BackOfficePage() {
  return <BackOfficeApp />;
}
