import type { DatePart, DatePrecision } from '../../common/model/timeline';

/** A date named in a text: where its words are, the date they resolve to, and what they stated. */
export interface DatePhrase {
  /** UTF-16 offsets of the date's own words ("Monday", "November 2024", "2014"), without "on"/"in". */
  start: number;
  end: number;
  text: string;
  date: string;
  precision: DatePrecision;
  /** The parts the words stated; the rest came from the publication date. */
  certain: DatePart[];
}
