/**
 * A small ESC/POS decoder for the tests: what would a thermal printer print from these bytes?
 * It understands the commands node-thermal-printer emits for Epson-class printers (and Custom's
 * cut), extracts the text lines with their size, weight and alignment, the QR code payloads of
 * the `GS ( k` store-data function (cn = 49, fn = 80), raster images (`GS v 0`) and the cuts
 * (`GS V`, Custom `ESC i`).
 * Written independently of the library on purpose: it checks the library's output.
 */

/** Code page 858 (PC858, Western European with the euro sign), bytes 0x80–0xFF. */
const CP858 =
  '\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7\u00ea\u00eb\u00e8\u00ef\u00ee\u00ec\u00c4\u00c5\u00c9\u00e6\u00c6\u00f4\u00f6\u00f2\u00fb\u00f9\u00ff\u00d6\u00dc\u00f8\u00a3\u00d8\u00d7\u0192\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00aa\u00ba\u00bf\u00ae\u00ac\u00bd\u00bc\u00a1\u00ab\u00bb\u2591\u2592\u2593\u2502\u2524\u00c1\u00c2\u00c0\u00a9\u2563\u2551\u2557\u255d\u00a2\u00a5\u2510\u2514\u2534\u252c\u251c\u2500\u253c\u00e3\u00c3\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u00a4\u00f0\u00d0\u00ca\u00cb\u00c8\u20ac\u00cd\u00ce\u00cf\u2518\u250c\u2588\u2584\u00a6\u00cc\u2580\u00d3\u00df\u00d4\u00d2\u00f5\u00d5\u00b5\u00fe\u00de\u00da\u00db\u00d9\u00fd\u00dd\u00af\u00b4\u00ad\u00b1\u2017\u00be\u00b6\u00a7\u00f7\u00b8\u00b0\u00a8\u00b7\u00b9\u00b3\u00b2\u25a0\u00a0';
/** PC850 differs from PC858 only at 0xD5 (dotless i instead of the euro sign). */
const CP850 = CP858.slice(0, 0x55) + '\u0131' + CP858.slice(0x56);
/** ESC t n → the code pages the tests need; others decode as '?' above 0x7F. */
const CODE_PAGES: Record<number, string> = { 2: CP850, 19: CP858 };

export type Align = 'left' | 'center' | 'right';

export interface DecodedLine {
  text: string;
  /** Character magnification (GS ! / ESC ! double sizes). */
  width: number;
  height: number;
  bold: boolean;
  align: Align;
}

/** A raster bit image (GS v 0): one bit per dot, 1 = black, rows of `width / 8` bytes. */
export interface DecodedImage {
  width: number;
  height: number;
  bits: Buffer;
}

export interface DecodedDocument {
  lines: DecodedLine[];
  images: DecodedImage[];
  /** Payloads stored with GS ( k cn=49 fn=80, in order. */
  qr: string[];
  /** How many times a stored QR code was printed (GS ( k cn=49 fn=81). */
  qrPrinted: number;
  /** Cuts seen; a document ends at each cut. */
  cut: boolean;
}

export interface Decoded {
  /** The paper pieces, split at every cut (the last one without a cut, if bytes follow). */
  documents: DecodedDocument[];
  /** Every line of every document. */
  lines: DecodedLine[];
  /** All text, one line per line. */
  text: string;
  qr: string[];
  images: DecodedImage[];
  cuts: number;
  /** Status requests seen (GS r n, DLE EOT n). */
  statusRequests: number;
}

export class EscPosDecodeError extends Error {}

