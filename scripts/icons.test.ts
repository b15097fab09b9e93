import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICON_FILES, writeIcons } from './icons';

const ASSETS = path.resolve(__dirname, '..', 'assets');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The ICO directory: reserved 0, type 1, then 16-byte entries whose image data lie inside the file. */
function icoSizes(bytes: Buffer): number[] {
  expect(bytes.readUInt16LE(0)).toBe(0);
  expect(bytes.readUInt16LE(2)).toBe(1);
  const count = bytes.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i;
    const size = bytes.readUInt32LE(entry + 8);
    const offset = bytes.readUInt32LE(entry + 12);
    expect(offset + size).toBeLessThanOrEqual(bytes.length);
    const image = bytes.subarray(offset, offset + size);
    const width = bytes[entry] === 0 ? 256 : bytes[entry]!;
    // A PNG entry carries its own size; a bitmap entry starts with a 40-byte BITMAPINFOHEADER.
    if (image.subarray(0, 8).equals(PNG_SIGNATURE)) expect(pngSize(image).width).toBe(width);
    else expect(image.readUInt32LE(0)).toBe(40);
    return width;
  });
}

/** The ICNS chunks: 'icns' and the file's length, then (type, length) chunks covering the rest exactly. */
function icnsTypes(bytes: Buffer): string[] {
  expect(bytes.toString('latin1', 0, 4)).toBe('icns');
  expect(bytes.readUInt32BE(4)).toBe(bytes.length);
  const types: string[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at + 4);
    expect(length).toBeGreaterThan(8);
    types.push(bytes.toString('latin1', at, at + 4));
    at += length;
    expect(at).toBeLessThanOrEqual(bytes.length);
  }
  return types;
}

let out: string;
let made: Record<string, Buffer>;

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'dossier-icons-'));
  const files = await writeIcons(path.join(ASSETS, 'icon.svg'), out);
  made = Object.fromEntries(await Promise.all(files.map(async (f) => [path.basename(f), await readFile(f)] as const)));
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('npm run icons', () => {
  it('makes every icon electron-builder.yml names, in its format', () => {
    expect(Object.keys(made).sort()).toEqual(Object.values(ICON_FILES).sort());
    expect(pngSize(made[ICON_FILES.png512]!)).toEqual({ width: 512, height: 512 });
    expect(pngSize(made[ICON_FILES.png256]!)).toEqual({ width: 256, height: 256 });
    expect(icoSizes(made[ICON_FILES.ico]!)).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    // 16 px to 1024 px, including the Retina (@2x) types macOS picks for the Dock and Finder.
    expect(icnsTypes(made[ICON_FILES.icns]!)).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']));
  });

  it('matches the committed icons, so a changed drawing cannot ship with stale ones', async () => {
    for (const [name, bytes] of Object.entries(made)) {
      expect((await readFile(path.join(ASSETS, name))).equals(bytes), `${name}: run npm run icons and commit the result`).toBe(true);
    }
  });
});
