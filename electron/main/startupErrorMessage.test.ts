import { describe, expect, it } from 'vitest';
import { DossierError } from '../common/errors';
import { startupErrorMessage } from './startupErrorMessage';

describe('startupErrorMessage', () => {
  it('shows a DossierError as worded', () => {
    const error = new DossierError('corrupt-file', 'This file is not a Dossier workspace: workspace.json');
    expect(startupErrorMessage(error)).toBe('This file is not a Dossier workspace: workspace.json');
  });

  it('gives anything else one line, without the stack', () => {
    const message = startupErrorMessage(new Error('EACCES: permission denied'));
    expect(message).toBe('Something went wrong while starting Dossier: EACCES: permission denied');
    expect(message).not.toMatch(/\n\s+at /);
  });
});
