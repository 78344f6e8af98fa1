'use client';
/**
 * Category icons are emoji from the database. A kiosk without a colour-emoji font would show
 * empty boxes ("tofu"), so each emoji is drawn once on a canvas and compared with a character no
 * font has: when they look the same, the icon is left out and the words stand alone.
 */
const cache = new Map<string, boolean>();
const MISSING = '\u{10FFFD}';

function pixels(ctx: CanvasRenderingContext2D, text: string): Uint8ClampedArray {
  ctx.clearRect(0, 0, 40, 40);
  ctx.fillText(text, 2, 32);
  return ctx.getImageData(0, 0, 40, 40).data;
}

export function canShowEmoji(text: string): boolean {
  if (!text) return false;
  if (typeof document === 'undefined') return false;
  const known = cache.get(text);
  if (known !== undefined) return known;
  let ok = true;
  try {
    const canvas = document.createElement('canvas');
    canvas.width = 40;
    canvas.height = 40;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (ctx) {
      ctx.font = '30px "Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji", "Twemoji Mozilla", sans-serif';
      const a = pixels(ctx, text);
      const b = pixels(ctx, MISSING);
      const blank = a.every((v) => v === 0);
      const same = a.length === b.length && a.every((v, i) => v === b[i]);
      ok = !blank && !same;
    }
  } catch {
    ok = true;
  }
  cache.set(text, ok);
  return ok;
}

/** Renders only on the client (the catalogue is loaded there), so no hydration mismatch. */
export function Emoji({ text, className }: { text: string; className?: string }) {
  if (!canShowEmoji(text)) return null;
  return (
    <span className={className} aria-hidden="true">
      {text}
    </span>
  );
}
