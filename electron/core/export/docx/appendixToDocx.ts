import { HeadingLevel, Paragraph, TextRun, type Table } from 'docx';
import type { BriefEntityRef, BriefEvent, BriefPassage, BriefRelation } from '../briefContent';
import type { DateFormatChoice } from '../../../common/model/settings';
import { entityName, eventDate, FLAGGED_RELATION, relationPeriod } from '../briefText';
import { STYLE, TEXT_WIDTH } from './docxStyles';
import { isRtl, textRuns } from './docxText';
import { briefTable, type TableColumn } from './entityIndexTable';
import { citationParagraph, gradingRuns } from './sourceToDocx';
import { isRtlPassage, sourceRuns } from './sourceRuns';

/** Dark red, with the flag glyph and words: the mark never rests on colour alone. */
const FLAG_COLOUR = '9B1C1C';

const TIMELINE_COLUMNS: readonly TableColumn[] = [
  { title: 'Date', width: 1300 },
  { title: 'Event', width: 2500 },
  { title: 'Entities', width: 1900 },
  { title: 'Passage', width: TEXT_WIDTH - 5700 },
];

/** Each relationship under a heading of its own (so it shows in Word's navigation pane), then its evidence quoted and cited. */
export function relationsToDocx(relations: BriefRelation[]): Paragraph[] {
  const out = [heading1(`Appendix: Relationships (${relations.length})`)];
  for (const r of relations) {
    out.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        children: [...entityRuns(r.from), ...textRuns(` —${r.label.replace(/\s+/g, ' ').trim()}→ `), ...entityRuns(r.to)],
      }),
    );
    const facts = r.grading ? gradingRuns(r.grading) : textRuns('Ungraded', { italics: true });
    const period = relationPeriod(r);
    if (period) facts.push(new TextRun({ text: '   ' }), ...textRuns(period));
    out.push(new Paragraph({ style: STYLE.excerptLabel, keepNext: true, children: facts }));
    if (r.flagged) out.push(new Paragraph({ keepNext: true, children: textRuns(`⚑ ${FLAGGED_RELATION}`, { bold: true, color: FLAG_COLOUR }) }));
    for (const passage of r.evidence) out.push(quote(passage), citationParagraph(passage));
  }
  return out;
}

/** The events as a table, earliest first, each passage quoted with its citation in the last column. */
export function timelineToDocx(events: BriefEvent[], dateFormat?: DateFormatChoice): (Paragraph | Table)[] {
  const text = (value: string, format = {}) => new Paragraph({ style: STYLE.tableText, bidirectional: isRtl(value) || undefined, children: textRuns(value, format) });
  const rows = events.map((e) => [
    [text(eventDate(e.date, dateFormat), { bold: true })],
    [text(e.label)],
    e.entities.length ? e.entities.map((ref) => new Paragraph({ style: STYLE.tableText, children: entityRuns(ref) })) : [text('—')],
    [
      new Paragraph({ style: STYLE.tableText, bidirectional: isRtlPassage(e.passage.quote, e.passage.language) || undefined, children: sourceRuns(`“${e.passage.quote}”`, e.passage.language, { italics: true }) }),
      new Paragraph({ style: STYLE.tableText, children: citationRuns(e.passage) })],
  ]);
  return [heading1(`Appendix: Timeline (${events.length})`), briefTable(TIMELINE_COLUMNS, rows)];
}

function heading1(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, children: textRuns(text) });
}

/** An entity as a note's mention reads in Word; one deleted since is named as such. */
function entityRuns(ref: BriefEntityRef): TextRun[] {
  return ref.name === null ? textRuns(entityName(ref), { italics: true }) : textRuns(ref.name, { style: STYLE.entityMention });
}

function quote(passage: BriefPassage): Paragraph {
  return new Paragraph({
    style: STYLE.quote,
    keepNext: true,
    bidirectional: isRtlPassage(passage.quote, passage.language) || undefined,
    children: sourceRuns(passage.quote, passage.language),
  });
}

function citationRuns({ title, where, language }: BriefPassage): TextRun[] {
  return [new TextRun({ text: '— ', size: 17 }), ...sourceRuns(title, language, { italics: true, size: 17 }), ...textRuns(`, ${where}`, { size: 17 })];
}
