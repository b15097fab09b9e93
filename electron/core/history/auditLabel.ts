import { createTranslator } from '../../common/i18n/translator';
import type { StepLabel } from '../../common/model/phrase';
import { stepText, type Wording } from '../../common/undoTitles';

let english: Wording | null = null;

/**
 * A step's name in English, for the articles' history files: the audit trail is read by people
 * and tools outside the app, in one language whatever the UI speaks, as it always was.
 */
export function auditLabel(label: StepLabel): string {
  if (!english) {
    const instance = createTranslator('en');
    english = { t: (key, options) => instance.t(key, options ?? {}) };
  }
  return stepText(english, label);
}
