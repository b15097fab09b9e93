import { JSON_FLAG, WORKSPACE_FLAG, type CliCommand } from '../command';
import { findEntity } from '../findEntity';
import { relationLines, relationRow } from '../relationRows';
import { resolveId } from '../resolveId';
import { UsageError } from '../usageError';

interface RelateFlags {
  from?: string;
  to?: string;
  type?: string;
  article?: string;
  quote?: string;
  occurrence?: string;
  json?: boolean;
}

/** `dossier relate --from NAME --to NAME --type TYPE --article ID --quote TEXT`: a relationship with its evidence. */
export const relateCommand: CliCommand<RelateFlags> = {
  name: 'relate',
  help: [['relate --from NAME --to NAME --type TYPE --article ID --quote TEXT', 'relate two entities, the quoted passage as evidence [--occurrence N]']],
  description:
    'Relate two entities (from → to) with a type of the vocabulary (its key or label, e.g. partner-in), the passage of ' +
    'an article found by its exact words as evidence; the passage is highlighted unless it already is.',
  flags: [
    { flags: '--from <NAME>', description: 'the entity the relationship goes from (a name, alias or id)' },
    { flags: '--to <NAME>', description: 'the entity it goes to' },
    { flags: '--type <TYPE>', description: 'the type of relationship: its key (partner-in) or label ("partner in")' },
    { flags: '--article <ID>', description: 'the article holding the evidence (an unambiguous prefix of its id will do)' },
    { flags: '--quote <TEXT>', description: 'the words of the evidence passage' },
    { flags: '--occurrence <N>', description: 'which of several places the words occur, counting from 1' },
    WORKSPACE_FLAG,
    JSON_FLAG,
  ],
  run: (_operands, flags, { io, withWorkspace }) =>
    withWorkspace(async ({ api }) => {
      for (const flag of ['from', 'to', 'type'] as const) if (!flags[flag]?.trim()) throw new UsageError(`relate needs --${flag}`);
      if (!flags.quote) throw new UsageError('relate needs --quote "exact text" (the evidence)');
      const articleId = await resolveId(api, 'article', flags.article);
      const [from, to] = [await findEntity(api, flags.from!), await findEntity(api, flags.to!)];
      const occurrence = flags.occurrence === undefined ? undefined : parsePositive(flags.occurrence, '--occurrence');
      const { relation } = await api['relations.create']({ from: from.id, to: to.id, type: flags.type!, evidence: [{ articleId, quote: flags.quote, occurrence }] });
      if (flags.json) io.stdout(`${JSON.stringify({ relation: relationRow(relation) })}\n`);
      else io.stdout(`related ${relationLines(relation).join('\n')}\n`);
      return 0;
    }),
};

function parsePositive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a whole number from 1`);
  return n;
}
