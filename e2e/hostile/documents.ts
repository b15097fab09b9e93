import { PDFDocument, StandardFonts } from 'pdf-lib';
import { BEACON, CANARY, HOSTILE_PAYLOADS } from './payloads';

/**
 * The corpus as the files an analyst would import: a text file, a Markdown file (front matter
 * included), an HTML page (payloads as live markup in the head and body, and again as escaped
 * text) and a PDF whose metadata and page text carry payloads. Built at test time, so nothing
 * executable sits in the repository as a file a viewer could open.
 */

export const TITLES = {
  text: 'Hostile text file',
  markdown: 'Hostile Markdown file',
  html: 'Hostile HTML page',
  pdf: 'Hostile PDF metadata',
} as const;

export interface ImportFile {
  name: string;
  base64: string;
}

/** Prose around the payloads, so each file reads as an article (importers want a few sentences). */
const PROSE = [
  'The delegation arrived in the capital on Monday and met officials from three ministries.',
  'Talks covered port access, customs procedures and the schedule for a second round in the spring.',
];

const RUN = `top.${CANARY}=1`;

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
/** A payload as one paragraph of plain text: blank lines inside it would split it. */
const oneParagraph = (payload: string) => payload.replace(/\n{2,}/g, '\n');
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function textFile(): ImportFile {
  const body = [...PROSE, ...HOSTILE_PAYLOADS.map((p) => oneParagraph(p.payload)), PROSE[0]!].join('\n\n');
  return { name: 'hostile.txt', base64: b64(`${TITLES.text}\n\n${body}\n`) };
}

export function markdownFile(): ImportFile {
  const front = [
    '---',
    `title: "${TITLES.markdown}"`,
    `author: "<img src=x:y onerror=${RUN}>"`,
    `source: "javascript:${RUN}"`,
    '---',
  ].join('\n');
  const body = [`# ${TITLES.markdown}`, ...PROSE, ...HOSTILE_PAYLOADS.map((p) => p.payload), `[last link](javascript:${RUN})`].join('\n\n');
  return { name: 'hostile.md', base64: b64(`${front}\n\n${body}\n`) };
}

export function htmlFile(): ImportFile {
  const live = HOSTILE_PAYLOADS.map((p) => `<div class="c">${p.payload}</div>`).join('\n');
  const asText = HOSTILE_PAYLOADS.map((p) => `<p>Quoted payload ${p.id}: ${escapeHtml(oneParagraph(p.payload))}</p>`).join('\n');
  const html = `<!doctype html>
<html lang="en" onload="${RUN}">
<head>
<meta charset="utf-8">
<title>${TITLES.html}</title>
<meta name="author" content="&quot;&gt;&lt;img src=x:y onerror=${RUN}&gt;">
<meta property="og:url" content="javascript:${RUN}">
<meta http-equiv="refresh" content="0;url=${BEACON}/head-refresh">
<base href="${BEACON}/">
<link rel="stylesheet" href="${BEACON}/head.css">
<link rel="preload" as="script" href="${BEACON}/preload.js">
<script>${RUN}</script>
<script src="${BEACON}/head.js"></script>
<style>@import url("${BEACON}/head-import.css"); body{background:url(${BEACON}/head-bg.png)}</style>
</head>
<body onload="${RUN}">
<article>
<h1>${TITLES.html}</h1>
<p>${PROSE[0]}</p>
<p>${PROSE[1]}</p>
${live}
${asText}
<p>${PROSE[0]}</p>
</article>
<svg onload="${RUN}"><script>${RUN}</script></svg>
</body>
</html>`;
  return { name: 'hostile.html', base64: b64(html) };
}

/** Payloads Helvetica's WinAnsi encoding can draw on a page (the metadata takes any text). */
const drawable = HOSTILE_PAYLOADS.filter((p) => /^[\x20-\x7e]+$/.test(p.payload) && p.payload.length <= 110);

export async function pdfFile(): Promise<ImportFile> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  let page = doc.addPage([595, 842]);
  let y = 780;
  const line = (text: string, size = 9) => {
    if (y < 60) {
      page = doc.addPage([595, 842]);
      y = 780;
    }
    page.drawText(text, { x: 40, y, size, font });
    y -= size + 12;
  };
  line(`${TITLES.pdf}`, 16);
  for (const prose of PROSE) line(prose, 10);
  for (const p of drawable) line(p.payload);
  doc.setTitle(`${TITLES.pdf} <svg onload=${RUN}>`);
  doc.setAuthor(`<img src=x:y onerror=${RUN}>`);
  doc.setSubject(`<iframe srcdoc="<script>${RUN}</script>">`);
  doc.setKeywords([`javascript:${RUN}`, `<a href="javascript:${RUN}">k</a>`]);
  doc.setCreator(`<details open ontoggle=${RUN}>`);
  doc.setProducer(`<style>@import '${BEACON}/producer.css'</style>`);
  doc.setLanguage('en"><script>' + RUN + '</script>');
  return { name: 'hostile.pdf', base64: Buffer.from(await doc.save()).toString('base64') };
}

export async function hostileFiles(): Promise<ImportFile[]> {
  return [textFile(), markdownFile(), htmlFile(), await pdfFile()];
}

/** How many payload placements the files hold, by file (each payload once, or twice in HTML). */
export function filePlacements(): Record<string, number> {
  return {
    text: HOSTILE_PAYLOADS.length,
    markdown: HOSTILE_PAYLOADS.length + 3,
    html: HOSTILE_PAYLOADS.length * 2 + 14,
    pdf: drawable.length + 7,
  };
}
