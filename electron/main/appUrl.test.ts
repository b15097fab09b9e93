import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from './appUrl';

describe('isAppUrl', () => {
  it('accepts the app and its pages', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('dossier://app/reader?id=1#x')).toBe(true);
  });

  it.each([
    'dossier://other/index.html',
    'dossier://app.evil.example/index.html',
    'dossier://app:80/index.html',
    'https://app/index.html',
    'file:///app/index.html',
    'not a url',
    '',
    null,
    undefined,
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});
