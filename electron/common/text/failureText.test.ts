import { describe, expect, it } from 'vitest';
import { failureParts, failureText } from './failureText';

describe('failureText', () => {
  it('says a message that names the file as it is, the name said once', () => {
    expect(failureText({ file: 'empty.txt', message: 'empty.txt is empty.' })).toBe('empty.txt is empty.');
    expect(failureParts({ file: 'empty.txt', message: 'empty.txt is empty.' })).toEqual({ before: '', file: 'empty.txt', after: ' is empty.' });
  });

  it('finds the name inside the message', () => {
    expect(failureParts({ file: 'notes', message: 'notes: no files to import in this folder.' })).toEqual({ before: '', file: 'notes', after: ': no files to import in this folder.' });
    expect(failureParts({ file: 'a.pdf', message: 'Dossier could not read a.pdf.' })).toEqual({ before: 'Dossier could not read ', file: 'a.pdf', after: '.' });
  });

  it('matches the file’s base name when the message names it without its folder', () => {
    expect(failureText({ file: '/home/ana/in/scan.pdf', message: 'scan.pdf is a PDF of scanned images without text.' })).toBe('scan.pdf is a PDF of scanned images without text.');
    expect(failureText({ file: 'C:\\in\\scan.pdf', message: 'scan.pdf is empty.' })).toBe('scan.pdf is empty.');
  });

  it('puts the name in front of a message that does not say it', () => {
    expect(failureText({ file: 'report.html', message: 'The connection was lost.' })).toBe('report.html: The connection was lost.');
  });
});
