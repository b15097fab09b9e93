import { AlignmentType, BorderStyle, LevelFormat, type ILevelsOptions, type INumberingOptions, type IStylesOptions } from 'docx';

/**
 * Arial is on every Windows and Mac, and LibreOffice substitutes the metrically identical
 * Liberation Sans, so pages break in the same places wherever the brief is opened. It also has
 * Arabic and Hebrew glyphs, which Word takes from the complex-script font.
 */
export const BODY_FONT = 'Arial';
export const MONO_FONT = 'Courier New';

export const INK = '1F2933';
export const ACCENT = '1F3864';
export const MUTED = '5F6B7A';
export const RULE = 'C9D1DC';
export const FAINT_FILL = 'F1F4F8';

/** Half-points, as Word counts font sizes. */
const pt = (points: number): number => points * 2;

/** A4 with 2 cm margins: the width text and tables may use, in twentieths of a point. */
export const PAGE = { width: 11906, height: 16838, margin: 1134 } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** Paragraph and character style ids; the names Word shows are in `briefStyles`. */
export const STYLE = {
  quote: 'Quote',
  code: 'DossierCode',
  meta: 'DossierMeta',
  excerptLabel: 'DossierExcerptLabel',
  citation: 'DossierCitation',
  tableText: 'DossierTableText',
  commentText: 'CommentText',
  commentMeta: 'DossierCommentMeta',
  entityMention: 'DossierEntityMention',
  hyperlink: 'Hyperlink',
} as const;

const heading = (size: number, before: number, after: number, color = ACCENT) => ({
  run: { font: BODY_FONT, size: pt(size), bold: true, color },
  paragraph: { spacing: { before, after }, keepNext: true, keepLines: true },
});

export function briefStyles(): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: { ascii: BODY_FONT, hAnsi: BODY_FONT, cs: BODY_FONT, eastAsia: BODY_FONT }, size: 21, color: INK },
        paragraph: { spacing: { after: 120, line: 276, lineRule: 'auto' } },
      },
      title: {
        run: { font: BODY_FONT, size: pt(22), bold: true, color: ACCENT },
        // LibreOffice reads a line height without a rule as exact; a two-line title would overprint itself.
        paragraph: { spacing: { after: 160, line: 240, lineRule: 'auto' } },
      },
      heading1: {
        ...heading(16, 480, 160),
        paragraph: {
          spacing: { before: 480, after: 160 },
          keepNext: true,
          keepLines: true,
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: RULE, space: 4 } },
        },
      },
      heading2: heading(13, 320, 120),
      heading3: heading(11.5, 240, 80),
      heading4: heading(10.5, 200, 60, INK),
      heading5: { ...heading(10.5, 160, 60, INK), run: { font: BODY_FONT, size: 21, bold: true, italics: true, color: INK } },
      heading6: { ...heading(10.5, 160, 60, MUTED), run: { font: BODY_FONT, size: 21, italics: true, color: MUTED } },
      hyperlink: { run: { color: '1A5FB4', underline: {} } },
      listParagraph: { paragraph: { spacing: { after: 60 } } },
    },
    paragraphStyles: [
      {
        id: STYLE.quote,
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { italics: true, color: '333F4C' },
        paragraph: {
          indent: { left: 397, right: 397 },
          spacing: { before: 60, after: 60 },
          border: { left: { style: BorderStyle.SINGLE, size: 18, color: RULE, space: 8 } },
        },
      },
      {
        id: STYLE.code,
        name: 'Code',
        basedOn: 'Normal',
        quickFormat: true,
        run: { font: MONO_FONT, size: pt(9) },
        paragraph: { spacing: { before: 60, after: 120, line: 240, lineRule: 'auto' }, shading: { type: 'clear', fill: FAINT_FILL, color: 'auto' }, indent: { left: 113, right: 113 } },
      },
      {
        id: STYLE.meta,
        name: 'Brief Metadata',
        basedOn: 'Normal',
        run: { size: pt(9.5), color: MUTED },
        // Values wrap under themselves, not under their label (a long URL, a long outlet name).
        paragraph: { spacing: { after: 20, line: 260, lineRule: 'auto' }, indent: { left: 1701, hanging: 1701 } },
      },
      {
        id: STYLE.excerptLabel,
        name: 'Excerpt Label',
        basedOn: 'Normal',
        next: STYLE.quote,
        run: { size: pt(9), color: MUTED },
        paragraph: { spacing: { before: 240, after: 40 }, keepNext: true },
      },
      {
        id: STYLE.citation,
        name: 'Excerpt Citation',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: pt(9), color: MUTED },
        paragraph: { spacing: { before: 40, after: 120 }, indent: { left: 397 } },
      },
      {
        id: STYLE.tableText,
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: pt(9.5) },
        paragraph: { spacing: { before: 20, after: 20, line: 240, lineRule: 'auto' } },
      },
      {
        // Word's own style for comment bodies (shown as "Comment Text"), so its comment pane formats them as usual.
        id: STYLE.commentText,
        name: 'annotation text',
        basedOn: 'Normal',
        run: { size: pt(10) },
        paragraph: { spacing: { after: 60, line: 240, lineRule: 'auto' } },
      },
      {
        id: STYLE.commentMeta,
        name: 'Comment Details',
        basedOn: STYLE.commentText,
        run: { size: pt(8.5), color: MUTED },
        paragraph: { spacing: { after: 0 } },
      },
    ],
    characterStyles: [
      {
        id: STYLE.entityMention,
        name: 'Entity Mention',
        basedOn: 'DefaultParagraphFont',
        run: { bold: true, color: ACCENT },
      },
    ],
  };
}

