import { describe, expect, it } from 'vitest';
import { isAppSenderFrame } from './ipcSender';

describe('isAppSenderFrame', () => {
  it('accepts the top frame of the app', () => {
    expect(isAppSenderFrame({ url: 'dossier://app/index.html', parent: null })).toBe(true);
    expect(isAppSenderFrame({ url: 'dossier://app/index.html#/notes', parent: null })).toBe(true);
  });

  it.each([
    ['a web page', { url: 'https://evil.example/', parent: null }],
    ['the loopback host', { url: 'http://127.0.0.1:4000/', parent: null }],
    ['a local file', { url: 'file:///tmp/index.html', parent: null }],
    ['a data: page', { url: 'data:text/html,<script>1</script>', parent: null }],
    ['about:blank', { url: 'about:blank', parent: null }],
    ['another dossier host', { url: 'dossier://evil/index.html', parent: null }],
    ['a look-alike host', { url: 'dossier://app.evil/index.html', parent: null }],
    ['credentials before the host', { url: 'dossier://app@evil/index.html', parent: null }],
    ['a subframe showing the app', { url: 'dossier://app/index.html', parent: { url: 'dossier://app/index.html' } }],
    ['a frame without a parent field', { url: 'dossier://app/index.html' } as { url: string; parent: unknown }],
    ['an empty URL', { url: '', parent: null }],
  ])('refuses %s', (_what, frame) => {
    expect(isAppSenderFrame(frame)).toBe(false);
  });

  it('refuses a frame that is gone', () => {
    expect(isAppSenderFrame(null)).toBe(false);
    expect(isAppSenderFrame(undefined)).toBe(false);
  });
});
