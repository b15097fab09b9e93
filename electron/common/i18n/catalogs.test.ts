import { describe, expect, it } from 'vitest';
import { COMMAND_IDS, COMMANDS, menuGroups } from '../commands';
import { BackupReason } from '../model/backup';
import { EntityType } from '../model/entityType';
import { DEFAULT_RELATION_TYPES } from '../model/relation';
import { LOSS_KEYS, STEP_KEYS } from '../model/phrase';
import { RESOURCES, type Catalog } from './resources';
import { createTranslator } from './translator';
import { directionOf, resolveUiLanguage } from './uiLanguage';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** `namespace:path.to.key` → message, for every string of a language's catalogs. */
function flatten(language: 'en' | 'ar'): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (prefix: string, node: Catalog) => {
    for (const [key, value] of Object.entries(node)) {
      const path = `${prefix}${key}`;
      if (typeof value === 'string') out.set(path, value);
      else walk(`${path}.`, value);
    }
  };
  for (const [ns, catalog] of Object.entries(RESOURCES[language])) walk(`${ns}:`, catalog);
  return out;
}

/** The keys without their plural suffix, each with the placeholders of all its forms. */
function messages(language: 'en' | 'ar'): Map<string, { forms: Set<string>; placeholders: Set<string> }> {
  const out = new Map<string, { forms: Set<string>; placeholders: Set<string> }>();
  for (const [key, text] of flatten(language)) {
    const base = key.replace(PLURAL, '');
    const entry = out.get(base) ?? { forms: new Set(), placeholders: new Set() };
    entry.forms.add(PLURAL.exec(key)?.[1] ?? '');
    for (const m of text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)) entry.placeholders.add(m[1]!);
    out.set(base, entry);
  }
  return out;
}

describe('the message catalogs', () => {
  const en = messages('en');
  const ar = messages('ar');

  it('have every English message in Arabic, and nothing Arabic that English lacks', () => {
    expect([...en.keys()].filter((k) => !ar.has(k))).toEqual([]);
    expect([...ar.keys()].filter((k) => !en.has(k))).toEqual([]);
  });

  it('keep the placeholders of each message (a plural form may leave out the number it names in words)', () => {
    const differ = [...en].filter(([key, { placeholders }]) => {
      const other = ar.get(key)?.placeholders ?? new Set<string>();
      const wanted = [...placeholders].filter((p) => p !== 'count');
      return wanted.some((p) => !other.has(p)) || [...other].some((p) => !placeholders.has(p));
    });
    expect(differ.map(([key]) => key)).toEqual([]);
  });

  it('give every plural the forms its language needs', () => {
    const need = (language: string) => new Set(new Intl.PluralRules(language).resolvedOptions().pluralCategories);
    for (const [language, catalog] of [['en', en], ['ar', ar]] as const) {
      for (const [key, { forms }] of catalog) {
        if (!forms.has('other') || forms.has('')) continue;
        expect([key, [...need(language)].filter((f) => !forms.has(f))]).toEqual([key, []]);
      }
    }
  });

  it('translate every command of the registry, and its menu label when it has one', () => {
    const arabic = flatten('ar');
    for (const id of COMMAND_IDS) {
      expect(arabic.get(`commands:${id}.title`), id).toBeTruthy();
      const menu: { label: string } | undefined = (COMMANDS[id] as { menu?: { label: string } }).menu;
      if (menu) expect(arabic.get(`commands:${id}.menu`), id).toContain('&');
    }
  });
});

describe('the words for what the core hands over as data', () => {
  it('name every undo step, loss, entity type, backup reason and starting relationship type in both languages', () => {
    const wanted = [
      ...STEP_KEYS.map((k) => `history:step.${k}`),
      ...LOSS_KEYS.map((k) => `history:loss.${k}`),
      ...EntityType.options.map((k) => `entities:typeName.${k}`),
      ...BackupReason.options.map((k) => `backups:reason.${k}`),
      ...DEFAULT_RELATION_TYPES.flatMap((type) => [`ui:relationType.${type.key}.label`, `ui:relationType.${type.key}.inverse`]),
    ];
    for (const language of ['en', 'ar'] as const) {
      const catalog = messages(language);
      expect(wanted.filter((key) => !catalog.has(key)), language).toEqual([]);
    }
  });
});

describe('a translator', () => {
  it('reads English command titles from the registry and Arabic ones from the catalog', () => {
    expect(createTranslator('en').t('commands:undo.title')).toBe(COMMANDS.undo.title);
    expect(createTranslator('ar').t('commands:undo.title')).toBe('تراجع');
    expect(menuGroups('edit').length).toBeGreaterThan(0);
  });
});

describe('the UI language', () => {
  it('follows the system when asked to and the system speaks a shipped language, else English', () => {
    expect(resolveUiLanguage('system', ['ar-EG', 'en-US'])).toBe('ar');
    expect(resolveUiLanguage('system', ['de-DE', 'en-GB'])).toBe('en');
    expect(resolveUiLanguage('system', ['fr-FR'])).toBe('en');
    expect(resolveUiLanguage('ar', ['en-US'])).toBe('ar');
    expect(resolveUiLanguage('en', ['ar-SA'])).toBe('en');
  });

  it('is written right to left in Arabic', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
  });
});