export function decodeEscPos(input: Buffer | Uint8Array): Decoded {
  const b = Buffer.from(input);
  const documents: DecodedDocument[] = [];
  let doc: DecodedDocument = { lines: [], images: [], qr: [], qrPrinted: 0, cut: false };
  let codePage = 0;
  let bold = false;
  let align: Align = 'left';
  let width = 1;
  let height = 1;
  let line = '';
  let lineStarted = false;
  let cuts = 0;
  let statusRequests = 0;

  const reset = () => {
    codePage = 0;
    bold = false;
    align = 'left';
    width = 1;
    height = 1;
  };
  const endLine = () => {
    doc.lines.push({ text: line, width, height, bold, align });
    line = '';
    lineStarted = false;
  };
  const endDocument = () => {
    if (lineStarted) endLine();
    documents.push(doc);
    doc = { lines: [], images: [], qr: [], qrPrinted: 0, cut: false };
  };
  const need = (i: number, n: number, what: string) => {
    if (i + n > b.length) throw new EscPosDecodeError(`truncated ${what} at byte ${i}`);
  };

  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c === 0x0a) {
      endLine();
      i++;
    } else if (c === 0x0d || c === 0x09) {
      i++;
    } else if (c === 0x1b) {
      need(i, 2, 'ESC');
      const cmd = b[i + 1];
      switch (cmd) {
        case 0x40: // ESC @ initialise
          reset();
          i += 2;
          break;
        case 0x74: // ESC t n code page
          need(i, 3, 'ESC t');
          codePage = b[i + 2];
          i += 3;
          break;
        case 0x61: // ESC a n justification
          need(i, 3, 'ESC a');
          align = (['left', 'center', 'right'] as const)[b[i + 2] % 48] ?? 'left';
          i += 3;
          break;
        case 0x45: // ESC E n emphasis
          need(i, 3, 'ESC E');
          bold = (b[i + 2] & 1) === 1;
          i += 3;
          break;
        case 0x21: // ESC ! n print modes: bit 4 double height, bit 5 double width
          need(i, 3, 'ESC !');
          height = b[i + 2] & 0x10 ? 2 : 1;
          width = b[i + 2] & 0x20 ? 2 : 1;
          bold = (b[i + 2] & 0x08) !== 0;
          i += 3;
          break;
        case 0x64: // ESC d n feed n lines
          need(i, 3, 'ESC d');
          if (lineStarted) endLine();
          for (let k = 0; k < b[i + 2]; k++) endLine();
          i += 3;
          break;
        case 0x69: // ESC i: cut (Custom)
        case 0x6d: // ESC m: partial cut (older Epson)
          cuts++;
          doc.cut = true;
          endDocument();
          i += 2;
          break;
        case 0x32: // ESC 2 default line spacing
          i += 2;
          break;
        case 0x33: // ESC 3 n line spacing
        case 0x2d: // ESC - n underline
        case 0x4d: // ESC M n font
        case 0x47: // ESC G n double strike
        case 0x7b: // ESC { n upside down
        case 0x4a: // ESC J n feed dots
        case 0x56: // ESC V n rotation
          need(i, 3, 'ESC');
          i += 3;
          break;
        case 0x70: // ESC p m t1 t2 drawer kick
          i += 5;
          break;
        case 0x42: // ESC B n t beeper
          i += 4;
          break;
        default:
          throw new EscPosDecodeError(`unknown ESC 0x${cmd.toString(16)} at byte ${i}`);
      }
    } else if (c === 0x1d) {
      need(i, 2, 'GS');
      const cmd = b[i + 1];
      switch (cmd) {
        case 0x21: // GS ! n character size: high nibble width-1, low nibble height-1
          need(i, 3, 'GS !');
          width = (b[i + 2] >> 4) + 1;
          height = (b[i + 2] & 0x0f) + 1;
          i += 3;
          break;
        case 0x56: {
          // GS V m [n] cut
          need(i, 3, 'GS V');
          const m = b[i + 2];
          cuts++;
          doc.cut = true;
          endDocument();
          i += m === 65 || m === 66 ? 4 : 3;
          break;
        }
        case 0x28: {
          // GS ( k pL pH cn fn [params]: 2D symbols
          need(i, 5, 'GS (');
          if (b[i + 2] !== 0x6b) throw new EscPosDecodeError(`unknown GS ( 0x${b[i + 2].toString(16)} at byte ${i}`);
          const len = b[i + 3] + b[i + 4] * 256;
          need(i + 5, len, 'GS ( k');
          const params = b.subarray(i + 5, i + 5 + len);
          const cn = params[0];
          const fn = params[1];
          if (cn === 49 && fn === 80) doc.qr.push(params.subarray(3).toString('latin1'));
          if (cn === 49 && fn === 81) doc.qrPrinted++;
          i += 5 + len;
          break;
        }
        case 0x76: {
          // GS v 0 m xL xH yL yH d1…dk: raster bit image, xL + xH·256 bytes a row
          need(i, 8, 'GS v 0');
          if (b[i + 2] !== 0x30) throw new EscPosDecodeError(`unknown GS v 0x${b[i + 2].toString(16)} at byte ${i}`);
          const rowBytes = b[i + 4] + b[i + 5] * 256;
          const rows = b[i + 6] + b[i + 7] * 256;
          need(i + 8, rowBytes * rows, 'GS v 0 data');
          doc.images.push({ width: rowBytes * 8, height: rows, bits: Buffer.from(b.subarray(i + 8, i + 8 + rowBytes * rows)) });
          i += 8 + rowBytes * rows;
          break;
        }
        case 0x72: // GS r n transmit status
          statusRequests++;
          i += 3;
          break;
        case 0x42: // GS B n reverse
        case 0x48: // GS H n HRI position
        case 0x66: // GS f n HRI font
        case 0x77: // GS w n barcode width
        case 0x68: // GS h n barcode height
          i += 3;
          break;
        case 0x4c: // GS L nL nH left margin
        case 0x57: // GS W nL nH print area width
          i += 4;
          break;
        default:
          throw new EscPosDecodeError(`unknown GS 0x${cmd.toString(16)} at byte ${i}`);
      }
    } else if (c === 0x10 && b[i + 1] === 0x04) {
      // DLE EOT n real-time status
      statusRequests++;
      i += 3;
    } else if (c < 0x20) {
      i++;
    } else {
      if (c < 0x80) line += String.fromCharCode(c);
      else line += CODE_PAGES[codePage]?.[c - 0x80] ?? '?';
      lineStarted = true;
      i++;
    }
  }
  if (lineStarted || doc.lines.length > 0 || doc.qr.length > 0 || doc.images.length > 0) endDocument();
  const lines = documents.flatMap((d) => d.lines);
  return {
    documents,
    lines,
    text: lines.map((l) => l.text).join('\n'),
    qr: documents.flatMap((d) => d.qr),
    images: documents.flatMap((d) => d.images),
    cuts,
    statusRequests,
  };
}

/** The printed documents that end with a cut (one per ticket). */
export function cutDocuments(bytes: Buffer): DecodedDocument[] {
  return decodeEscPos(bytes).documents.filter((d) => d.cut);
}
