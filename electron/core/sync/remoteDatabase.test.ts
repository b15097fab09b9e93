import { describe, expect, it } from 'vitest';
import { DossierError, ErrorPayload } from '../../common/errors';
import { remoteError } from './remoteDatabase';
import { parseRemote } from './remoteUrl';

const remote = parseRemote('https://couch.example.org/team-dossier', {});

describe('remoteError', () => {
  it('gives a refused sign-in its own code, worded in one line, and it survives the trip to the window', () => {
    const error = remoteError({ status: 401, name: 'unauthorized', message: 'Name or password is incorrect.' }, remote);
    expect(error.code).toBe('unauthorized');
    expect(error.message).toMatch(/^The server at https:\/\/couch\.example\.org\/team-dossier refused the user name and password \(401\)\./);
    expect(error.message).not.toContain('\n');
    const back = DossierError.fromPayload(ErrorPayload.parse(JSON.parse(JSON.stringify(error.toPayload()))));
    expect(back.code).toBe('unauthorized');
  });

  it('keeps the other failures apart from a refused sign-in', () => {
    expect(remoteError({ status: 403 }, remote).code).toBe('bad-input');
    expect(remoteError({ status: 404 }, remote).code).toBe('not-found');
    expect(remoteError({ status: 503, reason: 'maintenance' }, remote).code).toBe('unavailable');
    expect(remoteError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }), remote)).toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('Could not reach https://couch.example.org/team-dossier (ECONNREFUSED)'),
    });
  });
});
