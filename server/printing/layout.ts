import type { Lang } from '../../contract/lang';

/**
 * The layout model of everything Sportello prints: a list of blocks, independent of the printer.
 * The ESC/POS renderer (escpos.ts) and the HTML preview (html.ts) both draw the same model, and
 * both go through `flowLayout` for line breaks, so the preview shows the paper's real line breaks.
 */

export type Align = 'left' | 'center' | 'right';

export type Block =
  /** `scale` multiplies the glyph width and height (1–8, as ESC/POS `GS !` does). */
  | { type: 'text'; text: string; scale?: number; bold?: boolean; align?: Align }
  /** A dashed line across the paper. */
  | { type: 'rule' }
  /** A QR code printed by the printer itself (sharp at any size), centred. */
  | { type: 'qr'; data: string }
  | { type: 'feed'; lines: number }
  | { type: 'cut' };

export type PrintKind = 'ticket' | 'appointment_slip' | 'test';

export interface PrintLayout {
  kind: PrintKind;
  lang: Lang;
  /** A short title (HTML preview title, logs). */
  title: string;
  blocks: Block[];
}

/** Paper roll widths Sportello lays out for, in millimetres. */
export const PAPER_WIDTHS = [58, 80] as const;
export type PaperWidth = (typeof PAPER_WIDTHS)[number];

/**
 * Characters per line in the printer's standard font A (12×24 dots): 80 mm paper has 72 mm
 * (576 dots) printable, 58 mm has 48 mm (384 dots).
 */
export function columnsFor(paperWidth: number): number {
  return paperWidth <= 58 ? 32 : 48;
}

/** A text block cut into the lines the printer will print, at the scale it will use. */
export type FlowBlock =
  | { type: 'text'; lines: string[]; scale: number; bold: boolean; align: Align }
  | { type: 'rule'; width: number }
  | { type: 'qr'; data: string }
  | { type: 'feed'; lines: number }
  | { type: 'cut' };

/** Word wrap at `width` characters; words longer than a line are split. */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let w = word;
      while (w.length > width) {
        if (line) {
          out.push(line);
          line = '';
        }
        out.push(w.slice(0, width));
        w = w.slice(width);
      }
      if (!line) line = w;
      else if (line.length + 1 + w.length <= width) line += ` ${w}`;
      else {
        out.push(line);
        line = w;
      }
    }
    out.push(line);
  }
  return out;
}

/**
 * Breaks the text blocks into lines for a paper of `columns` characters. A scaled text is shrunk
 * when one of its words would not fit on a line (a ticket number is never split), and capped at
 * `maxScale`, the largest magnification the printer supports.
 */
export function flowLayout(layout: PrintLayout, columns: number, maxScale = 8): FlowBlock[] {
  return layout.blocks.map((b): FlowBlock => {
    if (b.type !== 'text') return b.type === 'rule' ? { type: 'rule', width: columns } : b;
    let scale = Math.max(1, Math.min(8, maxScale, Math.round(b.scale ?? 1)));
    const longestWord = Math.max(0, ...b.text.split(/\s+/).map((w) => w.length));
    while (scale > 1 && longestWord * scale > columns) scale--;
    return {
      type: 'text',
      lines: wrapText(b.text, Math.floor(columns / scale)),
      scale,
      bold: b.bold ?? false,
      align: b.align ?? 'center',
    };
  });
}

/**
 * QR module size in printer dots (8 dots = 1 mm at 203 dpi): a phone URL is a 29–33 module
 * code, about 29 mm wide on 80 mm paper and 25 mm on 58 mm, easy to scan and never blurry.
 */
export function qrCellSize(paperWidth: number): number {
  return paperWidth <= 58 ? 6 : 7;
}
