/**
 * Readability drops navigation, comments and "related" lists around an article, but keeps what
 * sits inside its body: ad slots, cookie and newsletter boxes. Sites name them in class and id
 * attributes, so those words decide; an element holding most of the page's text, or the
 * article itself, is never removed, however it is named.
 */
const MARKERS = new Set(
  'ad ads adv advert adverts advertisement advertising adslot adunit sponsored cookie cookies consent gdpr newsletter promo'.split(' '),
);
const CONTAINERS = 'html, body, main, article, [itemprop="articleBody"]';

export function removeBoilerplate(document: Document): void {
  const total = document.body?.textContent?.length ?? 0;
  for (const element of [...document.querySelectorAll('[class], [id]')]) {
    if (!element.isConnected || !isMarked(element)) continue;
    if (element.matches(CONTAINERS) || element.querySelector(CONTAINERS)) continue;
    if ((element.textContent?.length ?? 0) > total / 2) continue;
    element.remove();
  }
}

function isMarked(element: Element): boolean {
  const words = `${element.getAttribute('class') ?? ''} ${element.id}`
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/);
  return words.some((word) => MARKERS.has(word));
}
