/**
 * A file-name stem from any title, in any script, without path tricks: letters of any script stay
 * (a Russian or Chinese title gives a Russian or Chinese file name), the rest becomes dashes.
 */
export function fileSlug(title: string, fallback: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return Array.from(slug).slice(0, 60).join('').replace(/-$/, '') || fallback;
}

/** `<title>-brief.<ext>`. */
export function briefFileName(title: string, ext: string): string {
  return `${fileSlug(title, 'article')}-brief.${ext}`;
}
