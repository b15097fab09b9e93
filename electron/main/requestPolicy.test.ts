import { describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import { blockForeignRequests, isAllowedRequest, requestSummary } from './requestPolicy';

describe('isAllowedRequest', () => {
  it.each([
    'dossier://app/index.html',
    'dossier://app/assets/index-3f2a.js',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:dossier://app/7c9e6679-7425-40de-944b-e07fc1f90ae7',
  ])('lets the app load its own %s', (url) => {
    expect(isAllowedRequest(url)).toBe(true);
  });

  it.each([
    'https://evil.example/pixel.png',
    'http://127.0.0.1:8080/api/call/workspace.info',
    'http://localhost/',
    'ws://evil.example/socket',
    'wss://evil.example/socket',
    'ftp://evil.example/x',
    'file:///etc/passwd',
    'file://server/share/x',
    'dossier://evil/index.html',
    'dossier://app.evil.example/index.html',
    'blob:https://evil.example/7c9e6679-7425-40de-944b-e07fc1f90ae7',
    'javascript:alert(1)',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedRequest(url)).toBe(false);
  });
});

describe('requestSummary', () => {
  it('keeps only the scheme and host, never the path or query where text could hide', () => {
    expect(requestSummary('https://evil.example/leak?q=the+secret+words#more')).toBe('https://evil.example');
    expect(requestSummary('http://127.0.0.1:9/x')).toBe('http://127.0.0.1:9');
    expect(requestSummary('file:///home/analyst/notes.txt')).toBe('file:');
    expect(requestSummary('javascript:alert("secret")')).toBe('javascript:');
    expect(requestSummary('%%%')).toBe('(not a URL)');
  });
});

describe('blockForeignRequests', () => {
  type Listener = (details: { url: string; resourceType: string }, callback: (response: { cancel?: boolean }) => void) => void;

  function fakeSession() {
    const state: { listener?: Listener } = {};
    const session = { webRequest: { onBeforeRequest: (listener: Listener) => (state.listener = listener) } } as unknown as Session;
    const request = (url: string, resourceType = 'image') => {
      const callback = vi.fn();
      state.listener!({ url, resourceType }, callback);
      return callback.mock.calls[0]![0] as { cancel?: boolean };
    };
    return { session, request };
  }

  it('filters every request of the session: the app\u2019s own go through, the rest are cancelled', () => {
    const { session, request } = fakeSession();
    const log = vi.fn();
    blockForeignRequests(session, log);
    expect(request('dossier://app/index.html', 'mainFrame')).toEqual({});
    expect(request('https://evil.example/a.png?text=Ministers+met+in+Delhi')).toEqual({ cancel: true });
    expect(request('file:///etc/passwd', 'subFrame')).toEqual({ cancel: true });
    expect(log.mock.calls.map((c) => c[0] as string)).toEqual([
      'Dossier blocked a request to https://evil.example (image): the app loads nothing from outside.',
      'Dossier blocked a request to file: (subFrame): the app loads nothing from outside.',
    ]);
    expect(log.mock.calls.join('\n')).not.toContain('Delhi');
  });

  it('logs each destination once, and stops naming them after a while', () => {
    const { session, request } = fakeSession();
    const log = vi.fn();
    blockForeignRequests(session, log);
    for (let i = 0; i < 3; i++) request('https://evil.example/again');
    expect(log).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 200; i++) expect(request(`https://host${i}.example/`)).toEqual({ cancel: true });
    expect(log).toHaveBeenCalledTimes(51);
    expect(log.mock.calls.at(-1)![0]).toMatch(/more destinations/);
  });
});
