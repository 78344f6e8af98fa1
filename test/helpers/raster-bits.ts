/** Reading a raster image the tests' way: the PNG drawn on the server as the printer's 1-bit rows. */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { DecodedImage } from './escpos-decode';

/** The PNG as the printer's 1-bit rows (1 = black), decoded by Skia, not by the printer library. */
export async function bitsOf(png: Buffer): Promise<DecodedImage> {
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

/** Leftmost and rightmost black columns, and how many dots are black. */
export function inkSpan(image: DecodedImage): { from: number; to: number; dots: number } {
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