/** Where the values of label–value lines (provenance, the title block) start; styles cannot carry tab stops in docx. */
export const META_TABS = [{ type: 'left', position: 1701 }] as const;

export const NUMBERING = { bullet: 'dossier-bullet', number: 'dossier-number', checked: 'dossier-checked', unchecked: 'dossier-unchecked' } as const;

const INDENT_STEP = 360;
const HANGING = 284;

type Format = (typeof LevelFormat)[keyof typeof LevelFormat];

function levels(text: (level: number) => string, format: (level: number) => Format, font?: string): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: format(level),
    text: text(level),
    alignment: AlignmentType.LEFT,
    style: {
      paragraph: { indent: { left: INDENT_STEP * (level + 1) + HANGING, hanging: HANGING } },
      ...(font ? { run: { font } } : {}),
    },
  }));
}

const BULLETS = ['•', '◦', '▪'];
const NUMBER_FORMATS: Format[] = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
const bullet = (): Format => LevelFormat.BULLET;

/**
 * Bullets, numbers (every list a new instance, so each starts at 1) and the two states of a
 * checklist item as glyph bullets, so a check list lines up with the other lists.
 */
export function briefNumbering(listStarts: Iterable<number> = []): INumberingOptions {
  const numbers = levels((l) => `%${l + 1}.`, (l) => NUMBER_FORMATS[l % NUMBER_FORMATS.length]!);
  return {
    config: [
      { reference: NUMBERING.bullet, levels: levels((l) => BULLETS[l % BULLETS.length]!, bullet, BODY_FONT) },
      { reference: NUMBERING.number, levels: numbers },
      ...[...listStarts].map((start) => ({ reference: numberedFrom(start), levels: numbers.map((l) => (l.level === 0 ? { ...l, start } : l)) })),
      { reference: NUMBERING.unchecked, levels: levels(() => '☐', bullet, 'Segoe UI Symbol') },
      { reference: NUMBERING.checked, levels: levels(() => '☑', bullet, 'Segoe UI Symbol') },
    ],
  };
}

/** The numbering of a list that goes on from an earlier one (Lexical's `start`), e.g. after a paragraph. */
export function numberedFrom(start: number): string {
  return start === 1 ? NUMBERING.number : `${NUMBERING.number}-from-${start}`;
}
