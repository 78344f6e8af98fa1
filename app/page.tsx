import Link from 'next/link';

const screens = [
  { href: '/kiosk', it: 'Totem eliminacode', en: 'Ticket kiosk' },
  { href: '/display', it: 'Monitor sala d’attesa', en: 'Waiting-room display' },
  { href: '/counter', it: 'Postazione operatore', en: 'Clerk counter' },
  { href: '/api/openapi.json', it: 'API (OpenAPI)', en: 'API (OpenAPI)' },
];

export default function Home() {
  return (
    <main style={{ maxWidth: 720, margin: '48px auto', padding: 24 }}>
      <h1>Sportello</h1>
      <p>Sportello Unico Polivalente — gestione code e appuntamenti / queue management and appointments.</p>
      <ul style={{ fontSize: 22, lineHeight: 2 }}>
        {screens.map((s) => (
          <li key={s.href}>
            <Link href={s.href}>
              {s.it} <span lang="en">/ {s.en}</span>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
