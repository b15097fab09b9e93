import { describe, expect, it } from 'vitest';
import { DossierError, ErrorPayload, fromSystemError, isDossierError, systemErrorReason } from './errors';

describe('DossierError', () => {
  it('carries a code, a message for the user and, when about a file, the file', () => {
    const error = new DossierError('corrupt-file', '/ws/library.json is damaged.', '/ws/library.json');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DossierError');
    expect(isDossierError(error)).toBe(true);
    expect(isDossierError(new Error('x'))).toBe(false);
    expect(isDossierError({ code: 'not-found', message: 'x' })).toBe(false);
    expect(error.toPayload()).toEqual({ code: 'corrupt-file', message: '/ws/library.json is damaged.', file: '/ws/library.json' });
  });

  it('crosses a process boundary as plain data and back', () => {
    const without = new DossierError('not-found', 'No article.');
    expect(without.toPayload()).toEqual({ code: 'not-found', message: 'No article.' });
    expect(Object.keys(without.toPayload())).toEqual(['code', 'message']);
    const payload = JSON.parse(JSON.stringify(new DossierError('locked', 'Open elsewhere.', '/ws/.dossier.lock').toPayload()));
    const back = DossierError.fromPayload(ErrorPayload.parse(payload));
    expect(back).toBeInstanceOf(DossierError);
    expect(back).toMatchObject({ code: 'locked', message: 'Open elsewhere.', file: '/ws/.dossier.lock' });
  });

  it('accepts only known codes in a payload', () => {
    expect(ErrorPayload.safeParse({ code: 'made-up', message: 'x' }).success).toBe(false);
    expect(ErrorPayload.safeParse({ code: 'internal', message: 'x' }).success).toBe(true);
  });
});

const systemError = (code: string, syscall: string, file?: string) => Object.assign(new Error(`${code}: ${syscall} '${file}'`), { code, syscall, path: file });

describe('operating-system errors as users read them', () => {
  it('names the file, what failed and why, on one line', () => {
    const error = fromSystemError(systemError('ENOSPC', 'write', '/ws/articles/a/v1/text.json'));
    expect(error).toBeInstanceOf(DossierError);
    expect(error).toMatchObject({ code: 'unavailable', file: '/ws/articles/a/v1/text.json', message: 'Could not write /ws/articles/a/v1/text.json: the disk is full (ENOSPC).' });
    expect(fromSystemError(systemError('EACCES', 'open', '/ws/notes.json'))?.message).toBe('Could not read /ws/notes.json: permission was denied (EACCES).');
    expect(fromSystemError(systemError('EXDEV', 'rename'))?.message).toBe("Could not write: EXDEV: rename 'undefined' (EXDEV).");
  });

  it('leaves anything else alone', () => {
    expect(fromSystemError(new Error('plain'))).toBeNull();
    expect(fromSystemError(new DossierError('conflict', 'x'))).toBeNull();
    expect(fromSystemError(null)).toBeNull();
    expect(systemErrorReason(new Error('just this'))).toBe('just this');
  });
});
