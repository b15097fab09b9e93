/**
 * A text being edited that remembers where every original character went, so a test knows the
 * true new span of a quote after any edit script. All offsets given to the edits are offsets into
 * the original text, whatever edits came before.
 */
interface Piece {
  text: string;
  /** Offset in the original text of `text[0]`, or null for inserted text. */
  origin: number | null;
}

export interface EditedText {
  text: string;
  /** origin[i] = original offset of the new text's character i, or -1 if it was inserted. */
  origin: Int32Array;
}

export class TrackedText {
  private pieces: Piece[];

  constructor(private readonly original: string) {
    this.pieces = [{ text: original, origin: 0 }];
  }

  /** Inserts before the original character at `at` (after it if `at` is the original's length). */
  insert(at: number, text: string): void {
    this.pieces.splice(this.boundary(at), 0, { text, origin: null });
  }

  /** Deletes the original characters start..end wherever they now are; inserted text stays. */
  delete(start: number, end: number): void {
    this.boundary(start);
    this.boundary(end);
    this.pieces = this.pieces.filter((p) => p.origin === null || p.origin + p.text.length <= start || p.origin >= end);
  }

  replace(start: number, end: number, text: string): void {
    this.delete(start, end);
    this.pieces.splice(this.boundary(end), 0, { text, origin: null });
  }

  /** Moves the original characters start..end (and anything inserted among them) before `to`. */
  move(start: number, end: number, to: number): void {
    const from = this.boundary(start);
    const moved = this.pieces.splice(from, this.boundary(end) - from);
    this.pieces.splice(this.boundary(to), 0, ...moved);
  }

  render(): EditedText {
    const text = this.pieces.map((p) => p.text).join('');
    const origin = new Int32Array(text.length).fill(-1);
    let at = 0;
    for (const piece of this.pieces) {
      if (piece.origin !== null) for (let i = 0; i < piece.text.length; i++) origin[at + i] = piece.origin + i;
      at += piece.text.length;
    }
    return { text, origin };
  }

  /**
   * Index of the piece that starts with original offset `at`, splitting a piece if needed. An offset
   * whose character was deleted resolves to the next surviving original character, so edits next
   * to a deletion still land in a well-defined place.
   */
  private boundary(at: number): number {
    for (let probe = at; probe < this.original.length; probe++) {
      const i = this.pieces.findIndex((p) => p.origin !== null && p.origin <= probe && probe < p.origin + p.text.length);
      if (i === -1) continue;
      const piece = this.pieces[i]!;
      if (piece.origin === probe) return i;
      const cut = probe - piece.origin!;
      this.pieces.splice(i, 1, { text: piece.text.slice(0, cut), origin: piece.origin }, { text: piece.text.slice(cut), origin: probe });
      return i + 1;
    }
    return this.pieces.length;
  }
}
