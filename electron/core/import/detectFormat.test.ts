import { describe, expect, it } from 'vitest';
import { detectFormat } from './detectFormat';

const enc = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string) => Uint8Array.from([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(s, (c) => c.charCodeAt(0)).buffer)]);

describe('detectFormat', () => {
  it.each([
    ['a PDF named .txt', enc('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'report.txt', 'pdf'],
    ['a PDF without an extension', enc('%PDF-1.4\n'), 'download', 'pdf'],
    ['a doctype in a .txt', enc('<!DOCTYPE html>\n<html><body><p>x</p></body></html>'), 'page.txt', 'html'],
    ['<html> after a BOM, blank lines and comments', enc('\uFEFF\n  <!-- saved from url=(0042) -->\n<!-- x -->\n<HTML lang=en>'), 'saved', 'html'],
    ['<head> first', enc('<head><title>x</title></head>'), 'x.md', 'html'],
    ['<body> first', enc('<body>hi</body>'), 'x', 'html'],
    ['XHTML with an XML declaration', enc('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml">'), 'a.xhtml', 'html'],
    ['UTF-16 HTML', utf16le('<!doctype html><p>x'), 'page.bin', 'html'],
    ['Markdown starting with inline HTML', enc('<p align="center">logo</p>\n\n# Title'), 'README.md', 'markdown'],
    ['plain text in an .html file', enc('Just words, no markup at all.'), 'note.html', 'html'],
    ['plain text in an .HTM file', enc('Just words.'), 'NOTE.HTM', 'html'],
    ['a .markdown file', enc('# T'), 'notes.markdown', 'markdown'],
    ['text mentioning %PDF- later', enc('The header %PDF- starts a PDF.'), 'a.txt', 'text'],
    ['a .pdf that holds no PDF', enc('not a pdf'), 'broken.pdf', 'pdf'],
    ['an unknown extension', enc('words'), 'a.rtf', 'text'],
    ['a dot in a folder name only', enc('words'), 'dir.md/file', 'text'],
    ['a hidden file', enc('words'), '.md', 'text'],
  ] as const)('%s → %s', (_, bytes, name, format) => {
    expect(detectFormat(bytes, name)).toBe(format);
  });
});
