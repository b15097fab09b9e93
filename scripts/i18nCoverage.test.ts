import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The renderer's words come from the message catalogs: no JSX text, aria-label, title,
 * placeholder or alt in renderer/src is a bare English literal. Names that are the same in every
 * language (file formats, key names) are listed below, each with its reason.
 */
const RENDERER = path.join(import.meta.dirname, '..', 'renderer', 'src');
const ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-placeholder', 'aria-valuetext', 'aria-roledescription', 'label']);
const EXEMPT = new Set([
  // The app's own name, a brand.
  'Dossier',
]);
const WORDS = /[A-Za-z]{2,}/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full);
    return e.name.endsWith('.tsx') ? [full] : [];
  });
}

function bareLiterals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node) => `${path.relative(RENDERER, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      const text = node.text.replace(/\s+/g, ' ').trim();
      if (WORDS.test(text) && !EXEMPT.has(text)) found.push(`${at(node)} text “${text}”`);
    }
    if (ts.isJsxAttribute(node) && ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const init = node.initializer;
      const value: ts.Node = ts.isJsxExpression(init) && init.expression ? init.expression : init;
      if ((ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) && WORDS.test(value.text) && !EXEMPT.has(value.text)) {
        found.push(`${at(node)} ${node.name.getText(source)}="${value.text}"`);
      }
      if (ts.isTemplateExpression(value) && WORDS.test(value.head.text + value.templateSpans.map((s) => s.literal.text).join(''))) {
        found.push(`${at(node)} ${node.name.getText(source)}={\`${value.getText(source)}\`}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the renderer', () => {
  it('shows no English literal in JSX text or in an aria-label, title, placeholder or alt', () => {
    expect(files(RENDERER).flatMap(bareLiterals)).toEqual([]);
  });
});
