import { describe, expect, it } from 'vitest';
import { renderEscPos } from '../../server/printing/escpos';
import type { PrintLayout } from '../../server/printing/layout';
import { dotsFor, isRightToLeft, needsRaster, rasterText } from '../../server/printing/raster-text';
import { decodeEscPos } from '../helpers/escpos-decode';
import { bitsOf, inkSpan } from '../helpers/raster-bits';

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

    const drawn = [blocks[0], blocks[2], blocks[3]].flatMap((b) =>
      b?.type === 'text' ? [bitsOf(rasterText(b.text, { scale: 1, align: b.align ?? 'center', paperWidth: 80 }).png)] : [],
    );
    const expected = await Promise.all(drawn);
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
