import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { renderEscPos } from '../../server/printing/escpos';
import type { PrintLayout } from '../../server/printing/layout';
import { dotsFor, isRightToLeft, needsRaster, rasterText } from '../../server/printing/raster-text';
import { decodeEscPos, type DecodedImage } from '../helpers/escpos-decode';

/** The PNG as the printer's 1-bit rows (1 = black), decoded by Skia, not by the printer library. */
async function bitsOf(png: Buffer): Promise<DecodedImage> {
  const img = await loadImage(png);
  const ctx = createCanvas(img.width, img.height).getContext('2d');
  ctx.drawImage(img, 0, 0);
  const { data } = ctx.getImageData(0, 0, img.width, img.height);
  const rowBytes = Math.ceil(img.width / 8);
  const bits = Buffer.alloc(rowBytes * img.height);
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 4;
      const grey = 0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!;
      if (grey < 128) bits[y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  return { width: rowBytes * 8, height: img.height, bits };
}

/** Leftmost and rightmost black columns. */
function inkSpan(image: DecodedImage): { from: number; to: number; dots: number } {
  let from = Infinity;
  let to = -1;
  let dots = 0;
  const rowBytes = image.width / 8;
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++)
      if (image.bits[y * rowBytes + (x >> 3)]! & (0x80 >> (x & 7))) {
        from = Math.min(from, x);
        to = Math.max(to, x);
        dots++;
      }
  return { from, to, dots };
}

const layout = (blocks: PrintLayout['blocks']): PrintLayout => ({ kind: 'ticket', lang: 'it', title: 't', blocks });

describe('text the printer cannot print goes as a raster image', () => {
  it('tells which texts need it: Arabic, Chinese, Cyrillic, Romanian ș; not Italian, English, Albanian', () => {
    expect(['رقمك', '您的号码', 'Ваш номер', 'Așteptare'].map(needsRaster)).toEqual([true, true, true, true]);
    expect(['Città, €5', 'Your number', 'Numri juaj është'].map(needsRaster)).toEqual([false, false, false]);
    expect(isRightToLeft('رقمك A012')).toBe(true);
    expect(isRightToLeft('A012 رقمك')).toBe(false); // the first strong letter decides, as in Unicode's bidi rules
    expect(isRightToLeft('您的号码')).toBe(false);
  });

  it('prints the number as printer text and the other scripts as images, each exactly the text drawn on the server', async () => {
    const blocks: PrintLayout['blocks'] = [
      { type: 'text', text: 'رقمك هو', align: 'left' },
      { type: 'text', text: 'A012', scale: 6, bold: true },
      { type: 'text', text: '您的号码：请等待叫号', align: 'left' },
      { type: 'text', text: 'Ваш номер', align: 'center' },
      { type: 'cut' },
    ];
    const printed = decodeEscPos(await renderEscPos(layout(blocks), { printerType: 'epson', paperWidth: 80 }));
    expect(printed.lines.map((l) => l.text.trim()).filter(Boolean)).toEqual(['A012']);
    expect(printed.images).toHaveLength(3);
    expect(printed.cuts).toBe(1);

    const expected = await Promise.all(
      [blocks[0], blocks[2], blocks[3]].map((b) =>
        b?.type === 'text' ? bitsOf(rasterText(b.text, { scale: 1, align: b.align ?? 'center', paperWidth: 80 }).png) : null,
      ),
    );
    printed.images.forEach((image, i) => {
      expect(image.width).toBe(dotsFor(80));
      expect(image.height).toBe(expected[i]!.height);
      expect(image.bits.equals(expected[i]!.bits)).toBe(true);
    });

    const [arabic, chinese, cyrillic] = printed.images.map(inkSpan);
    // Every image has real glyphs in it, not a blank strip.
    for (const span of [arabic!, chinese!, cyrillic!]) expect(span.dots).toBeGreaterThan(200);
    // "left" is the start of the line: the right edge for Arabic, the left edge for Chinese.
    expect(arabic!.to).toBeGreaterThan(dotsFor(80) - 12);
    expect(arabic!.from).toBeGreaterThan(dotsFor(80) / 2);
    expect(chinese!.from).toBeLessThan(12);
    // Centred Cyrillic: about as much paper on each side.
    expect(Math.abs(cyrillic!.from - (dotsFor(80) - 1 - cyrillic!.to))).toBeLessThan(6);
  });

  it('wraps a long text over several lines within the 58 mm paper', async () => {
    const text = 'يُرجى الانتظار حتى يظهر رقمك على الشاشة ثم التوجه إلى الشباك المبيَّن. شكرًا لك!';
    const one = rasterText('شكرًا', { scale: 1, align: 'center', paperWidth: 58 });
    const long = rasterText(text, { scale: 1, align: 'center', paperWidth: 58 });
    expect(long.width).toBe(dotsFor(58));
    expect(long.height).toBeGreaterThanOrEqual(3 * one.height);
    const printed = decodeEscPos(await renderEscPos(layout([{ type: 'text', text }]), { printerType: 'epson', paperWidth: 58 }));
    expect(printed.images[0]?.height).toBe(long.height);
  });
});
