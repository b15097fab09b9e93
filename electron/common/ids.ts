/**
 * Stable document ids: 48 bits of time then 80 random bits, in Crockford base32 (26 chars).
 * Sortable by creation, unique without coordination, so workspaces can later replicate.
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export function newId(prefix: string, now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let random = '';
  for (let i = 0; i < 16; i++) random += ALPHABET[bytes[i]! % 32];
  return `${prefix}_${time}${random}`;
}

/** Exactly what newId makes. */
export const ID_PATTERN = /^[a-z]+_[0-9a-hjkmnp-tv-z]{26}$/;

/**
 * What any id may look like where one is read back: looser than ID_PATTERN, since tests and
 * hand-written fixtures use ids like `art_x`. Ids become file and folder names, so this is also
 * what keeps an id from naming a path outside its folder.
 */
export const ID_SHAPE = /^[a-z]+_[0-9a-z]+$/;
