import type { Span } from './sentences';

/** Long enough to say what happened, short enough for one line of a timeline. */
export const LABEL_LENGTH = 80;

/** What is left of "on", "in", "since" … once the date after it is taken out. */
const BEFORE_DATE = /(?:\b(?:on|in|at|since|by|until|till|from|during|throughout|through|around|circa|to)\s+)?(?:(?:early|late|mid)[-\s]+)?$/i;
/** An opening phrase before the main clause: "After the meeting, …", "If finalised, …". */
const OPENING_PHRASE = /^(?:In|After|Following|Before|While|As|Although|Though|When|Since|During|Despite|Amid|Amidst|With|Under|If|Once|Ahead of|Against|Earlier|Later)\b[^,;]{0,120},\s+/;
/** A clause of its own after a comma ("…, following their first interaction in November 2024 …"). */
const TRAILING_CLAUSE = /,\s+(?=(?:following|after|before|ahead of|since|when|while|as|during|amid|which|where)\b)/gi;

/**
 * A short label for the event a sentence tells: the sentence without the date (the timeline shows
 * it), without an opening phrase before its main clause, and, when still long, the clause that
 * holds the date if the date sits in a clause of its own; cut at a word near 80 characters.
 * Deliberately simple: the analyst edits it.
 */
export function suggestLabel(text: string, sentence: Span, phrase: Span): string {
  let start = sentence.start;
  // A date in a trailing clause dates that clause's event, not the sentence's main one.
  if (sentence.end - sentence.start > LABEL_LENGTH) {
    for (const m of text.slice(sentence.start, phrase.start).matchAll(TRAILING_CLAUSE)) start = sentence.start + m.index + m[0].length;
  }
  const before = text.slice(start, phrase.start).replace(BEFORE_DATE, '');
  const after = text.slice(phrase.end, sentence.end);
  // Chinese and Japanese write a date between words without spaces (大臣は令和7年6月3日、インド): none is added.
  const spaced = /\s$/u.test(text.slice(start, phrase.start)) || /^\s/u.test(after);
  let label =
    before.trim() === ''
      ? after.replace(/^[\s,;:–—、，：-]+/u, '')
      : `${before.trimEnd()}${!spaced || /^\s*[,.;:!?)、。，；：！？）]/u.test(after) ? '' : ' '}${after.trimStart()}`;
  label = label.replace(/\s+/g, ' ').replace(/\s+([,.;:!?、。，；：！？])/gu, '$1').trim();
  const opening = OPENING_PHRASE.exec(label);
  if (opening && label.length - opening[0].length >= 20) label = label.slice(opening[0].length);
  label = label.replace(/[\s.;:,!?、。，；：！？]+$/u, '');
  if (label.length > LABEL_LENGTH) {
    const cut = label.lastIndexOf(' ', LABEL_LENGTH);
    label = `${label.slice(0, cut > LABEL_LENGTH / 2 ? cut : LABEL_LENGTH).replace(/[\s,;:–—-]+$/, '')}…`;
  }
  if (!label) return text.slice(sentence.start, sentence.end).slice(0, LABEL_LENGTH).trim();
  return label[0]!.toLocaleUpperCase() + label.slice(1);
}
