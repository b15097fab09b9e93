import { z } from 'zod';

/**
 * Errors a user can meet. They cross the contract as plain data, so the renderer,
 * the host and the CLI all show the same wording.
 */
export const ErrorCode = z.enum([
  'bad-input',
  'not-found',
  'corrupt-file',
  'read-only',
  'locked',
  'import-failed',
  'quote-not-found',
  'ambiguous-quote',
  'conflict',
  'unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorPayload = z.object({
  code: ErrorCode,
  message: z.string(),
  file: z.string().optional(),
});
export type ErrorPayload = z.infer<typeof ErrorPayload>;

export class DossierError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;

  constructor(code: ErrorCode, message: string, file?: string) {
    super(message);
    this.name = 'DossierError';
    this.code = code;
    this.file = file;
  }

  toPayload(): ErrorPayload {
    return this.file === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, file: this.file };
  }

  static fromPayload(payload: ErrorPayload): DossierError {
    return new DossierError(payload.code, payload.message, payload.file);
  }
}

export function isDossierError(value: unknown): value is DossierError {
  return value instanceof DossierError;
}

/** What an operating-system error code means, in words a user can act on. */
const SYSTEM_REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EACCES: 'permission was denied',
  EPERM: 'the operation is not permitted',
  EIO: 'the disk reported an input/output error',
  EBUSY: 'the file is in use by another program',
  EMFILE: 'too many files are open',
  ENOENT: 'it does not exist',
  EISDIR: 'a folder is in its place',
  ENOTDIR: 'a file is in the place of a folder',
};

/** The reason behind an operating-system error, in words ("the disk is full"), or its own message. */
export function systemErrorReason(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return (typeof code === 'string' && SYSTEM_REASONS[code]) || ((error as Error)?.message ?? String(error));
}

/**
 * An operating-system error (ENOSPC, EACCES …) as a DossierError naming its file, for errors that
 * reach the user from outside a save (a save says itself whether anything was saved). Null for
 * anything that is not one.
 */
export function fromSystemError(error: unknown): DossierError | null {
  const { code, path: file, syscall } = (error ?? {}) as { code?: unknown; path?: unknown; syscall?: unknown };
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return null;
  const where = typeof file === 'string' ? ` ${file}` : '';
  const verb = typeof syscall === 'string' && /read|stat|open|scandir/.test(syscall) && !/write/.test(syscall) ? 'read' : 'write';
  return new DossierError('unavailable', `Could not ${verb}${where}: ${systemErrorReason(error)} (${code}).`, typeof file === 'string' ? file : undefined);
}
