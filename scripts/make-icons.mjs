#!/usr/bin/env node
/**
 * Draws the add-in's icon — three rising bars under a yield curve, on a transparent background — and
 * writes it as RGBA PNGs into assets/: 16, 32, 80 px for the ribbon, 32 and 64 px for the manifest's
 * IconUrl and HighResolutionIconUrl, 128 px and a 300 px logo for store listings.
 *
 * Uses only Node's zlib: the PNG chunks and their CRC-32 are written by hand. Shapes are defined on a
 * 16-unit grid, so the 16 px icon has crisp bar edges, and anti-aliased by supersampling. Below 32 px
 * the curve is left out: at 16 px it would blur into the bars.
 *
 * Run with `npm run icons` (or `node scripts/make-icons.mjs`) and commit the PNGs.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const SIZES = [16, 32, 64, 80, 128, 300];
const BAR_COLOR = [0x0f, 0x6c, 0xbd]; // Fluent brand blue
const CURVE_COLOR = [0xd8, 0x3b, 0x01]; // Office orange: tells apart from the blue without colour vision too
const GRID = 16;
const BARS = [
  { x0: 1, x1: 5, top: 11 },
  { x0: 6, x1: 10, top: 7 },
  { x0: 11, x1: 15, top: 5 },
];
const BASELINE = 15;
const CURVE_HALF_WIDTH = 0.75;

/** Height above the baseline of a concave, rising yield curve; it clears every bar's top-left corner. */
const curveHeight = (x) => 6.5 + 7 * (1 - Math.exp(-(x - 1) / 4));
const CURVE = Array.from({ length: 57 }, (_, i) => {
  const x = 1 + (14 * i) / 56;
  return [x, BASELINE - curveHeight(x)];
});

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function onCurve(x, y) {
  for (let i = 1; i < CURVE.length; i++) {
    if (distanceToSegment(x, y, CURVE[i - 1], CURVE[i]) <= CURVE_HALF_WIDTH) return true;
  }
  return false;
}

const onBar = (x, y) => y <= BASELINE && BARS.some((b) => x >= b.x0 && x <= b.x1 && y >= b.top);

/** RGBA pixels, straight (not premultiplied) alpha, row-major. */
function render(size) {
  const samples = size >= 128 ? 4 : 8;
  const withCurve = size >= 32;
  const scale = GRID / size;
  const pixels = Buffer.alloc(size * size * 4);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (col + (sx + 0.5) / samples) * scale;
          const y = (row + (sy + 0.5) / samples) * scale;
          const color = withCurve && onCurve(x, y) ? CURVE_COLOR : onBar(x, y) ? BAR_COLOR : null;
          if (!color) continue;
          covered++;
          for (let c = 0; c < 3; c++) sum[c] += color[c];
        }
      }
      const at = (row * size + col) * 4;
      if (covered === 0) continue;
      for (let c = 0; c < 3; c++) pixels[at + c] = Math.round(sum[c] / covered);
      pixels[at + 3] = Math.round((255 * covered) / (samples * samples));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return out;
}

/** An 8-bit RGBA PNG (colour type 6), every scanline with filter 0. */
function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: truecolour with alpha
  // bytes 10–12: deflate compression, adaptive filtering, no interlace
  const stride = size * 4;
  const raw = Buffer.alloc(size * (stride + 1));
  for (let row = 0; row < size; row++) pixels.copy(raw, row * (stride + 1) + 1, row * stride, (row + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const assets = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
mkdirSync(assets, { recursive: true });
for (const size of SIZES) {
  const file = join(assets, `icon-${size}.png`);
  const png = encodePng(size, render(size));
  writeFileSync(file, png);
  console.log(`${file} ${size}×${size} ${png.length} bytes`);
}
