import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { RESOURCES, type Catalog } from '../electron/common/i18n/resources';
import { SYSTEM_REASON_CODES } from '../electron/common/errors';

/**
 * Every error phrase the code raises (`phrase('key', { params })` anywhere under electron/) names
 * a message of the `errors` catalog in English and in Arabic, and gives exactly the parameters
 * that message uses: a missing one would show "{{file}}" to the analyst, an extra one is a word
 * the sentence forgot. The type `ErrorKey` already refuses a key English lacks; this also checks
 * Arabic and the parameters.
 */
const ELECTRON = path.join(import.meta.dirname, '..', 'electron');
const PLURAL = /_(zero|one|two|few|many|other)$/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

interface Use {
  where: string;
  key: string;
  /** The parameter names given, or null when they are not written out as an object literal. */
  params: string[] | null;
}

/** The keys an expression can be: a string, either side of a condition, or a template's fixed start (`prefix*`). */
function keysOf(node: ts.Expression): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isConditionalExpression(node)) return [...keysOf(node.whenTrue), ...keysOf(node.whenFalse)];
  if (ts.isParenthesizedExpression(node)) return keysOf(node.expression);
  if (ts.isTemplateExpression(node)) return [`${node.head.text}*`];
  return ['?'];
}

function uses(): Use[] {
  const out: Use[] = [];
  for (const file of sources(ELECTRON)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('phrase(')) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'phrase' && node.arguments.length > 0) {
        const where = `${path.relative(ELECTRON, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
        const second = node.arguments[1];
        const params = !second
          ? []
          : ts.isObjectLiteralExpression(second)
            ? second.properties.map((p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : '?'))
            : null;
        for (const key of keysOf(node.arguments[0]!)) out.push({ where, key, params });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

/** Message key (plural suffix removed) → the placeholders of all its forms, in one language's errors catalog. */
function messages(language: 'en' | 'ar'): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const walk = (prefix: string, node: Catalog) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value !== 'string') {
        walk(`${prefix}${key}.`, value);
        continue;
      }
      const base = `${prefix}${key}`.replace(PLURAL, '');
      const names = out.get(base) ?? new Set<string>();
      for (const m of value.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)) names.add(m[1]!);
      out.set(base, names);
    }
  };
  walk('', RESOURCES[language].errors!);
  return out;
}

describe('the errors the core raises', () => {
  const found = uses();
  const catalogs = { en: messages('en'), ar: messages('ar') };

  it('are found in the code (the scan works)', () => {
    expect(found.length).toBeGreaterThan(150);
    expect(found.filter((u) => u.key === '?').map((u) => u.where)).toEqual([]);
  });

  it('name a message that English and Arabic both have', () => {
    for (const language of ['en', 'ar'] as const) {
      const catalog = catalogs[language];
      const missing = found.filter(({ key }) =>
        key.endsWith('*') ? ![...catalog.keys()].some((k) => k.startsWith(key.slice(0, -1))) : !catalog.has(key),
      );
      expect(missing.map((u) => `${u.where} ${u.key}`), language).toEqual([]);
    }
  });

  it('give each message exactly the parameters it uses, in both languages', () => {
    const wrong: string[] = [];
    for (const { where, key, params } of found) {
      if (params === null || key.endsWith('*')) continue;
      const given = new Set(params);
      // A count picks the plural form and is written as `n`.
      if (given.has('count')) given.add('n');
      for (const language of ['en', 'ar'] as const) {
        const used = catalogs[language].get(key) ?? new Set<string>();
        const lacking = [...used].filter((p) => !given.has(p));
        const unused = params.filter((p) => p !== 'count' && !used.has(p));
        if (lacking.length || unused.length) wrong.push(`${where} ${key} (${language}): missing ${lacking.join(',') || '-'}, unused ${unused.join(',') || '-'}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('word every reason the operating system gives, and every kind of file the import names', () => {
    for (const language of ['en', 'ar'] as const) {
      const catalog = catalogs[language];
      expect(SYSTEM_REASON_CODES.filter((code) => !catalog.has(`system.reason.${code}`)), language).toEqual([]);
      for (const kind of ['PDF', 'HTML', 'Markdown', 'text']) {
        expect(catalog.has(`import.kind.${kind}`) && catalog.has(`import.asKind.${kind}`), `${language} ${kind}`).toBe(true);
      }
    }
  });
});
