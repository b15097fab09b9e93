import { describe, expect, it } from 'vitest';
import { DossierError } from '../../common/errors';
import { decodeArticleBytes, MAX_IMPORT_BYTES } from './decodeText';

const enc = (s: string) => new TextEncoder().encode(s);

function failure(bytes: Uint8Array, file = 'in/article.txt'): DossierError {
  try {
    decodeArticleBytes(bytes, file);
  } catch (error) {
    expect(error).toBeInstanceOf(DossierError);
    return error as DossierError;
  }
  throw new Error('expected decodeArticleBytes to fail');
}

describe('decodeArticleBytes', () => {
  it('decodes UTF-8 text in any script, dropping a UTF-8 BOM', () => {
    expect(decodeArticleBytes(enc('Министр 中文 café\n'), 'a.txt')).toEqual({ text: 'Министр 中文 café\n', encoding: 'utf-8' });
    expect(decodeArticleBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), 'a.txt')).toEqual({ text: 'a', encoding: 'utf-8' });
  });

  it('accepts tabs, CR and LF and form feeds as text', () => {
    expect(decodeArticleBytes(enc('a\tb\r\nc\fd\n'), 'a.txt').text).toBe('a\tb\r\nc\fd\n');
  });

  it('reads UTF-16 with a BOM, in either byte order, though its Latin letters are half zero bytes', () => {
    expect(decodeArticleBytes(Uint8Array.from([0xff, 0xfe, 0x61, 0x00, 0x1f, 0x04]), 'a.txt')).toEqual({ text: 'aП', encoding: 'utf-16le' });
    expect(decodeArticleBytes(Uint8Array.from([0xfe, 0xff, 0x00, 0x61, 0x04, 0x1f]), 'a.txt')).toEqual({ text: 'aП', encoding: 'utf-16be' });
  });

  it('reads text that is not UTF-8 in the encoding it is in: a lone é is Windows-1252', () => {
    expect(decodeArticleBytes(Uint8Array.from([...enc('caf'), 0xe9, ...enc(' au lait')]), 'a.txt')).toEqual({ text: 'café au lait', encoding: 'windows-1252' });
  });

  it('reads the bytes in the encoding the analyst chose, over what detection would say', () => {
    expect(decodeArticleBytes(Uint8Array.from([...enc('caf'), 0xe9]), 'a.txt', 'cp1251')).toEqual({ text: 'cafй', encoding: 'windows-1251' });
  });

  it.each([
    ['empty', new Uint8Array(0), /is empty/],
    ['whitespace only', enc(' \n\t\r\n  '), /only whitespace/],
    ['PNG bytes', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /binary/],
    ['UTF-16 text without a BOM (NUL bytes)', Uint8Array.from([0x61, 0x00, 0x62, 0x00]), /binary/],
    ['many control characters', Uint8Array.from(Array.from({ length: 100 }, (_, i) => (i % 5 === 0 ? 1 : 0x61))), /binary/],
  ])('refuses %s, naming the file', (_label, bytes, reason) => {
    const error = failure(bytes);
    expect(error.code).toBe('import-failed');
    expect(error.file).toBe('in/article.txt');
    expect(error.message).toContain('in/article.txt');
    expect(error.message).toMatch(reason);
  });

  it('refuses a file one byte over the limit, and takes one at the limit', () => {
    const over = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
    const error = failure(over);
    expect(error.message).toMatch(/too large/);
    expect(error.message).toContain(`${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
    expect(decodeArticleBytes(over.subarray(0, MAX_IMPORT_BYTES), 'a.txt').text).toHaveLength(MAX_IMPORT_BYTES);
  });
});
