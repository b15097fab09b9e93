/** `<title>-brief.<ext>`: a file name from any title, in any script, without path tricks. */
export function briefFileName(title: string, ext: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    // Letters of any script stay: a Russian or Chinese title gives a Russian or Chinese file name.
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  const short = Array.from(slug).slice(0, 60).join('').replace(/-$/, '');
  return `${short || 'article'}-brief.${ext}`;
}
