import { describe, expect, it, vi } from 'vitest';
import { externalLinkOpener, externalLinkTarget, type ExternalLinkDeps } from './externalLinks';

// require('electron') from plain Node tries to download the binary: tests get a fake.
vi.mock('electron', () => ({ dialog: {}, shell: {} }));

describe('externalLinkTarget', () => {
  it.each([
    ['https://example.org/report?id=3#p2', 'https://example.org/report?id=3#p2'],
    ['http://example.org', 'http://example.org/'],
    ['HTTPS://Example.ORG/a', 'https://example.org/a'],
    ['mailto:desk@example.org?subject=Brief', 'mailto:desk@example.org?subject=Brief'],
  ])('opens %s', (url, expected) => {
    expect(externalLinkTarget(url)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///C:/Windows/System32/calc.exe',
    'file:///etc/passwd',
    'smb://evil.example/share/payload.exe',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x&crumb=location:\\\\evil.example\\share',
    'zoommtg://evil.example',
    'dossier://app/index.html',
    'blob:https://evil.example/1',
    'https://bank.example@evil.example/',
    'https://user:pass@example.org/',
    'not a url',
    '',
    `https://example.org/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => {
    expect(externalLinkTarget(url)).toBeNull();
  });
});

describe('externalLinkOpener', () => {
  function deps(answer: boolean | Promise<boolean>) {
    return {
      confirm: vi.fn<ExternalLinkDeps['confirm']>(() => Promise.resolve(answer)),
      open: vi.fn<ExternalLinkDeps['open']>(() => Promise.resolve()),
      log: vi.fn<ExternalLinkDeps['log']>(),
    };
  }

  it('opens an http(s) or mailto link only after the analyst confirms it', async () => {
    const yes = deps(true);
    await expect(externalLinkOpener(yes)('https://example.org/a', null)).resolves.toBe(true);
    expect(yes.confirm).toHaveBeenCalledWith(null, 'https://example.org/a');
    expect(yes.open).toHaveBeenCalledWith('https://example.org/a');
    expect(yes.confirm.mock.invocationCallOrder[0]!).toBeLessThan(yes.open.mock.invocationCallOrder[0]!);

    const no = deps(false);
    await expect(externalLinkOpener(no)('mailto:desk@example.org', null)).resolves.toBe(false);
    expect(no.confirm).toHaveBeenCalled();
    expect(no.open).not.toHaveBeenCalled();
  });

  it('never asks about, or opens, any other scheme, and logs only the scheme', async () => {
    const d = deps(true);
    const open = externalLinkOpener(d);
    for (const url of ['javascript:alert("the analyst wrote this")', 'file:///etc/passwd', 'smb://evil.example/x']) {
      await expect(open(url, null)).resolves.toBe(false);
    }
    expect(d.confirm).not.toHaveBeenCalled();
    expect(d.open).not.toHaveBeenCalled();
    expect(d.log.mock.calls.map((c) => c[0] as string).join('\n')).not.toMatch(/analyst wrote|passwd|evil/);
  });

  it('asks one question at a time: links opened in a loop stack no dialogs', async () => {
    let answer: (yes: boolean) => void = () => {};
    const d = deps(new Promise<boolean>((resolve) => (answer = resolve)));
    const open = externalLinkOpener(d);
    const first = open('https://example.org/1', null);
    const more = await Promise.all(Array.from({ length: 20 }, (_, i) => open(`https://example.org/${i + 2}`, null)));
    expect(more.every((opened) => !opened)).toBe(true);
    answer(true);
    await expect(first).resolves.toBe(true);
    expect(d.confirm).toHaveBeenCalledTimes(1);
    expect(d.open).toHaveBeenCalledTimes(1);
    // Once answered, the next link is asked about again.
    await open('https://example.org/next', null);
    expect(d.confirm).toHaveBeenCalledTimes(2);
  });
});
