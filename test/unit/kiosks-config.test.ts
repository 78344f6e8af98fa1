import type { KioskView } from '../../contract/kiosks';
import { describe, expect, it } from 'vitest';
import { ago, changedFields, draftOf, initialKiosksState, kiosksReducer } from '../../admin/config/kiosks';

const kiosk: KioskView = {
  id: 'k1',
  officeId: 'o',
  name: 'Ingresso',
  printMode: 'agent',
  printerType: 'epson',
  printerInterface: 'tcp://10.0.0.5:9100',
  paperWidth: 80,
  locationHint: { it: 'Atrio', en: 'Hall' },
  active: true,
  pairedAt: null,
  printerStatus: 'online',
  printerDetail: null,
  agentConnected: true,
  lastSeenAt: null,
  createdAt: new Date(0).toISOString(),
  kioskUrl: 'http://localhost/kiosk?kiosk=k1',
};

describe('kiosks page', () => {
  it('sends only the fields that changed', () => {
    expect(changedFields(kiosk, draftOf(kiosk))).toEqual({});
    expect(changedFields(kiosk, { ...draftOf(kiosk), paperWidth: 58, name: 'Atrio' })).toEqual({ paperWidth: 58, name: 'Atrio' });
  });

  it('sends the location hint whole when one language changed, and null when every language is blank', () => {
    const draft = draftOf(kiosk);
    expect(changedFields(kiosk, { ...draft, locationHint: { ...draft.locationHint, ro: ' Hol ' } })).toEqual({
      locationHint: { it: 'Atrio', en: 'Hall', ro: 'Hol' },
    });
    const blank = Object.fromEntries(Object.keys(draft.locationHint).map((l) => [l, ' '])) as typeof draft.locationHint;
    expect(changedFields(kiosk, { ...draft, locationHint: blank })).toEqual({ locationHint: null });
  });

  it('says "last seen" relative to when the list was read', () => {
    const now = Date.parse('2026-12-02T10:00:00Z');
    expect(ago('2026-12-02T09:57:00Z', now, 'en')).toBe('3 minutes ago');
    expect(ago('2026-12-02T07:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(ago('2026-12-02T10:00:20Z', now, 'en')).toBe('now');
  });

  it('opening a dialog forgets the previous copy outcome', () => {
    let s = kiosksReducer(initialKiosksState, { type: 'show', shown: { kind: 'token', kiosk, token: 'secret' } });
    s = kiosksReducer(s, { type: 'copied', notice: { kind: 'success', key: 'config.kiosks.copied' } });
    expect(s.copied).not.toBeNull();
    s = kiosksReducer(s, { type: 'show', shown: null });
    expect(s).toMatchObject({ shown: null, copied: null });
  });

  it('keeps the time the list was read', () => {
    const s = kiosksReducer(initialKiosksState, { type: 'loaded', list: [kiosk], now: 42 });
    expect(s).toMatchObject({ list: [kiosk], now: 42 });
  });
});
