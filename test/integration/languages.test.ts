/**
 * The citizen's language follows the ticket and the appointment (issue 11): the phone page of a
 * ticket opens in the language it was taken in (right to left in Arabic), whatever the phone's
 * browser says; an appointment booked in Arabic or Ukrainian gets its e-mails and its calendar
 * file in that language, the Arabic e-mail laid out right to left.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textIn, type Lang } from '../../contract/lang';
import { messages } from '../../i18n/messages';
import { textOf } from '../../server/db/texts';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { confirmTokenIn, waitForReadMail, type ReadMail } from '../helpers/outbox';
import { createTestSpace, type TestSpace } from '../helpers/services';

let space: TestSpace;
let app: TestApp;
let outbox: string;

beforeAll(async () => {
  space = await createTestSpace();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-lang-'));
  outbox = path.join(dataDir, 'outbox');
  app = await startApp(space, { DATA_DIR: dataDir });
});

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

/** The phone page as the server renders it (before any script runs): its root's `lang` and `dir`. */
async function phonePage(url: string, acceptLanguage = 'it-IT,it;q=0.9'): Promise<{ lang: string; dir: string }> {
  const r = await fetch(url, { headers: { 'accept-language': acceptLanguage } });
  expect(r.status).toBe(200);
  const root = /<div[^>]*data-testid="ticket-page"[^>]*>/.exec(await r.text())?.[0] ?? '';
  return { lang: /\blang="([^"]+)"/.exec(root)?.[1] ?? '', dir: /\bdir="([^"]+)"/.exec(root)?.[1] ?? '' };
}

describe('the phone page', () => {
  it("opens in the ticket's language, right to left in Arabic, whatever the browser's; ?lang= (the citizen's switch) wins", async () => {
    const service = await space.db.service.findFirstOrThrow({
      where: { mode: 'desk', active: true },
      orderBy: { sortOrder: 'asc' },
    });
    const take = async (lang: Lang) => {
      const r = await new ApiClient(app.url).post('/api/tickets', { serviceId: service.id, lang });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.code as string;
    };
    const arabic = await take('ar');
    expect(await phonePage(`${app.url}/t/${arabic}`)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await phonePage(`${app.url}/t/${arabic}`, 'en-GB,en;q=0.9')).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await phonePage(`${app.url}/t/${arabic}?lang=en`)).toEqual({ lang: 'en', dir: 'ltr' });

    const ukrainian = await take('uk');
    expect(await phonePage(`${app.url}/t/${ukrainian}`, 'ar')).toEqual({ lang: 'uk', dir: 'ltr' });

    // No such ticket: the browser's language, as before.
    expect(await phonePage(`${app.url}/t/${'z'.repeat(16)}`, 'ar,en;q=0.5')).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await phonePage(`${app.url}/t/${'z'.repeat(16)}`, 'en-GB')).toEqual({ lang: 'en', dir: 'ltr' });
  });
});

describe('an appointment booked in Arabic or Ukrainian', () => {
  let serviceId: string;
  let officeId: string;
  let names: { service: Record<string, string>; office: Record<string, string> };

  beforeAll(async () => {
    const service = await space.db.service.findFirstOrThrow({
      where: { code: 'carta-identita-elettronica' },
      include: { office: true },
    });
    serviceId = service.id;
    officeId = service.officeId;
    const both = (l: Lang) => [textIn(textOf(service.name), l), textIn(textOf(service.office.name), l)];
    names = {
      service: { ar: both('ar')[0]!, uk: both('uk')[0]! },
      office: { ar: both('ar')[1]!, uk: both('uk')[1]! },
    };
    // Every day, 08:00–20:00: always a place in the next days, whatever the hour of the run.
    await space.db.schedule.update({
      where: { officeId_serviceId: { officeId, serviceId } },
      data: {
        capacity: 2,
        minNoticeMinutes: 60,
        hours: { deleteMany: {}, create: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '20:00' })) },
      },
    });
  });

  const part = (m: ReadMail, type: string) => m.parts.find((p) => p.contentType.startsWith(type))?.text ?? '';
  /** The calendar file's text with its folded lines joined and its escapes undone. */
  const unfold = (ics: string) => ics.replace(/\r?\n[ \t]/g, '').replace(/\\([,;\\])/g, '$1');
  const prefix = (template: string) => template.slice(0, template.indexOf('{'));

  it.each([
    ['ar', 'rtl'],
    ['uk', 'ltr'],
  ] as const)('%s: the request to confirm, the confirmation and its calendar file are in it (%s)', async (lang, dir) => {
    const t = messages[lang].book;
    const email = `citizen-${lang}@example.org`;
    const r0 = await new ApiClient(app.url).get(`/api/appointments/availability?serviceId=${serviceId}&officeId=${officeId}`);
    expect(r0.status).toBe(200);
    const after = Date.now() + 50 * 3600_000;
    const slot = (r0.body.days as { slots: { startsAt: string; free: number }[] }[])
      .flatMap((d) => d.slots)
      .find((s) => s.free > 0 && Date.parse(s.startsAt) > after)!;
    const booked = await new ApiClient(app.url).post('/api/appointments', {
      serviceId,
      officeId,
      startsAt: slot.startsAt,
      name: 'Amal Haddad',
      email,
      privacyConsent: true,
      lang,
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);

    // The request to confirm: subject, text and HTML in the language, the HTML in its direction.
    const request = await waitForReadMail(outbox, (m) => m.to === email && part(m, 'text/plain').includes('/book/confirm/'));
    expect(request.subject.startsWith(`${prefix(t.email.confirm_request.subject)}${names.service[lang]}`)).toBe(true);
    expect(part(request, 'text/plain')).toContain(t.email.greeting.replace('{name}', 'Amal Haddad'));
    expect(part(request, 'text/html')).toContain(`<html lang="${lang}" dir="${dir}">`);
    // The link opens the confirmation page in the same language.
    expect(part(request, 'text/plain')).toContain(`?lang=${lang}`);

    const confirmed = await new ApiClient(app.url).post('/api/appointments/confirm', {
      token: confirmTokenIn(part(request, 'text/plain')),
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const code = confirmed.body.code as string;

    const confirmation = await waitForReadMail(
      outbox,
      (m) => m.to === email && m.parts.some((p) => p.contentType.startsWith('text/calendar')),
    );
    expect(confirmation.subject.startsWith(`${prefix(t.email.confirmation.subject)}${names.service[lang]}`)).toBe(true);
    const html = part(confirmation, 'text/html');
    expect(html).toContain(`<html lang="${lang}" dir="${dir}">`);
    // The booking code reads left to right inside the Arabic sentence.
    expect(html).toContain(`<bdi>${code}</bdi>`);

    // The calendar file, attached and downloaded: its title, description and reminder in the language.
    const attached = unfold(part(confirmation, 'text/calendar'));
    const downloaded = unfold(await (await fetch(`${app.url}${confirmed.body.icsUrl}`)).text());
    for (const ics of [attached, downloaded]) {
      expect(ics).toContain(`SUMMARY:${names.service[lang]} – ${names.office[lang]}`);
      expect(ics).toContain(`DESCRIPTION:${prefix(t.ics.description)}${code}`);
      expect(ics).toContain(`DESCRIPTION:${t.ics.alarm.replace('{service}', names.service[lang]!)}`);
    }
  });
});
