import { z } from 'zod';
import { ErrorPhrase, phrase, phraseText, type ErrorWording, type Words } from './errorPhrase';
import { createTranslator } from './i18n/translator';
import { EncodingCandidate } from './model/textEncoding';

export { decimal, moment, phrase, type ErrorPhrase, type Words } from './errorPhrase';

/**
 * Errors a user can meet. They cross the contract as plain data: the English sentence (what the
 * CLI prints and the logs keep) and, for the errors worded from the `errors` catalog, its key and
 * parameters, which the window words in the UI language.
 */
export const ErrorCode = z.enum([
  'bad-input',
  'not-found',
  'corrupt-file',
  'read-only',
  'locked',
  'import-failed',
  /** A text file whose encoding Dossier cannot tell for sure: the error lists the likely ones to choose from. */
  'encoding-unknown',
  'quote-not-found',
  'ambiguous-quote',
  'conflict',
  'unavailable',
  'internal',
  /** Nothing to answer with: the app started without a workspace (the start screen shows why). */
  'no-workspace',
  /** A server refused the sign-in (the team database's 401): the app asks for the password again. */
  'unauthorized',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorPayload = z.object({
  code: ErrorCode,
  message: z.string(),
  file: z.string().optional(),
  /** With `encoding-unknown`: the encodings the file may be in, likeliest first. */
  encodings: z.array(EncodingCandidate).optional(),
  /** The message as a catalog key and parameters; a phrase this version cannot read is dropped, never the error. */
  phrase: ErrorPhrase.optional().catch(undefined),
});
export type ErrorPayload = z.infer<typeof ErrorPayload>;

export class DossierError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly encodings?: EncodingCandidate[];
  /** The message's key and parameters in the `errors` catalog, when it has them. */
  readonly phrase?: ErrorPhrase;

  /** `message` is English text, or a phrase (`phrase('import.empty', { file })`) the message is worded from in English. */
  constructor(code: ErrorCode, message: Words, file?: string, encodings?: EncodingCandidate[]) {
    super(typeof message === 'string' ? message : englishText(message));
    this.name = 'DossierError';
    this.code = code;
    this.file = file;
    if (encodings) this.encodings = encodings;
    if (typeof message !== 'string') this.phrase = message;
  }

  toPayload(): ErrorPayload {
    return {
      code: this.code,
      message: this.message,
      ...(this.file === undefined ? {} : { file: this.file }),
      ...(this.encodings ? { encodings: this.encodings } : {}),
      ...(this.phrase ? { phrase: this.phrase } : {}),
    };
  }

  static fromPayload(payload: ErrorPayload): DossierError {
    const error = new DossierError(payload.code, payload.message, payload.file, payload.encodings);
    if (payload.phrase) (error as { phrase?: ErrorPhrase }).phrase = payload.phrase;
    return error;
  }
}

/** The words of an error: its phrase when it has one, else its English message (for wrapping one error in another). */
export function wordsOf(error: unknown): Words {
  if (isDossierError(error)) return error.phrase ?? error.message;
  return (error as Error)?.message ?? String(error);
}

let english: ErrorWording | null = null;

/**
 * A phrase in English, from the catalog: the message the CLI prints and the logs keep. Numbers are
 * written plainly (as the messages always were), not grouped.
 */
export function englishText(words: Words): string {
  if (typeof words === 'string') return words;
  if (!english) {
    const instance = createTranslator('en');
    english = { t: (key, options) => instance.t(key, options), formatNumber: (n, o) => (o?.maximumFractionDigits === undefined ? String(n) : n.toFixed(o.maximumFractionDigits)) };
  }
  return phraseText(english, words);
}

export function isDossierError(value: unknown): value is DossierError {
  return value instanceof DossierError;
}

/** The operating-system error codes with words of their own (`errors:system.reason.<code>`: "the disk is full"). */
const SYSTEM_REASONS = ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO', 'EBUSY', 'EMFILE', 'ENOENT', 'EISDIR', 'ENOTDIR'] as const;
export const SYSTEM_REASON_CODES: readonly string[] = SYSTEM_REASONS;

/** The reason behind an operating-system error as words to translate ("the disk is full"), or its own message. */
export function systemReason(error: unknown): Words {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && SYSTEM_REASON_CODES.includes(code)) return phrase(`system.reason.${code as (typeof SYSTEM_REASONS)[number]}`);
  return (error as Error)?.message ?? String(error);
}

/** The reason behind an operating-system error, in English words ("the disk is full"), or its own message. */
export function systemErrorReason(error: unknown): string {
  return englishText(systemReason(error));
}

/**
 * An operating-system error (ENOSPC, EACCES …) as a DossierError naming its file, for errors that
 * reach the user from outside a save (a save says itself whether anything was saved). Null for
 * anything that is not one.
 */
export function fromSystemError(error: unknown): DossierError | null {
  const { code, path: file, syscall } = (error ?? {}) as { code?: unknown; path?: unknown; syscall?: unknown };
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return null;
  const verb = typeof syscall === 'string' && /read|stat|open|scandir/.test(syscall) && !/write/.test(syscall) ? 'read' : 'write';
  const reason = systemReason(error);
  const words =
    typeof file === 'string'
      ? phrase(verb === 'read' ? 'system.couldNotReadFile' : 'system.couldNotWriteFile', { file, reason, code })
      : phrase(verb === 'read' ? 'system.couldNotRead' : 'system.couldNotWrite', { reason, code });
  return new DossierError('unavailable', words, typeof file === 'string' ? file : undefined);
}
