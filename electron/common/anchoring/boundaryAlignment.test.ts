import { describe, expect, it } from 'vitest';
import { alignSeam } from './boundaryAlignment';

describe('alignSeam', () => {
  it('finds where the context ends and the quote begins, despite edits on either side', () => {
    const text = 'the ministry said on Monday that the talks would resume';
    expect(alignSeam(text, 0, text.length, 'ministry sayd on Monday ', 'that the talks', 'before')).toBe(text.indexOf('that'));
    expect(alignSeam(text, 0, text.length, 'the talks would', ' resume', 'after')).toBe(text.indexOf(' resume'));
  });

  it('gives text inserted at the seam to the context side', () => {
    const text = 'said on Monday[Reuters] that the talks';
    expect(alignSeam(text, 0, text.length, 'said on Monday', ' that the talks', 'before')).toBe(text.indexOf(' that'));
    expect(alignSeam(text, 0, text.length, 'said on Monday', ' that the talks', 'after')).toBe(text.indexOf('['));
  });

  it('looks only inside the window it is given', () => {
    const text = 'that the talks ... said on Monday that the talks';
    expect(alignSeam(text, 18, text.length, 'said on Monday ', 'that the talks', 'before')).toBe(text.lastIndexOf('that'));
  });
});
