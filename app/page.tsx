import Link from 'next/link';
import { messages } from '../i18n/messages';

const SCREENS = [
  { href: '/kiosk', key: 'kiosk' },
  { href: '/display', key: 'display' },
  { href: '/counter', key: 'counter' },
  { href: '/book', key: 'book' },
  { href: '/portale', key: 'portal' },
  { href: '/attese', key: 'waits' },
  { href: '/admin', key: 'admin' },
  { href: '/api/openapi.json', key: 'api' },
] as const;

/** The entry page of an installation: every screen, named in Italian and English. */
export default function Home() {
  const it = messages.it.home;
  const en = messages.en.home;
  return (
    <main style={{ maxWidth: 720, margin: '48px auto', padding: 24 }}>
      <h1>{it.title}</h1>
      <p>
        {it.intro} <span lang="en">/ {en.intro}</span>
      </p>
      <h2>
        {it.screens} <span lang="en">/ {en.screens}</span>
      </h2>
      <ul style={{ fontSize: 22, lineHeight: 2 }}>
        {SCREENS.map((s) => (
          <li key={s.href}>
            <Link href={s.href}>
              {it[s.key]} <span lang="en">/ {en[s.key]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
