import { describe, expect, it } from 'vitest';
import { createTranslator } from './i18n/translator';
import { LOSS_KEYS, sameStep, step, STEP_KEYS, StepLabel } from './model/phrase';
import { historyCommandTitle, lossText, MAX_STEP_LABEL, stepText, type Wording } from './undoTitles';

function wording(language: 'en' | 'ar', formatNumber?: (n: number) => string): Wording {
  const instance = createTranslator(language);
  return { t: (key, options) => instance.t(key, options ?? {}), formatNumber };
}
const en = wording('en');
const ar = wording('ar');

describe('historyCommandTitle', () => {
  it('names the step after the verb, as its label is written', () => {
    expect(historyCommandTitle(en, 'undo', step('addHighlight'))).toBe('Undo add highlight');
    expect(historyCommandTitle(en, 'redo', step('renameArticle'))).toBe('Redo rename article');
    expect(historyCommandTitle(en, 'undo', step('relate', { from: 'Chennai', to: 'Delhi' }))).toBe('Undo relate Chennai to Delhi');
  });

  it('is the plain verb when there is nothing to take back', () => {
    expect(historyCommandTitle(en, 'undo', null)).toBe('Undo');
    expect(historyCommandTitle(en, 'redo', undefined)).toBe('Redo');
    expect(historyCommandTitle(ar, 'undo', null)).toBe('تراجع');
  });

  it('cuts a long label at a word, never in the middle of one', () => {
    const title = historyCommandTitle(en, 'undo', step('relate', { from: 'Ministry of Defence of the Republic of India', to: 'Japan Maritime Self-Defense Force' }));
    expect(title).toBe('Undo relate Ministry of Defence of the…');
    expect(title.length).toBeLessThanOrEqual('Undo '.length + MAX_STEP_LABEL + 1);
    // One word longer than the limit is cut where it must be.
    expect(historyCommandTitle(en, 'redo', step('createEntity', { name: 'x'.repeat(60) }))).toBe(`Redo create ${'x'.repeat(MAX_STEP_LABEL - 'create '.length)}…`);
  });

  it('words the step in Arabic, with the names it holds as they are', () => {
    expect(historyCommandTitle(ar, 'undo', step('addHighlight'))).toBe('التراجع عن إضافة تظليل');
    expect(historyCommandTitle(ar, 'redo', step('mergeEntities', { source: 'Modi', target: 'Narendra Modi' }))).toBe('إعادة دمج Modi في Narendra Modi');
  });
});

describe('stepText', () => {
  it('has a message for every step in both languages', () => {
    for (const key of STEP_KEYS) {
      const label = step(key, { count: 2, title: 'T', name: 'N', from: 'A', to: 'B', source: 'S', target: 'G', type: 'meets' });
      expect(stepText(en, label), key).not.toContain('history:');
      expect(stepText(ar, label), key).not.toContain('history:');
      expect(stepText(ar, label), key).not.toBe(stepText(en, label));
      expect(stepText(ar, label), key).not.toMatch(/\{\{/);
    }
  });

  it('chooses the plural form of the count, and writes the number in the digits it is given', () => {
    expect(stepText(en, step('importArticles', { count: 1 }))).toBe('import 1 article');
    expect(stepText(en, step('importArticles', { count: 3 }))).toBe('import 3 articles');
    expect(stepText(ar, step('importArticles', { count: 2 }))).toBe('استيراد مقالين');
    expect(stepText(ar, step('importArticles', { count: 3 }))).toBe('استيراد 3 مقالات');
    expect(stepText(ar, step('importArticles', { count: 11 }))).toBe('استيراد 11 مقالًا');
    const egyptian = wording('ar', (n) => new Intl.NumberFormat('ar-EG').format(n));
    expect(stepText(egyptian, step('importArticles', { count: 3 }))).toBe('استيراد ٣ مقالات');
  });

  it('leaves out an empty name without a stray space', () => {
    expect(stepText(en, step('deleteBrief', { title: '' }))).toBe('delete brief');
    expect(stepText(en, step('deleteBrief', { title: 'Weekly' }))).toBe('delete brief Weekly');
  });
});

describe('lossText', () => {
  it('says what undoing removes, quoting titles in the way of the language', () => {
    expect(lossText(en, [{ key: 'noteWithText', params: { title: 'Plan' } }])).toBe('the note “Plan” and its text');
    expect(lossText(ar, [{ key: 'noteWithText', params: { title: 'Plan' } }])).toBe('الملاحظة «Plan» ونصها');
    expect(lossText(en, [{ key: 'importedArticles', params: { count: 5, titles: ['a', 'b', 'c'] } }])).toBe('the 5 imported articles (“a”, “b”, “c” …) from the library');
    expect(lossText(ar, [{ key: 'importedArticles', params: { count: 3, titles: ['a', 'b', 'c'] } }])).toBe('المقالات المستوردة الـ3 («a»، «b»، «c») من المكتبة');
  });

  it('joins two losses, and has every loss in both languages', () => {
    expect(lossText(en, [{ key: 'importedArticle', params: { title: 'A' } }, { key: 'noteWithText', params: { title: 'B' } }])).toBe(
      'the imported article “A” from the library and the note “B” and its text',
    );
    for (const key of LOSS_KEYS) expect(lossText(ar, [{ key, params: { title: 'T', count: 2, titles: ['T'] } }])).not.toContain('history:');
    expect(lossText(en, [])).toBe('');
  });
});

describe('a step label', () => {
  it('is data the contract checks: a known key and its parameters', () => {
    expect(StepLabel.safeParse({ key: 'addHighlight' }).success).toBe(true);
    expect(StepLabel.safeParse({ key: 'add highlight' }).success).toBe(false);
    expect(StepLabel.safeParse({ key: 'relate', params: { from: 'A', to: { x: 1 } } }).success).toBe(false);
  });

  it('is the same step when its key and its parameters are', () => {
    expect(sameStep(step('relate', { from: 'A', to: 'B' }), step('relate', { from: 'A', to: 'B' }))).toBe(true);
    expect(sameStep(step('relate', { from: 'A', to: 'B' }), step('relate', { from: 'A', to: 'C' }))).toBe(false);
    expect(sameStep(step('addHighlight'), null)).toBe(false);
    expect(sameStep(null, null)).toBe(true);
  });
});
