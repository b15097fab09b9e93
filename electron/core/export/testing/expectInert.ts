import { expect } from 'vitest';

/** Everything that could run code or fetch something when the file is opened or printed. */
export function expectInert(doc: Document): void {
  expect(doc.querySelectorAll('script, iframe, object, embed, frame, frameset, img, video, audio, source, picture, link, base, form, svg, math')).toHaveLength(0);
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      expect(attr.name, `${el.tagName} ${attr.name}`).not.toMatch(/^on/i);
      expect(attr.name, `${el.tagName} ${attr.name}`).not.toMatch(/^(src|srcset|action|formaction|background|poster|xlink:href)$/i);
      if (attr.name === 'href') expect(attr.value, el.outerHTML).toMatch(/^(https?:|mailto:|#)/i);
      if (attr.name === 'style') expect(attr.value, el.outerHTML).not.toMatch(/url\s*\(|expression|@import/i);
    }
  }
  // Outside its string literals (the handling line is one), the stylesheet fetches nothing.
  for (const style of doc.querySelectorAll('style')) expect(style.textContent!.replace(/"(?:[^"\\]|\\.)*"/g, '""')).not.toMatch(/url\s*\(|@import/i);
  const meta = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
  expect(meta?.getAttribute('content')).toContain("default-src 'none'");
}
