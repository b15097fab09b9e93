import type { DossierApi } from '../../common/contract';
import type { TimelineEntry, TimelineSuggestion } from '../../common/model/timeline';
import { JSON_FLAG, WORKSPACE_FLAG, type CliCommand } from '../command';
import { resolveId } from '../resolveId';

interface TimelineFlags {
  article?: string;
  json?: boolean;
}

/** One line of the timeline, in the shape `--json` prints (keys in this order). */
interface TimelineRow {
  date: string;
  precision: string;
  label: string;
  entities: string[];
  evidence: { articleId: string; start: number; end: number; exact: string };
}

/**
 * `dossier timeline`: the confirmed events, earliest first. An article with no confirmed event
 * contributes the dates detected in it instead, so the command says something useful about an
 * article just imported; once one of its events is confirmed, only confirmed ones are listed.
 * Events whose passage is no longer found in the article's current text are left out: their
 * offsets would point into another version.
 */
export const timelineCommand: CliCommand<TimelineFlags> = {
  name: 'timeline',
  help: [['timeline [--article ID] --json', 'the events of the workspace or one article, earliest first']],
  description:
    "The timeline: confirmed events (date, precision, label, entities, evidence passage), earliest first; for an article with none confirmed, the dates detected in it.",
  flags: [{ flags: '--article <ID>', description: 'only this article (an unambiguous prefix of its id will do)' }, WORKSPACE_FLAG, JSON_FLAG],
  run: (_operands, flags, { io, withWorkspace }) =>
    withWorkspace(async ({ api }) => {
      const articleIds = flags.article ? [await resolveId(api, 'article', flags.article)] : (await api['articles.list']({})).articles.map((a) => a.id);
      const rows = await timelineRows(api, articleIds);
      if (flags.json) {
        io.stdout(`${JSON.stringify({ events: rows })}\n`);
      } else if (rows.length === 0) {
        io.stdout('No dates found or confirmed yet.\n');
      } else {
        for (const r of rows) {
          const who = r.entities.length ? `  [${r.entities.join(', ')}]` : '';
          io.stdout(`${r.date.padEnd(10)}  ${r.label}${who}  (${r.evidence.articleId} ${r.evidence.start}–${r.evidence.end})\n`);
        }
      }
      return 0;
    }),
};

async function timelineRows(api: DossierApi, articleIds: string[]): Promise<TimelineRow[]> {
  const only = articleIds.length === 1 ? articleIds[0] : undefined;
  const { events } = await api['timeline.list']({ articleId: only });
  const confirmed = new Set(events.map((e) => e.articleId));
  const rows = events.filter((e) => e.status !== 'orphaned').map(rowOf);
  for (const articleId of articleIds) {
    if (confirmed.has(articleId)) continue;
    const { suggestions } = await api['timeline.suggestions']({ articleId });
    rows.push(...suggestions.map(rowOf));
  }
  // Stable: the same date keeps the articles' order and, within one, the text's.
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}

/** A confirmed event or a detected date, as the command prints it. */
function rowOf(e: TimelineEntry | TimelineSuggestion): TimelineRow {
  return {
    date: e.date,
    precision: e.precision,
    label: e.label,
    entities: e.entities.map((x) => x.name),
    evidence: { articleId: e.articleId, start: e.evidence.start, end: e.evidence.end, exact: e.evidence.exact },
  };
}
