import { JSON_FLAG, WORKSPACE_FLAG, type CliCommand } from '../command';
import { resolveId } from '../resolveId';
import { UsageError } from '../usageError';

interface AnnotateFlags {
  article?: string;
  quote?: string;
  comment?: string;
  occurrence?: string;
  json?: boolean;
}

/** `dossier annotate --article ID --quote TEXT`: highlights a passage, found by its words. */
export const annotateCommand: CliCommand<AnnotateFlags> = {
  name: 'annotate',
  help: [['annotate --article ID --quote TEXT', 'highlight a passage [--comment TEXT] [--occurrence N]']],
  description: 'Highlight a passage of an article, found by its exact words (typographic quotes and dashes need not match).',
  flags: [
    { flags: '--article <ID>', description: 'the article (an unambiguous prefix of its id will do)' },
    { flags: '--quote <TEXT>', description: 'the words to highlight' },
    { flags: '--comment <TEXT>', description: 'a comment on the highlight' },
    { flags: '--occurrence <N>', description: 'which of several places the words occur, counting from 1' },
    WORKSPACE_FLAG,
    JSON_FLAG,
  ],
  run: (_operands, flags, { io, withWorkspace }) =>
    withWorkspace(async ({ api }) => {
      const articleId = await resolveId(api, 'article', flags.article);
      if (!flags.quote) throw new UsageError('annotate needs --quote "exact text"');
      const occurrence = flags.occurrence === undefined ? undefined : parsePositive(flags.occurrence, '--occurrence');
      const { annotation } = await api['annotations.createFromQuote']({
        articleId,
        quote: flags.quote,
        comment: flags.comment ?? '',
        occurrence,
      });
      const { start, end } = annotation.target.position;
      const exact = annotation.target.quote.exact;
      if (flags.json) io.stdout(`${JSON.stringify({ annotation: { id: annotation.id, start, end, exact } })}\n`);
      else io.stdout(`annotated ${annotation.id}  ${start}–${end}  "${exact}"\n`);
      return 0;
    }),
};

function parsePositive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a whole number from 1`);
  return n;
}
