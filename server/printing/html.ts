import QRCode from 'qrcode';
import { columnsFor, flowLayout, qrCellSize, type FlowBlock, type PrintLayout } from './layout';

/** Printer resolution: 203 dpi thermal heads print 8 dots per millimetre. */
const DOTS_PER_MM = 8;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

async function qrSvg(data: string, paperWidth: number): Promise<string> {
  // Same payload, error correction and module size as the printer's native QR code.
  const modules = QRCode.create(data, { errorCorrectionLevel: 'M' }).modules.size;
  const mm = (modules * qrCellSize(paperWidth)) / DOTS_PER_MM;
  const svg = await QRCode.toString(data, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
  return `<div class="qr" style="width:${mm.toFixed(1)}mm;height:${mm.toFixed(1)}mm" data-qr="${escapeHtml(data)}">${svg}</div>`;
}

async function blockHtml(b: FlowBlock, paperWidth: number): Promise<string> {
  switch (b.type) {
    case 'text': {
      const cls = `t a-${b.align}${b.bold ? ' b' : ''}`;
      return b.lines.map((l) => `<div class="${cls}" style="--s:${b.scale}">${escapeHtml(l) || '&nbsp;'}</div>`).join('');
    }
    case 'rule':
      return `<div class="t a-left" style="--s:1">${'-'.repeat(b.width)}</div>`;
    case 'qr':
      return qrSvg(b.data, paperWidth);
    case 'feed':
      return `<div class="feed" style="--n:${b.lines}"></div>`;
    case 'cut':
      return '<div class="cut" aria-hidden="true"></div>';
  }
}

/**
 * The paper itself as an HTML fragment: the same layout and the same line breaks as the printed
 * ticket, one monospace column per printer character (1.5 mm in font A on both paper widths).
 */
export async function renderPaperHtml(layout: PrintLayout, paperWidth: number, maxScale = 8): Promise<string> {
  const columns = columnsFor(paperWidth);
  const parts = await Promise.all(flowLayout(layout, columns, maxScale).map((b) => blockHtml(b, paperWidth)));
  return `<article class="paper" lang="${layout.lang}" data-kind="${layout.kind}" data-paper="${paperWidth}" style="--paper:${paperWidth}mm;--cols:${columns}">${parts.join('')}</article>`;
}

export const PAPER_CSS = `
.paper{box-sizing:border-box;width:var(--paper);padding:5mm calc((var(--paper) - var(--cols) * 1.5mm) / 2) 0;background:#fff;color:#111;
  font-family:"DejaVu Sans Mono","Liberation Mono",Menlo,Consolas,monospace;box-shadow:0 2px 10px rgba(0,0,0,.25);overflow:hidden}
.paper .t{font-size:calc(2.5mm * var(--s));line-height:1.25;white-space:pre;overflow:hidden}
.paper .b{font-weight:700}
.paper .a-left{text-align:left}.paper .a-center{text-align:center}.paper .a-right{text-align:right}
.paper .feed{height:calc(3mm * var(--n))}
.paper .qr{margin:1mm auto}.paper .qr svg{display:block;width:100%;height:100%}
.paper .cut{margin:6mm calc((var(--paper) - var(--cols) * 1.5mm) / -2) 0;border-top:2px dashed #9ca3af;height:3mm;background:repeating-linear-gradient(135deg,#f3f4f6 0 4px,#e5e7eb 4px 8px)}
`;

export interface PreviewPageOptions {
  title: string;
  /** Shown above the paper: paper-width and language links, a note. Already escaped HTML. */
  toolbarHtml: string;
}

/** A standalone page with the paper on a grey desk, for staff to check a layout without paper. */
export function previewPage(paperHtml: string, lang: string, opts: PreviewPageOptions): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(opts.title)}</title>
<style>
body{margin:0;min-height:100vh;background:#d1d5db;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827;display:flex;flex-direction:column;align-items:center;gap:16px;padding:24px 12px 48px;box-sizing:border-box}
.toolbar{display:flex;flex-wrap:wrap;gap:8px 40px;align-items:center;justify-content:center;max-width:720px;font-size:15px}
.toolbar .group{display:flex;gap:8px}
.toolbar h1{font-size:18px;margin:0;width:100%;text-align:center}
.toolbar a{color:#1d4ed8;padding:6px 10px;border-radius:6px;background:#fff;text-decoration:none;border:1px solid #9ca3af}
.toolbar a[aria-current="true"]{background:#1d4ed8;color:#fff;border-color:#1d4ed8}
.toolbar p{margin:0;width:100%;text-align:center;color:#374151;font-size:14px}
${PAPER_CSS}
</style>
</head>
<body>
<header class="toolbar">${opts.toolbarHtml}</header>
<main>${paperHtml}</main>
</body>
</html>`;
}
