/**
 * Renders the app icon (app/icon.svg) to the PNG sizes phones want for "add to home screen"
 * (web manifest; app/apple-icon.png is Next's apple-touch-icon). Run after changing the SVG: `node --import tsx scripts/icons.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';

const root = path.resolve(import.meta.dirname, '..');
const svg = fs.readFileSync(path.join(root, 'app/icon.svg'));
const image = await loadImage(svg);
const targets: [number, string][] = [
  [180, 'app/apple-icon.png'],
  [192, 'public/icons/icon-192.png'],
  [512, 'public/icons/icon-512.png'],
];
for (const [size, file] of targets) {
  const canvas = createCanvas(size, size);
  canvas.getContext('2d').drawImage(image, 0, 0, size, size);
  fs.writeFileSync(path.join(root, file), canvas.toBuffer('image/png'));
}
