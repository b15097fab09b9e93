import { afterEach, describe, expect, it } from 'vitest';
import { decimal, DossierError, ErrorPayload, fromSystemError, phrase } from '../../../electron/common/errors';
import { errorMessage } from '../ui/useSaveStatus';
import { errorText, i18n } from './i18n';

/** A core error as the window receives it: through the contract's JSON, then back into a DossierError. */
function received(error: DossierError): DossierError {
  return DossierError.fromPayload(ErrorPayload.parse(JSON.parse(JSON.stringify(error.toPayload()))));
}

describe('a core error in the UI language', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('reads as the core wrote it in English', async () => {
    await i18n.changeLanguage('en');
    const error = received(new DossierError('conflict', phrase('entity.nameTaken', { name: 'Delhi', other: 'New Delhi' })));
    expect(errorMessage(error)).toBe('"Delhi" is already the entity New Delhi; merge them instead.');
    expect(errorMessage(error)).toBe(error.message);
  });

  it('is said in Arabic, with the words among its parameters, its plural and its numbers in Arabic too', async () => {
    await i18n.changeLanguage('ar');
    expect(errorMessage(received(new DossierError('import-failed', phrase('import.empty', { file: 'empty.txt' }))))).toBe('الملف empty.txt فارغ.');
    const disk = fromSystemError(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC', syscall: 'write', path: '/ws/notes.json' }))!;
    expect(errorMessage(received(disk))).toBe('تعذّرت الكتابة في /ws/notes.json: القرص ممتلئ (ENOSPC).');
    const twice = received(new DossierError('ambiguous-quote', phrase('annotation.ambiguousQuote', { count: 2 })));
    expect(errorMessage(twice)).toContain('مرتين');
    const many = received(new DossierError('ambiguous-quote', phrase('annotation.ambiguousQuote', { count: 11 })));
    expect(errorMessage(many)).toContain('11 مرة');
    const size = received(new DossierError('import-failed', phrase('import.tooLarge', { file: 'big.txt', size: decimal(20.05, 1), limit: 20 })));
    expect(errorMessage(size)).toMatch(/^الملف big\.txt كبير جدًا \(20[.٫]1 ميغابايت؛ الحد الأقصى 20 ميغابايت\)\.$/);
  });

  it('falls back to the English message when it has no phrase, or one this window does not know', async () => {
    await i18n.changeLanguage('ar');
    expect(errorMessage(new DossierError('internal', 'Something went wrong inside Dossier: boom'))).toBe('Something went wrong inside Dossier: boom');
    const newer = DossierError.fromPayload(ErrorPayload.parse({ code: 'conflict', message: 'A newer core said this.', phrase: { key: 'future.thing', params: { n: 1 } } }));
    expect(newer.phrase).toEqual({ key: 'future.thing', params: { n: 1 } });
    expect(errorMessage(newer)).toBe('A newer core said this.');
    const nestedUnknown = { message: 'Could not write x: the disk is full (ENOSPC).', phrase: { key: 'system.couldNotWriteFile', params: { file: 'x', code: 'ENOSPC', reason: { key: 'system.reason.EFUTURE' } } } };
    expect(errorText(nestedUnknown)).toBe(nestedUnknown.message);
  });

  it('keeps the error when its phrase is malformed, dropping only the phrase', () => {
    const parsed = ErrorPayload.parse({ code: 'bad-input', message: 'Plain words.', phrase: { key: 42 } });
    expect(parsed).toEqual({ code: 'bad-input', message: 'Plain words.' });
  });
});
