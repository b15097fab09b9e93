/**
 * `npm run icons`: the app's icons for every platform, made from assets/icon.svg, the one drawing
 * of it. The results are committed (packaging must not depend on this script's libraries being
 * installable), and scripts/icons.test.ts fails when they no longer match the drawing.
 *
 *   assets/icon-512.png, assets/icon-256.png   Linux (AppImage, deb) and the window icon
 *   assets/icon.icns                           macOS (16 px to 1024 px, Retina sizes included)
 *   assets/icon.ico                            Windows (16 px to 256 px)
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

export const ICON_FILES = {
  png512: 'icon-512.png',
  png256: 'icon-256.png',
  icns: 'icon.icns',
  ico: 'icon.ico',
} as const;

/** The drawing at `size` pixels square, as PNG. */
export function renderPng(svg: string, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng());
}

/** Every icon's bytes, by file name. */
export function makeIcons(svg: string): Record<string, Buffer> {
  // The container formats are scaled down from one large rendering: 1024 px is macOS's largest.
  const large = renderPng(svg, 1024);
  const icns = png2icons.createICNS(large, png2icons.BICUBIC2, 0);
  // PNG entries where Windows 10+ reads them, bitmaps below 64 px for older Explorer views.
  const ico = png2icons.createICO(large, png2icons.BICUBIC2, 0, false, true);
  if (!icns || !ico) throw new Error('png2icons could not convert the icon.');
  return {
    [ICON_FILES.png512]: renderPng(svg, 512),
    [ICON_FILES.png256]: renderPng(svg, 256),
    [ICON_FILES.icns]: icns,
    [ICON_FILES.ico]: ico,
  };
}

export async function writeIcons(svgFile: string, outDir: string): Promise<string[]> {
  const icons = makeIcons(await readFile(svgFile, 'utf8'));
  const written: string[] = [];
  for (const [name, bytes] of Object.entries(icons)) {
    const file = path.join(outDir, name);
    await writeFile(file, bytes);
    written.push(file);
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const assets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets');
  for (const file of await writeIcons(path.join(assets, 'icon.svg'), assets)) console.log(path.relative(process.cwd(), file));
}
