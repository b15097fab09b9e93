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
