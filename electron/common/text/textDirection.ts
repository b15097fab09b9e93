/** Letters of scripts written right to left (Arabic, Hebrew, Syriac, Thaana, N'Ko, Adlam …). */
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;
const STRONG = /\p{L}/u;

/**
 * The direction a text reads in, from its first letter, as `dir="auto"` decides (Unicode's rule
 * P2–P3, letters only): for an element whose own content does not start with the text, such as a
 * button with a hidden label before the quote it shows.
 */
export function textDirection(text: string): 'rtl' | 'ltr' {
  for (const c of text) {
    if (STRONG.test(c)) return RTL.test(c) ? 'rtl' : 'ltr';
  }
  return 'ltr';
}
