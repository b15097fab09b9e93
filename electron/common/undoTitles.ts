/**
 * "Undo add highlight": Undo and Redo named after the step they would take, as the Electron
 * menu, the command palette, the top bar, the history list and the toasts show them. The core
 * names a step by a catalog key and its parameters (`StepLabel`); these functions word it in the
 * language of the translator they are given, so the desktop menu (in the menu's language) and the
 * window (in the UI's) word it the same way.
 *
 * A step's name is a phrase that may hold names ("relate Chennai to Delhi"): in English it follows
 * the verb in lower case, never title-cased. A long one is cut at a word, so a menu never grows as
 * wide as an entity's full name.
 */
import type { LossPhrase, PhraseParam, StepLabel } from './model/phrase';

export type HistoryDirection = 'undo' | 'redo';

/** A translator's `t`: i18next's, or the native menu's. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** How the words are put: the translator, and how numbers are written (the UI's digits). */
export interface Wording {
  t: Translate;
  formatNumber?: (n: number) => string;
}

/** The longest step label shown after Undo/Redo, in characters. */
export const MAX_STEP_LABEL = 40;

/**
 * The interpolation values of a phrase: names as they are; a count also as `n`, in the UI's digits
 * (`count` itself picks the plural form); a few titles as one quoted list, with "…" when the count
 * says there were more.
 */
function values(words: Wording, params: Readonly<Record<string, PhraseParam>> | undefined): Record<string, unknown> {
  const { t, formatNumber = String } = words;
  const out: Record<string, unknown> = {};
  const count = typeof params?.count === 'number' ? params.count : undefined;
  for (const [name, value] of Object.entries(params ?? {})) {
    if (Array.isArray(value)) {
      const list = value.map((text) => t('ui:quoted', { text })).join(t('ui:listSeparator'));
      out[name] = count !== undefined && count > value.length ? `${list} …` : list;
    } else out[name] = value;
  }
  if (count !== undefined) out.n = formatNumber(count);
  return out;
}

/** A step's name in the translator's language: "add highlight", "إضافة تظليل". */
export function stepText(words: Wording, label: StepLabel): string {
  return words.t(`history:step.${label.key}`, values(words, label.params)).trim();
}

/** "Undo add highlight"; the plain verb when there is nothing to take back (the item is then disabled). */
export function historyCommandTitle(words: Wording, direction: HistoryDirection, label: StepLabel | null | undefined): string {
  const step = label ? stepText(words, label).replace(/\s+/g, ' ') : '';
  return step ? words.t(`history:command.${direction}Step`, { step: shortStepLabel(step) }) : words.t(`history:command.${direction}`);
}

/** What an undo would remove, as one phrase: "the note “Plan” and its text". */
export function lossText(words: Wording, losses: readonly LossPhrase[]): string {
  if (losses.length === 0) return '';
  const phrases = losses.map((loss) => words.t(`history:loss.${loss.key}`, values(words, loss.params)));
  return phrases.reduce((all, next) => words.t('history:loss.and', { first: all, second: next }));
}

function shortStepLabel(label: string): string {
  if (label.length <= MAX_STEP_LABEL) return label;
  const cut = label.slice(0, MAX_STEP_LABEL);
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${atWord.length >= MAX_STEP_LABEL / 2 ? atWord : cut}…`;
}
