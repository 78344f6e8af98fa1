/**
 * The kiosk's accessibility modes (EN 301 549 chapters 5 and 8): speech output ("listen"), a low
 * layout for wheelchair users, large text and high contrast. Pure: the flow reducer keeps them in
 * the kiosk's state, so going back to the start screen (done, start over, the inactivity time-out)
 * resets them for the next citizen.
 */

export interface AccessSettings {
  /** Speech output: the screen and each focused element are read aloud. */
  listen: boolean;
  /** Index into VOLUMES. */
  volume: number;
  /** Index into RATES. */
  rate: number;
  /** Every control in the lower part of the portrait screen. */
  low: boolean;
  large: boolean;
  contrast: boolean;
}

/** Speech volume steps (SpeechSynthesisUtterance.volume, 0 to 1). */
export const VOLUMES = [0.2, 0.4, 0.6, 0.8, 1] as const;
/** Speech speed steps (SpeechSynthesisUtterance.rate; 1 is the voice's normal speed). */
export const RATES = [0.6, 0.8, 1, 1.25, 1.5] as const;

export const defaultAccess: AccessSettings = {
  listen: false,
  volume: VOLUMES.length - 1,
  rate: RATES.indexOf(1),
  low: false,
  large: false,
  contrast: false,
};

export type AccessMode = 'listen' | 'low' | 'large' | 'contrast';

export type AccessChange = { toggle: AccessMode } | { volume: 1 | -1 } | { rate: 1 | -1 };

const clamp = (i: number, length: number) => Math.min(length - 1, Math.max(0, i));

export function changeAccess(a: AccessSettings, change: AccessChange): AccessSettings {
  if ('toggle' in change) return { ...a, [change.toggle]: !a[change.toggle] };
  if ('volume' in change) return { ...a, volume: clamp(a.volume + change.volume, VOLUMES.length) };
  return { ...a, rate: clamp(a.rate + change.rate, RATES.length) };
}

/** Some mode is on: the kiosk counts down to its reset even on the start screen. */
export function accessChanged(a: AccessSettings): boolean {
  return a.listen || a.low || a.large || a.contrast || a.volume !== defaultAccess.volume || a.rate !== defaultAccess.rate;
}

export const volumeOf = (a: AccessSettings) => VOLUMES[clamp(a.volume, VOLUMES.length)];
export const rateOf = (a: AccessSettings) => RATES[clamp(a.rate, RATES.length)];
