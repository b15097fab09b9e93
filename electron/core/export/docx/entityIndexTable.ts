import {
  AlignmentType,
  BorderStyle,
  InternalHyperlink,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { ENTITY_TYPE_LABELS } from '../../../common/model/entity';
import type { BriefEntityRow } from '../briefContent';
import type { DocxParts } from './docxParts';
import { ACCENT, MUTED, RULE, STYLE, TEXT_WIDTH } from './docxStyles';
import { isRtl, textRuns } from './docxText';

const COLUMNS = [
  { title: 'Entity', width: 2600 },
  { title: 'Type', width: 1400 },
  { title: 'Mentions', width: 1100, align: AlignmentType.RIGHT },
  { title: 'Mentioned in', width: TEXT_WIDTH - 5100 },
] as const;

const LINE = { style: BorderStyle.SINGLE, size: 4, color: RULE } as const;
const HEADER_FILL = 'E4E9F0';

/**
 * The entity index as a real Word table (one row per entity, the header row repeated on every
 * page); where an entity is mentioned links to that article's or note's section when it is in the brief.
 */
export function entityIndexTable(rows: BriefEntityRow[], parts: DocxParts): Table {
  return briefTable(
    COLUMNS,
    rows.map((row) => [
      [new Paragraph({ style: STYLE.tableText, bidirectional: isRtl(row.name) || undefined, children: textRuns(row.name, { bold: true }) })],
      [new Paragraph({ style: STYLE.tableText, children: textRuns(ENTITY_TYPE_LABELS[row.type] ?? row.type) })],
      [new Paragraph({ style: STYLE.tableText, alignment: AlignmentType.RIGHT, children: textRuns(String(row.mentionCount)) })],
      whereMentioned(row, parts),
    ]),
  );
}

export interface TableColumn {
  title: string;
  width: number;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
}

/** A table of the brief's look: ruled, a shaded header row repeated on every page, rows never split. */
export function briefTable(columns: readonly TableColumn[], rows: Paragraph[][][]): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((column) =>
      cell(column.width, [new Paragraph({ style: STYLE.tableText, alignment: column.align, children: [new TextRun({ text: column.title, bold: true, color: ACCENT })] })], HEADER_FILL),
    ),
  });
  const body = rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((children, i) => cell(columns[i]!.width, children)) }));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: [header, ...body],
  });
}

function whereMentioned(row: BriefEntityRow, parts: DocxParts): Paragraph[] {
  if (row.mentionedIn.length === 0) return [new Paragraph({ style: STYLE.tableText, children: textRuns('—', { color: MUTED }) })];
  return row.mentionedIn.map((place) => {
    const anchor = parts.existingBookmark(place.kind, place.id);
    const title = textRuns(place.title || (place.kind === 'note' ? 'Untitled note' : 'Untitled article'), anchor ? { style: STYLE.hyperlink } : {});
    const children: ParagraphChild[] = [anchor ? new InternalHyperlink({ anchor, children: title }) : title].flat();
    if (place.kind === 'note') children.push(new TextRun({ text: ' (note)', color: MUTED }));
    return new Paragraph({ style: STYLE.tableText, bidirectional: isRtl(place.title) || undefined, children });
  });
}

function cell(width: number, children: Paragraph[], fill?: string): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 100, right: 100 },
    verticalAlign: VerticalAlignTable.TOP,
    ...(fill ? { shading: { type: 'clear', fill, color: 'auto' } } : {}),
    children,
  });
}
