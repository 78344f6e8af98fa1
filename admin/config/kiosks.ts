/**
 * The kiosks page as pure functions (no React, unit-tested): the edit draft, what a save sends,
 * "last seen" in words, and the page's state besides the edit dialog (list, the dialog that shows a
 * new token or a print preview, the notices).
 */
import type { KioskView, PairingCode } from '../../contract/kiosks';
import type { Notice } from '../../ui/staff/notice';

/** What the form edits; the paper is 58 or 80 mm, as the API takes it. */
export type Draft = Pick<
  KioskView,
  'name' | 'printMode' | 'printerType' | 'printerInterface' | 'locationHintIt' | 'locationHintEn' | 'active'
> & { paperWidth: 58 | 80 };
export const paperOf = (mm: number): 58 | 80 => (mm === 58 ? 58 : 80);
export type Editing = { kind: 'new'; draft: Draft } | { kind: 'edit'; kiosk: KioskView; draft: Draft } | null;
export type Shown =
  | { kind: 'token'; kiosk: KioskView; token: string }
  | { kind: 'pairing'; kiosk: KioskView; pairing: PairingCode }
  | { kind: 'preview'; kiosk: KioskView }
  | null;

export const newDraft: Draft = {
  name: '',
  printMode: 'agent',
  printerType: 'epson',
  printerInterface: 'none',
  paperWidth: 80,
  locationHintIt: '',
  locationHintEn: '',
  active: true,
};

export const draftOf = (k: KioskView): Draft => ({
  name: k.name,
  printMode: k.printMode,
  printerType: k.printerType,
  printerInterface: k.printerInterface,
  paperWidth: paperOf(k.paperWidth),
  locationHintIt: k.locationHintIt,
  locationHintEn: k.locationHintEn,
  active: k.active,
});

/** Only what changed: a PATCH naming the printer resets its status and reconnects the agent. */
export function changedFields(kiosk: KioskView, draft: Draft): Partial<Draft> {
  const before = draftOf(kiosk);
  return Object.fromEntries(Object.entries(draft).filter(([k, v]) => before[k as keyof Draft] !== v)) as Partial<Draft>;
}

/** "3 min ago" in the screen's language. */
export function ago(iso: string, now: number, lang: string): string {
  const f = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const s = Math.round((Date.parse(iso) - now) / 1000);
  if (Math.abs(s) < 60) return f.format(Math.min(0, s), 'second');
  const m = Math.round(s / 60);
  if (Math.abs(m) < 60) return f.format(m, 'minute');
  const h = Math.round(m / 60);
  if (Math.abs(h) < 24) return f.format(h, 'hour');
  return f.format(Math.round(h / 24), 'day');
}

export interface KiosksState {
  list: KioskView[] | null;
  /** When the list was read: "last seen" is measured from it. */
  now: number;
  notice: Notice | null;
  shown: Shown;
  /** The outcome of "copy" in the token dialog. */
  copied: Notice | null;
}

export type KiosksAction =
  | { type: 'loaded'; list: KioskView[]; now: number }
  | { type: 'notice'; notice: Notice | null }
  | { type: 'show'; shown: Shown }
  | { type: 'copied'; notice: Notice };

export const initialKiosksState: KiosksState = { list: null, now: 0, notice: null, shown: null, copied: null };

export function kiosksReducer(state: KiosksState, action: KiosksAction): KiosksState {
  switch (action.type) {
    case 'loaded':
      return { ...state, list: action.list, now: action.now };
    case 'notice':
      return { ...state, notice: action.notice };
    case 'show':
      // A dialog opens (or closes) without the previous copy outcome.
      return { ...state, shown: action.shown, copied: null };
    case 'copied':
      return { ...state, copied: action.notice };
  }
}
