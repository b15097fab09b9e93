import { describe, expect, it } from 'vitest';
import { decimal, DossierError, englishText, ErrorPayload, fromSystemError, isDossierError, moment, phrase, systemErrorReason, systemReason, wordsOf } from './errors';
import { phraseText } from './errorPhrase';

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

  it('carries the encodings a file may be in across a process boundary, when it could not tell', () => {
    const encodings = [
      { encoding: 'windows-1251', preview: 'Item мир.' },
      { encoding: 'koi8-r', preview: 'Item ЛХП.' },
    ];
    const payload = JSON.parse(JSON.stringify(new DossierError('encoding-unknown', 'a.txt is in a text encoding …', 'a.txt', encodings).toPayload()));
    expect(payload).toEqual({ code: 'encoding-unknown', message: 'a.txt is in a text encoding …', file: 'a.txt', encodings });
    expect(DossierError.fromPayload(ErrorPayload.parse(payload))).toMatchObject({ code: 'encoding-unknown', file: 'a.txt', encodings });
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

describe('errors worded from the catalog', () => {
  // The sentences the core wrote before its words moved to the catalog: the CLI prints them, and
  // scripts may read them, so the English stays exactly as it was.
  const file = '/home/a/empty.txt';
  it.each([
    [phrase('import.empty', { file }), `${file} is empty.`],
    [phrase('import.tooLargeFor', { file, size: decimal(20.0, 1), limit: 20, kind: phrase('import.kind.PDF') }), `${file} is too large (20.0 MB; the limit for PDF files is 20 MB).`],
    [phrase('import.unreadableAs', { file, kind: phrase('import.asKind.text') }), `${file} could not be read as text; the file may be damaged.`],
    [phrase('import.encodingUnsure', { file, some: ['windows-1251', 'koi8-r'], last: 'ibm866' }), `${file} is in a text encoding Dossier cannot tell for sure (perhaps windows-1251, koi8-r or ibm866); import it again choosing one.`],
    [phrase('entity.nameTaken', { name: 'Delhi', other: 'New Delhi' }), '"Delhi" is already the entity New Delhi; merge them instead.'],
    [phrase('crypt.wrongPassphrase', { path: '/ws' }), 'Wrong passphrase for the encrypted workspace /ws (nothing was changed).'],
    [phrase('lock.openElsewhere', { path: '/ws', pid: '4242', since: moment('2025-01-02T03:04:05.000Z') }), 'The workspace /ws is open in another Dossier (process 4242, since 2025-01-02T03:04:05.000Z).'],
    [phrase('workspace.notAWorkspace', { path: '/tmp/x', reason: phrase('workspace.folderMissing') }), 'This folder is not a Dossier workspace: /tmp/x (the folder does not exist).'],
    [phrase('workspace.cannotBeWritten', { path: '/mnt/ro', reason: systemReason({ code: 'EROFS' }) }), '/mnt/ro cannot be written (the disk is read-only), so the workspace is open read-only.'],
    [phrase('annotation.ambiguousQuote', { count: 3 }), 'The quote occurs 3 times in the article; choose one with --occurrence 1..3.'],
    [phrase('annotation.occurrenceOutOfRange', { occurrence: 4, count: 1 }), '--occurrence 4 is out of range: the quote occurs 1 time.'],
    [phrase('backup.keptChanging', { count: 5 }), 'The workspace kept changing while it was being backed up (5 attempts). Try again when Dossier is idle, or close it first.'],
    [phrase('restore.targetNotEmptyMore', { path: '/r', names: ['a', 'b', 'c'] }), '/r is not empty (it holds a, b, c …); restore into an empty or new folder.'],
    [phrase('restore.refused', { file: 'b.zip', why: phrase('restore.newerFormat', { format: 9 }) }), 'b.zip cannot be restored: it was written by a newer Dossier (backup format 9); update Dossier to restore it.'],
    [phrase('sync.unauthorized', { url: 'https://couch.example.org/team' }), 'The server at https://couch.example.org/team refused the user name and password (401). Give them in the URL or in DOSSIER_SYNC_USER and DOSSIER_SYNC_PASSWORD.'],
    [phrase('sync.readOnly', { reason: phrase('workspace.newerSchema', { schema: 12 }) }), 'This workspace cannot sync while it is read-only: This workspace was written by a newer Dossier (schema 12); it is open read-only.'],
    [phrase('contract.invalidRequest', { call: 'notes.create', field: 'title', issue: 'Too big' }), 'Invalid notes.create request (title: Too big).'],
    [phrase('common.rangeOutside', { start: 10, end: 12000, length: 11000 }), 'The range 10–12000 is outside the article (length 11000).'],
  ])('%j reads as before', (words, english) => {
    const error = new DossierError('bad-input', words);
    expect(error.message).toBe(english);
    expect(englishText(words)).toBe(english);
    expect(error.toPayload()).toEqual({ code: 'bad-input', message: english, phrase: words });
  });

  it('writes a moment as the window writes dates, and as its timestamp where nothing says how', () => {
    const words = phrase('lock.openElsewhere', { path: '/ws', pid: '4242', since: moment('2025-01-02T03:04:05.000Z') });
    const wording = { t: (key: string, options: Record<string, unknown>) => `${key} ${String(options.since)}`, formatNumber: String };
    expect(phraseText({ ...wording, formatMoment: (iso) => `at ${iso.slice(0, 10)}` }, words)).toBe('lock.openElsewhere at 2025-01-02');
    expect(phraseText(wording, words)).toBe('lock.openElsewhere 2025-01-02T03:04:05.000Z');
  });

  it('takes the words of the error it wraps, or its message', () => {
    expect(wordsOf(new DossierError('locked', phrase('workspace.closed')))).toEqual({ key: 'workspace.closed' });
    expect(wordsOf(new DossierError('locked', 'Plain.'))).toBe('Plain.');
    expect(wordsOf(new Error('boom'))).toBe('boom');
  });
});
