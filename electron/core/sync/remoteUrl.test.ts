import { describe, expect, it } from 'vitest';
import { authHeaders, isLoopback, parseRemote } from './remoteUrl';

describe('parseRemote', () => {
  it('takes credentials out of the URL, keeping them only in memory', () => {
    const remote = parseRemote('https://ana:s%40cret@couch.example.org/team-dossier/');
    expect(remote).toEqual({ url: 'https://couch.example.org/team-dossier', database: 'team-dossier', auth: { username: 'ana', password: 's@cret' } });
    expect(authHeaders(remote)).toEqual({ Authorization: `Basic ${Buffer.from('ana:s@cret').toString('base64')}` });
  });

  it('prefers credentials given apart (environment variables) and takes a proxy token', () => {
    expect(parseRemote('https://x:y@h.org/db', { username: 'u', password: 'p' }).auth).toEqual({ username: 'u', password: 'p' });
    const token = parseRemote('https://h.org/db', { token: 't0k' });
    expect(authHeaders(token)).toEqual({ Authorization: 'Bearer t0k' });
    expect(parseRemote('https://h.org/db').auth).toBeNull();
  });

  it('refuses http:// except on this machine', () => {
    expect(() => parseRemote('http://couch.example.org/db')).toThrow(/Refusing http:\/\/couch\.example\.org/);
    expect(() => parseRemote('http://10.0.0.5:5984/db')).toThrow(/unencrypted/);
    for (const local of ['http://127.0.0.1:5984/db', 'http://localhost:5984/db', 'http://[::1]:5984/db']) expect(parseRemote(local).database).toBe('db');
  });

  it('explains what is wrong with a URL it cannot use', () => {
    expect(() => parseRemote('not a url')).toThrow(/is not a URL/);
    expect(() => parseRemote('ftp://h.org/db')).toThrow(/not ftp:/);
    expect(() => parseRemote('https://h.org/')).toThrow(/names no database/);
    expect(() => parseRemote('https://h.org/Team')).toThrow(/not a CouchDB database name/);
    expect(() => parseRemote('https://h.org/db?x=1')).toThrow(/no query/);
  });
});

describe('isLoopback', () => {
  it('knows the loopback names and addresses, and nothing else', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]'].every(isLoopback)).toBe(true);
    expect(['localhost.example.org', '128.0.0.1', '0.0.0.0', '::'].some(isLoopback)).toBe(false);
  });
});
