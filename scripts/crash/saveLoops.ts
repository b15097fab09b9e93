import type { ServedWorkspace } from './servedWorkspace';

/** A seeded generator (the benchmark corpus's), so a failing seed replays the same choices. */
export { mulberry32 as seededRandom } from '../../bench/corpus';

export type Kind = 'highlight' | 'note' | 'entity' | 'brief';
export const KINDS: readonly Kind[] = ['highlight', 'note', 'entity', 'brief'];

/**
 * A record a save loop created (the server acknowledged the create) and what is known of its
 * value: the last value the server acknowledged, and the one sent after it that got no answer
 * (the process was killed with it on the way), which may or may not have landed.
 */
export interface Tracked {
  kind: Kind;
  id: string;
  /** The article of a highlight; null for the others. */
  articleId: string | null;
  acked: string;
  pending: string | null;
  /** `acked` is a value that landed without an answer (the server died first), found on disk since. */
  unanswered: boolean;
  /** The round of its last save, so the search check looks at what the last storm wrote. */
  round: number;
}

export interface StormArticle {
  id: string;
  /** Sentences that occur once in its text: what highlights quote. */
  sentences: string[];
}

/** Every record the loops created, and what was acknowledged, by kind. */
export class SaveModel {
  readonly records: Tracked[] = [];
  readonly acked: Record<Kind, number> = { highlight: 0, note: 0, entity: 0, brief: 0 };
  /** Saves the server answered with an error (none are expected). */
  readonly refused: string[] = [];
  private readonly owned = new Map<string, Tracked[]>();
  /** What happened to each record, for the report of a lost save. */
  readonly trail = new Map<string, string[]>();

  note(id: string, event: string): void {
    const list = this.trail.get(id) ?? [];
    list.push(event);
    this.trail.set(id, list.slice(-12));
  }

  ownedBy(loop: string): Tracked[] {
    let list = this.owned.get(loop);
    if (!list) this.owned.set(loop, (list = []));
    return list;
  }

  forget(record: Tracked): void {
    this.records.splice(this.records.indexOf(record), 1);
    for (const list of this.owned.values()) if (list.includes(record)) list.splice(list.indexOf(record), 1);
  }
}

/** Records one loop creates before it only edits them: the storm edits what exists, as an analyst does. */
const RECORDS_PER_LOOP = 30;
const CREATE_ODDS = 0.2;

export type Random = () => number;

/** A made-up word of ten letters: no two saves share one, and search finds each by it. */
export function word(random: Random): string {
  let w = '';
  for (let i = 0; i < 10; i++) w += String.fromCharCode(97 + Math.floor(random() * 26));
  return w;
}

export function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** The word a value was made from: what the search check looks for. */
export function wordOf(value: string): string {
  return value.slice(value.lastIndexOf(' ') + 1);
}

export function noteContent(text: string) {
  const textNode = { type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 };
  const paragraph = { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [textNode] };
  return { root: { type: 'root' as const, version: 1, direction: null, format: '', indent: 0, children: [paragraph] } };
}

interface LoopContext {
  server: ServedWorkspace;
  model: SaveModel;
  articles: readonly StormArticle[];
  round: number;
  random: Random;
  stopped: () => boolean;
}

/**
 * One save loop: saves one after the other (each waits for the answer to the one before), creating
 * records of its kind and then editing them, until stopped or until the server stops answering.
 */
export async function saveLoop(kind: Kind, loop: string, context: LoopContext): Promise<void> {
  const { model, random, stopped } = context;
  const mine = model.ownedBy(loop);
  while (!stopped()) {
    const creating = mine.length === 0 || (mine.length < RECORDS_PER_LOOP && random() < CREATE_ODDS);
    try {
      if (creating) {
        const created = await create(kind, context);
        if (created) {
          mine.push(created);
          model.note(created.id, `r${context.round} created "${created.acked}" by ${loop}`);
          model.records.push(created);
          model.acked[kind] += 1;
        }
      } else {
        const record = pick(random, mine);
        const value = valueOf(kind, word(random));
        record.pending = value;
        record.round = context.round;
        model.note(record.id, `r${context.round} sent "${value}"`);
        const ok = await update(record, value, context);
        record.pending = null;
        model.note(record.id, `r${context.round} ${ok ? 'acknowledged' : 'refused'}`);
        if (ok) {
          record.acked = value;
          record.unanswered = false;
          model.acked[kind] += 1;
        }
      }
    } catch {
      return; // no answer: the server is gone
    }
  }
}

function valueOf(kind: Kind, w: string): string {
  return { highlight: 'comment', note: 'note', entity: 'described', brief: 'Brief' }[kind] + ' ' + w;
}

/** Creates one record; null when the server refused (an unanswered create throws). */
async function create(kind: Kind, { server, model, articles, random, round }: LoopContext): Promise<Tracked | null> {
  const w = word(random);
  const tracked = (id: string, articleId: string | null, acked: string): Tracked => ({ kind, id, articleId, acked, pending: null, unanswered: false, round });
  const refused = (error: { message: string }) => {
    model.refused.push(`${kind} create: ${error.message}`);
    return null;
  };
  if (kind === 'highlight') {
    const article = pick(random, articles);
    const comment = valueOf(kind, w);
    const answer = await server.call('annotations.createFromQuote', { articleId: article.id, quote: pick(random, article.sentences), comment });
    return answer.ok ? tracked(answer.value.annotation.id, article.id, comment) : refused(answer.error);
  }
  if (kind === 'note') {
    const text = valueOf(kind, w);
    const answer = await server.call('notes.create', { title: `Storm note ${w}`, articleId: null, content: noteContent(text) });
    return answer.ok ? tracked(answer.value.note.id, null, text) : refused(answer.error);
  }
  if (kind === 'entity') {
    // Created without a description: its value is the empty one until the first edit.
    const answer = await server.call('entities.create', { name: `Entity ${w}`, type: 'other' });
    return answer.ok ? tracked(answer.value.entity.id, null, answer.value.entity.description) : refused(answer.error);
  }
  const title = valueOf(kind, w);
  const answer = await server.call('briefs.create', { title });
  return answer.ok ? tracked(answer.value.brief.id, null, title) : refused(answer.error);
}

/** Saves a new value of one record; false when the server refused. */
async function update(record: Tracked, value: string, { server, model }: LoopContext): Promise<boolean> {
  const answer =
    record.kind === 'highlight'
      ? await server.call('annotations.update', { articleId: record.articleId!, id: record.id, comment: value })
      : record.kind === 'note'
        ? await server.call('notes.save', { id: record.id, content: noteContent(value) })
        : record.kind === 'entity'
          ? await server.call('entities.update', { id: record.id, patch: { description: value } })
          : await server.call('briefs.update', { id: record.id, patch: { title: value } });
  if (!answer.ok) model.refused.push(`${record.kind} ${record.id}: ${answer.error.message}`);
  return answer.ok;
}
