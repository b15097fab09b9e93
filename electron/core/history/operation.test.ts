import { describe, expect, it } from 'vitest';
import { DEFAULT_PALETTE } from '../../common/model/palette';
import { inverse, invert, type Change, type Operation } from './operation';
import { step } from '../../common/model/phrase';

describe('invert', () => {
  it('swaps before and after and keeps everything else', () => {
    const op: Operation = { kind: 'version', articleId: 'art_x', before: 1, after: 2 };
    expect(invert(op)).toEqual({ kind: 'version', articleId: 'art_x', before: 2, after: 1 });
    const palette: Operation = { kind: 'palette', before: DEFAULT_PALETTE, after: DEFAULT_PALETTE.slice(0, 1) };
    expect(invert(palette)).toEqual({ kind: 'palette', before: DEFAULT_PALETTE.slice(0, 1), after: DEFAULT_PALETTE });
    expect(invert(invert(op))).toEqual(op);
  });
});

describe('inverse', () => {
  it('inverts every operation, in reverse order, under the same label, leaving the change as it was', () => {
    const change: Change = {
      label: step('replaceWithNewVersion'),
      articleId: 'art_x',
      ops: [
        { kind: 'version', articleId: 'art_x', before: 1, after: 2 },
        { kind: 'annotation', articleId: 'art_x', id: 'ann_a', before: null, after: null },
      ],
    };
    const copy = structuredClone(change);
    expect(inverse(change)).toEqual({
      label: step('replaceWithNewVersion'),
      articleId: 'art_x',
      ops: [
        { kind: 'annotation', articleId: 'art_x', id: 'ann_a', before: null, after: null },
        { kind: 'version', articleId: 'art_x', before: 2, after: 1 },
      ],
    });
    expect(change).toEqual(copy);
  });
});
