import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import type * as Skia from '@napi-rs/canvas';
import iconv from 'iconv-lite';
import type { Align } from './layout';

/**
 * Text a thermal printer cannot print with its own fonts (Arabic, Chinese, Cyrillic, Romanian
 * ș and ț: anything outside code page 858) is drawn on the server with Noto fonts shipped as
 * npm packages and sent as a raster image. Skia shapes Arabic and lays out right-to-left text,
 * which no printer code page does.
 */

/** Printable dots per line at 203 dpi: 72 mm of 80 mm paper, 48 mm of 58 mm paper. */
export function dotsFor(paperWidth: number): number {
  return paperWidth <= 58 ? 384 : 576;
}

/** True when `text` (already through printableText) has a character PC858 lacks. */
export function needsRaster(text: string): boolean {
  return iconv.decode(iconv.encode(text, 'cp858'), 'cp858') !== text;
}

const FAMILY = 'Sportello Print';
const require = createRequire(import.meta.url);
let skia: typeof Skia | null = null;

/**
 * Skia, loaded at the first raster and its bold Noto faces registered (one family alias so Skia
 * falls back across scripts). Not at start: the library, its scan of the system fonts and its two
 * threads add about 35 MB to the resident memory of a server that may never print a character
 * outside PC858 (issue 10).
 */
function loadSkia(): typeof Skia {
  if (skia) return skia;
  const loaded = require('@napi-rs/canvas') as typeof Skia;
  for (const pkg of ['@fontsource/noto-sans', '@fontsource/noto-sans-arabic', '@fontsource/noto-sans-sc']) {
    const dir = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'files');
    for (const file of fs.readdirSync(dir)) {
      if (file.endsWith('-700-normal.woff2')) loaded.GlobalFonts.registerFromPath(path.join(dir, file), FAMILY);
    }
  }
  return (skia = loaded);
}

/** Right-to-left when the first letter with a strong direction is Arabic or Hebrew. */
export function isRightToLeft(text: string): boolean {
  for (const ch of text) {
    if (/[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u.test(ch)) return true;
    if (/\p{L}/u.test(ch)) return false;
  }
  return false;
}

/** Greedy line breaking on word boundaries (Intl.Segmenter also cuts Chinese into words). */
function wrap(ctx: Skia.SKRSContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const { segment } of segmenter.segment(paragraph)) {
      const candidate = line + segment;
      if (line.trim() !== '' && ctx.measureText(candidate.trimEnd()).width > width) {
        lines.push(line.trim());
        line = segment.trimStart();
      } else line = candidate;
    }
    lines.push(line.trim());
  }
  return lines;
}

export interface RasterText {
  width: number;
  height: number;
  /** PNG of the text, black on white: what node-thermal-printer's image command takes. */
  png: Buffer;
}

/**
 * Draws a text block as the printer would print its own text: `scale` 1 is the printer's 24-dot
 * font, a larger scale multiplies it (the ticket number), centred or aligned, across the paper.
 * An aligned block is mirrored for right-to-left text (its start is on the right).
 */
export function rasterText(text: string, opts: { scale: number; align: Align; paperWidth: number }): RasterText {
  const { createCanvas } = loadSkia();
  const width = dotsFor(opts.paperWidth);
  const fontPx = 22 * opts.scale;
  const lineHeight = Math.round(fontPx * 1.35);
  const rtl = isRightToLeft(text);
  const align: Align = rtl && opts.align !== 'center' ? (opts.align === 'left' ? 'right' : 'left') : opts.align;
  const font = `bold ${fontPx}px "${FAMILY}"`;

  const measure = createCanvas(width, lineHeight).getContext('2d');
  measure.font = font;
  const lines = wrap(measure, text, width);

  const canvas = createCanvas(width, lineHeight * lines.length);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000000';
  ctx.font = font;
  ctx.direction = rtl ? 'rtl' : 'ltr';
  ctx.textAlign = align;
  ctx.textBaseline = 'middle';
  const x = align === 'left' ? 0 : align === 'right' ? width : width / 2;
  lines.forEach((line, i) => ctx.fillText(line, x, i * lineHeight + lineHeight / 2));
  return { width: canvas.width, height: canvas.height, png: canvas.toBuffer('image/png') };
}
