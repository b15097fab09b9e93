import { JSON_FLAG, WORKSPACE_FLAG, type CliCommand } from '../command';
import { UsageError } from '../usageError';

const KINDS = ['article', 'annotation', 'note', 'entity', 'relation'] as const;
type Kind = (typeof KINDS)[number];

interface SearchFlags {
  kind?: string;
  limit?: string;
  json?: boolean;
}

/** `dossier search "QUERY"`: articles, highlights, notes, entities and relationships that match, best first. */
export const searchCommand: CliCommand<SearchFlags> = {
  name: 'search',
  help: [['search "QUERY" [--kind KIND] [--limit N] --json', 'search articles, highlights, notes, entities and relationships']],
  description:
    'Search articles, highlights, notes, entities and relationships. Every word must match; the last one may be the start of a word; ' +
    'words of 5 or more letters forgive a typo; "words in quotes" must stand in that order.',
  operands: '"QUERY"',
  flags: [
    { flags: '--kind <KIND>', description: `only results of this kind: ${KINDS.join(', ')} (several separated by commas)` },
    { flags: '--limit <N>', description: 'at most N results (default 20)' },
    WORKSPACE_FLAG,
    JSON_FLAG,
  ],
  run: async (operands, flags, { io, withWorkspace }) => {
    if (operands.length !== 1) throw new UsageError('search takes one QUERY (put several words in quotes)');
    const kinds = flags.kind?.split(',').map((k) => k.trim());
    for (const kind of kinds ?? []) {
      if (!KINDS.includes(kind as Kind)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')}, not ${kind}`);
    }
    const limit = flags.limit === undefined ? undefined : Number(flags.limit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 500)) throw new UsageError('--limit must be a whole number from 1 to 500');
    return withWorkspace(async ({ api, events }) => {
      const off = events.subscribe((name, payload) => {
        if (name === 'search.progress' && !flags.json) {
          const { done, total } = payload as { done: number; total: number };
          io.stderr(`dossier: building the search index: ${done} of ${total}\n`);
        }
      });
      try {
        const { results } = await api['search.query']({ query: operands[0]!, kinds: kinds as Kind[] | undefined, limit });
        if (flags.json) {
          io.stdout(`${JSON.stringify({ results })}\n`);
        } else if (results.length === 0) {
          io.stdout('Nothing found.\n');
        } else {
          for (const r of results) {
            io.stdout(`${r.kind.padEnd(10)} ${r.id}  ${r.title}\n           ${plain(r.snippet)}\n`);
          }
        }
        return 0;
      } finally {
        off();
      }
    });
  },
};

/** A snippet for a terminal: the marked words between asterisks, the escaped characters back. */
function plain(snippet: string): string {
  return snippet
    .replace(/<\/?mark>/g, '*')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
