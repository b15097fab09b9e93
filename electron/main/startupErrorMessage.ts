import { isDossierError } from '../common/errors';

/**
 * What the startup error box says: a DossierError is already worded for the user (a damaged or
 * locked workspace); anything else gets one line, never a stack.
 */
export function startupErrorMessage(error: unknown): string {
  if (isDossierError(error)) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return detail ? `Something went wrong while starting Dossier: ${detail}` : 'Something went wrong while starting Dossier.';
}
