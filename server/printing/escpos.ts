import { BreakLine, CharacterSet, ThermalPrinter, type PrinterTypes } from 'node-thermal-printer';
import type { PrinterType } from '../db/generated/enums';
import { columnsFor, flowLayout, qrCellSize, type PrintLayout } from './layout';
import { needsRaster, rasterText } from './raster-text';

/**
 * What each supported command set can do through node-thermal-printer: Epson and Custom scale
 * text up to 8× (`GS !`); Star line mode only offers double width and height there.
 */
const capabilities: Record<PrinterType, { maxScale: number }> = {
  epson: { maxScale: 8 },
  custom: { maxScale: 8 },
  star: { maxScale: 2 },
};

/**
 * Typographic characters the printers' code page (PC858: Western European with €) lacks are
 * replaced by their plain equivalents, so an apostrophe from a translation never prints as `?`.
 */
export function printableText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/\u00B7/g, '-');
}

export interface EscPosOptions {
  printerType: PrinterType;
  /** Paper roll width in millimetres (58 or 80). */
  paperWidth: number;
}

/**
 * Renders a layout to the printer's command bytes with node-thermal-printer. Line breaks come
 * from `flowLayout` (the library would fold every line at the normal-size width, also the
 * enlarged ones), the QR code is the printer's native one, and the job ends with a cut. A text
 * the printer's code page cannot print (Arabic, Chinese, Cyrillic, …) goes as a raster image
 * drawn on the server (raster-text.ts), in the printer's own image command.
 */
export async function renderEscPos(layout: PrintLayout, opts: EscPosOptions): Promise<Buffer> {
  const { maxScale } = capabilities[opts.printerType];
  const columns = columnsFor(opts.paperWidth);
  // No interface: this printer object only builds the byte buffer; transport.ts sends it.
  // `initHardware` (ESC @) is a public method of the library that its type definitions omit.
  const p = new ThermalPrinter({
    type: opts.printerType as PrinterTypes,
    interface: '',
    width: columns,
    breakLine: BreakLine.NONE,
  }) as ThermalPrinter & {
    initHardware(): void;
  };
  // Reset first (a previous job may have left a mode on), then the code page with è, à and €.
  p.initHardware();
  p.setCharacterSet(CharacterSet.PC858_EURO);
  const flow = flowLayout(layout, columns, maxScale);
  for (const [i, block] of flow.entries()) {
    const source = layout.blocks[i];
    switch (block.type) {
      case 'text':
        if (source?.type === 'text' && block.lines.some((line) => needsRaster(printableText(line)))) {
          p.alignLeft();
          const image = rasterText(printableText(source.text), {
            scale: block.scale,
            align: block.align,
            paperWidth: opts.paperWidth,
          });
          await p.printImageBuffer(image.png);
          break;
        }
        if (block.align === 'left') p.alignLeft();
        else if (block.align === 'right') p.alignRight();
        else p.alignCenter();
        p.bold(block.bold);
        if (block.scale > 1) {
          if (maxScale > 2) p.setTextSize(block.scale - 1, block.scale - 1);
          else p.setTextQuadArea();
        }
        for (const line of block.lines) p.println(printableText(line));
        if (block.scale > 1) {
          if (maxScale > 2) p.setTextSize(0, 0);
          else p.setTextNormal();
        }
        if (block.bold) p.bold(false);
        break;
      case 'rule':
        p.alignLeft();
        p.drawLine('-');
        break;
      case 'qr':
        p.alignCenter();
        // Star's driver names the error correction `correctionLevel`; Epson's and Custom's `correction`.
        p.printQR(block.data, {
          cellSize: qrCellSize(opts.paperWidth),
          correction: 'M',
          model: 2,
          correctionLevel: 'M',
        } as Parameters<ThermalPrinter['printQR']>[1]);
        p.newLine();
        break;
      case 'feed':
        for (let i = 0; i < block.lines; i++) p.newLine();
        break;
      case 'cut':
        p.cut();
        break;
    }
  }
  return p.getBuffer();
}
