/**
 * Reading PDFs in tests (and for the README's screenshot): the text of each page with pdfjs-dist's
 * legacy build (Node), and a page rendered to pixels with @napi-rs/canvas, e.g. to decode a QR code.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import jsQR from 'jsqr';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<Pdfjs> | undefined;
const load = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

const here = createRequire(import.meta.url);
/** The 14 standard fonts (Helvetica…) as pdfjs ships them, to draw the text of PDFs that do not embed them. */
const standardFontDataUrl = path.join(path.dirname(here.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep;

async function open(data: Uint8Array) {
  const { getDocument } = await load();
  return getDocument({
    data: new Uint8Array(data),
    standardFontDataUrl,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
}

/** The text of every page, items joined by spaces and lines by newlines. */
export async function pdfText(data: Uint8Array): Promise<string> {
  const doc = await open(data);
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : ''))
        .join('')
        .replace(/[ \t]+/g, ' '),
    );
  }
  await doc.destroy();
  return pages.join('\n\f');
}

/** Page `n` rendered at `scale` (1 = 72 dpi): RGBA pixels and a PNG. */
export async function renderPdfPage(data: Uint8Array, n = 1, scale = 2) {
  // The canvas pdfjs itself uses in Node (its own copy of @napi-rs/canvas).
  const require_ = createRequire(here.resolve('pdfjs-dist/package.json'));
  const { createCanvas } = require_('@napi-rs/canvas') as typeof import('@napi-rs/canvas');
  const doc = await open(data);
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvasContext: ctx as unknown as CanvasRenderingContext2D, viewport }).promise;
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const png = canvas.toBuffer('image/png');
  await doc.destroy();
  return { width: canvas.width, height: canvas.height, pixels: new Uint8ClampedArray(image.data), png };
}

/** The text of the QR code found on page `n`, or null. */
export async function pdfQrCode(data: Uint8Array, n = 1): Promise<string | null> {
  const { width, height, pixels } = await renderPdfPage(data, n, 2);
  return jsQR(pixels, width, height)?.data ?? null;
}
