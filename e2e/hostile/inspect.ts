import type { Locator, Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { CANARY } from './payloads';

/** What of a rendered region could run or fetch: live elements, handler attributes, links out. */
export interface Liveness {
  /** Elements that run script, load something or change the page (script, iframe, img, style …). */
  active: string[];
  /** Attributes named on… (event handlers) anywhere in the region. */
  handlers: string[];
  /** href/src/action/formaction/xlink:href values that are not http(s), mailto, about:blank, #… or the app's own. */
  links: string[];
  /** Inline style attributes that load something. */
  styledUrls: string[];
}

export const INERT: Liveness = { active: [], handlers: [], links: [], styledUrls: [] };

/**
 * Checks a region for anything live. `content` regions hold only what came from documents and
 * notes (the reader's text, an exported page), so any element that could run, load or move the
 * page counts; in `ui` regions the app's own controls (icons, inputs, buttons) are expected, and
 * only what the app never renders counts.
 */
export function liveness(region: Locator, kind: 'content' | 'ui'): Promise<Liveness> {
  return region.evaluate((root, kind) => {
    const contentSelector =
      'script, iframe, frame, object, embed, img, image, svg, math, style, link, meta, base, form, input, button[formaction], video, audio, source, details, marquee, template, noscript, [popover], [srcdoc]';
    const uiSelector =
      'script:not([src^="dossier://app/"]):not([src^="/assets/"]):not([type="module"]), iframe, frame, object, embed, math, base, meta[http-equiv], form[action], button[formaction], video, audio, source, marquee, noscript, [srcdoc], style:not([data-vite-dev-id])';
    const active = [...root.querySelectorAll(kind === 'content' ? contentSelector : uiSelector)].map((el) => el.outerHTML.slice(0, 120));
    const all = [root, ...root.querySelectorAll('*')];
    const handlers = all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}.${a.name}`));
    const safe = kind === 'content' ? /^(https?:|mailto:|about:blank$|#)/i : /^(https?:|mailto:|about:blank$|#|dossier:\/\/app\/|\/(?!\/)|blob:|data:image\/)/i;
    const links = all.flatMap((el) =>
      [...el.attributes]
        .filter((a) => /^(href|src|action|formaction|xlink:href|data|poster|background|srcset)$/i.test(a.name))
        .map((a) => a.value.trim())
        .filter((v) => !safe.test(v)),
    );
    const styledUrls = all.map((el) => el.getAttribute('style') ?? '').filter((s) => /url\s*\(|@import|expression\s*\(/i.test(s));
    return { active, handlers, links, styledUrls };
  }, kind);
}

/** Whether any payload's script ran in this page (the canary global is set). */
export function canaryOf(page: Page): Promise<unknown> {
  return page.evaluate((name) => (window as unknown as Record<string, unknown>)[name], CANARY);
}

/**
 * Every line of a Markdown export that would turn into live HTML or a script link when rendered.
 * A link's quoted title is left out of the check: CommonMark escapes it into an attribute value.
 */
export function liveMarkdownLines(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((line) => line.replace(/\]\((\S+)\s+"(?:[^"\\]|\\.)*"\)/g, ']($1)'))
    .filter((line) => /(^|[^\\])<[a-zA-Z!/?]/.test(line) || /(^|[^\\])\]\(\s*(javascript|data|vbscript|file):/i.test(line) || /^\s*\[[^\]]*\]:\s*(javascript|data|vbscript|file):/i.test(line));
}

/** Problems of a PDF export: actions that run script, launch programs or open non-web links. */
export function pdfProblems(bytes: Buffer): string[] {
  const text = bytes.toString('latin1');
  const problems: string[] = [];
  if (!text.startsWith('%PDF-')) problems.push('not a PDF');
  for (const name of ['/JavaScript', '/JS ', '/JS(', '/JS<', '/Launch', '/EmbeddedFile', '/SubmitForm', '/ImportData', '/RichMedia', '/GoToR']) {
    if (text.includes(name)) problems.push(`has ${name.trim()}`);
  }
  for (const match of text.matchAll(/\/URI\s*\(([^)]*)\)/g)) {
    if (!/^(https?:|mailto:)/i.test(match[1]!)) problems.push(`link to ${match[1]!.slice(0, 60)}`);
  }
  return problems;
}

/** Problems of a DOCX export: links or parts that point anywhere but the web, fields that fetch or run. */
export function docxProblems(bytes: Buffer): string[] {
  const files = unzipSync(new Uint8Array(bytes));
  const problems: string[] = [];
  for (const [name, data] of Object.entries(files)) {
    if (/\.(bin|exe|js|vbs|ole)$/i.test(name) || /vbaProject|activeX|embeddings\//i.test(name)) problems.push(`part ${name}`);
    if (!/\.(xml|rels)$/.test(name)) continue;
    const xml = strFromU8(data);
    for (const rel of xml.matchAll(/<Relationship\b[^>]*>/g)) {
      const target = /Target="([^"]*)"/.exec(rel[0])?.[1] ?? '';
      const external = /TargetMode="External"/.test(rel[0]);
      if (external && !/^(https?:|mailto:)/i.test(target)) problems.push(`${name}: external target ${target.slice(0, 60)}`);
      if (external && /(attachedTemplate|oleObject|frame|subDocument|image|package)"/.test(rel[0])) problems.push(`${name}: remote ${rel[0].slice(0, 80)}`);
    }
    if (/INCLUDETEXT|INCLUDEPICTURE|DDEAUTO|\bDDE\b|HYPERLINK\s+"?(javascript|file|data):/i.test(xml)) problems.push(`${name}: active field`);
  }
  return problems;
}
