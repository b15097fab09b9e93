import { languageFontCss, SANS_STACK, SERIF_STACK } from './scriptFonts';

/** The elements set in sans-serif; the rest of the brief is serif. */
const SANS = 'h1, h2, h3, h4, h5, h6, .meta, .badge, table, .cite, .replies, .handling, .tags, .relation-facts, .flag';

/**
 * The brief's one stylesheet: readable on a phone, printable on A4, no web fonts or images (the
 * file is opened offline and must fetch nothing). The fonts are those installed: Noto families
 * cover every script a source may be in, and passages marked with a language take its fonts.
 */
const BASE = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #5b6470; --rule: #d5dae0; --accent: #24548f; --paper: #fff; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.55 ${SERIF_STACK}; }
main { max-width: 46rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
${SANS} { font-family: ${SANS_STACK}; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0.5rem 0 0.75rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
h4, h5, h6 { font-size: 1rem; margin: 1.25rem 0 0.4rem; }
p { margin: 0.5rem 0; }
a { color: var(--accent); overflow-wrap: anywhere; }
.handling { margin: 0; padding: 0.35rem 0.5rem; text-align: center; font-weight: 700; font-size: 0.85rem; letter-spacing: 0.04em; border: 1.5px solid var(--ink); }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.9rem; margin: 0.5rem 0 1rem; font-size: 0.85rem; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.meta code { font-size: 0.78rem; word-break: break-all; }
.excerpt { margin: 1rem 0 1.5rem; padding-left: 0.9rem; border-left: 4px solid var(--swatch, var(--rule)); break-inside: avoid-page; }
.excerpt h4, .excerpt h5, .excerpt h6 { margin-top: 0; display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
.badge { display: inline-block; padding: 0.05rem 0.45rem; border-radius: 0.25rem; border: 1px solid var(--rule); font-size: 0.75rem; font-weight: 600; }
.badge.colour::before { content: ""; display: inline-block; width: 0.65rem; height: 0.65rem; margin-right: 0.3rem; border-radius: 50%; background: var(--swatch, transparent); vertical-align: -0.05rem; border: 1px solid rgba(0,0,0,0.25); }
.badge.grading { background: #eef2f7; }
.badge.drifted { border-style: dashed; }
blockquote { margin: 0.5rem 0; padding: 0.4rem 0.8rem; background: #f6f7f9; border-inline-start: 3px solid var(--rule); white-space: pre-wrap; }
.cite { margin: 0.25rem 0 0.5rem; color: var(--muted); font-size: 0.8rem; }
.tags { font-size: 0.8rem; color: var(--muted); }
.comment p { white-space: pre-wrap; }
.replies { margin: 0.5rem 0; padding-left: 1.2rem; font-size: 0.9rem; }
.replies li { white-space: pre-wrap; }
.note-body p, .note-body li, .note-body h1, .note-body h2, .note-body h3, .note-body h4, .note-body h5, .note-body h6, .note-body blockquote { white-space: pre-wrap; }
.note-body pre { white-space: pre-wrap; background: #f6f7f9; padding: 0.5rem; font-size: 0.85rem; }
.note-body li[role="checkbox"] { list-style: none; margin-left: -1.2rem; }
.note-body li[role="checkbox"]::before { content: "\\2610"; display: inline-block; width: 1.2rem; }
.note-body li[role="checkbox"][aria-checked="true"]::before { content: "\\2611"; }
.note-on { color: var(--muted); font-style: italic; }
.mention { color: inherit; text-decoration: underline dotted; text-underline-offset: 0.15em; }
.citation q { font-style: italic; }
.citation { color: var(--ink); }
.citation cite { font-style: normal; }
.citation.deleted q { text-decoration: line-through; }
.empty { color: var(--muted); font-style: italic; }
table { width: 100%; border-collapse: collapse; font-size: 0.85rem; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.4rem; border-bottom: 1px solid var(--rule); overflow-wrap: break-word; }
th { border-bottom: 2px solid var(--ink); white-space: nowrap; }
td.num, th.num { text-align: right; }
td.type, td.num { white-space: nowrap; }
footer.end { margin-top: 2.5rem; }
.relation { margin: 1rem 0 1.5rem; break-inside: avoid-page; }
.relation h3 { margin-bottom: 0.3rem; }
.relation-facts { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.25rem 0; font-size: 0.8rem; color: var(--muted); }
.flag { margin: 0.25rem 0; padding: 0.2rem 0.5rem; border: 1.5px dashed #9b1c1c; color: #9b1c1c; font-size: 0.85rem; }
.flag strong::before { content: "\\2691  "; }
table.timeline q { font-style: italic; }
table.timeline .cite { margin: 0.15rem 0 0; }
td.date { white-space: nowrap; }
${languageFontCss(SANS)}
@media (max-width: 36rem) {
  body { font-size: 15px; }
  main { padding: 0.75rem 0.75rem 2rem; }
  h1 { font-size: 1.4rem; }
  .meta { grid-template-columns: 1fr; }
  .meta dt { margin-top: 0.3rem; }
  table, thead, tbody, tr, th, td { display: block; }
  thead { display: none; }
  tr { padding: 0.4rem 0; border-bottom: 1px solid var(--rule); }
  td { border: 0; padding: 0.05rem 0; }
  td:first-child { font-weight: 600; }
  td.type, td.num { display: inline-block; margin-right: 0.75rem; color: var(--muted); }
  td.num::before { content: "Mentions: "; }
}
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2, h3, h4 { break-after: avoid-page; }
  blockquote, .badge.grading { background: none; }
  tr { break-inside: avoid-page; }
}
`;

/**
 * `pageBoxes`: print the handling line at the top and bottom of every page and "Page N of M"
 * through CSS page-margin boxes, for printing the HTML from a browser. The PDF printer draws its
 * own header and footer instead, so it turns these off.
 */
export function briefCss(options: { handling: string; pageBoxes: boolean }): string {
  const margins = options.pageBoxes
    ? `@page { size: A4; margin: 18mm 16mm 20mm;
  @top-center { content: ${cssString(options.handling)}; font: 700 8pt ${SANS_STACK}; }
  @bottom-left { content: ${cssString(options.handling)}; font: 700 8pt ${SANS_STACK}; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt ${SANS_STACK}; } }`
    : '@page { size: A4; }';
  return `${BASE}${margins}\n`;
}

/** A CSS string literal; `<` is escaped too so no text can close the style element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}
