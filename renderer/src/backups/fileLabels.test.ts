import { describe, expect, it } from 'vitest';
import { describeWorkspaceFile } from './fileLabels';

const titles = new Map([
  ['art_1', 'India and Japan agree'],
  ['note_1', 'Thoughts'],
]);

describe('describeWorkspaceFile', () => {
  it('names files by what they hold and whose they are', () => {
    expect(describeWorkspaceFile('articles/art_1/annotations.json', titles)).toBe('Highlights of “India and Japan agree”');
    expect(describeWorkspaceFile('articles/art_1/v2/original.html', titles)).toBe('Original file of “India and Japan agree” (version 2)');
    expect(describeWorkspaceFile('articles/art_1/v1/text.json', titles)).toBe('Text of “India and Japan agree” (version 1)');
    expect(describeWorkspaceFile('notes/note_1.json', titles)).toBe('Note “Thoughts”');
    expect(describeWorkspaceFile('entities.json', titles)).toBe('Entities');
  });

  it('falls back to the id, then to the path', () => {
    expect(describeWorkspaceFile('articles/art_9/history.jsonl', titles)).toBe('History of “art_9”');
    expect(describeWorkspaceFile('odd/file.bin', titles)).toBe('odd/file.bin');
  });
});
