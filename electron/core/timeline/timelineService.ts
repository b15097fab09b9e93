import type { Creator } from '../../common/model/annotation';
import { reanchorAll } from '../../common/anchoring/reanchor';
import { positionSelector, quoteSelectorAt } from '../../common/anchoring/textQuote';
import type { RecordChange } from '../../common/contract';
import { DossierError, phrase } from '../../common/errors';
import { newId } from '../../common/ids';
import type { ArticleMeta } from '../../common/model/article';
import {
  EventDate,
  precisionOf,
  type DatePart,
  type EventEntity,
  type TimelineEntry,
  type TimelineEvent,
  type TimelinePatch,
  type TimelineSuggestion,
} from '../../common/model/timeline';
import { diffRecords } from '../changeFeed';
import { MENTIONS, type MentionsFile } from '../entities/entityDocuments';
import type { EntityService } from '../entities/entityService';
import type { ChangeFeed } from '../changeFeed';
import type { ChangeLog } from '../history/changeLog';
import type { WorkspaceStore } from '../store/workspaceStore';
import { detectEvents, type DetectedEvent } from './detectEvents';
import { parseDay } from './resolveDate';
import { suggestLabel } from './suggestLabel';
import { TIMELINE, type TimelineFile } from './timelineDocuments';
import { step, type StepLabel } from '../../common/model/phrase';

/** An article's timeline as its current text has it: events re-anchored when the text changed. */
interface CurrentTimeline {
  meta: ArticleMeta;
  text: string;
  /** As saved: the "before" of a change. */
  stored: TimelineFile;
  /** Positions in the current version: what is shown, and what a change starts from. */
  current: TimelineFile;
}

/** What detection found in one version of an article, with what it depended on. */
interface Detection {
  version: number;
  published: string | null;
  language: string | null;
  mentions: MentionsFile | null;
  events: DetectedEvent[];
}

/**
 * The timeline: dates detected in articles, suggested as events, and the events the analyst
 * confirmed, edited or added. Every change is one undoable change of the article's timeline.json.
 */
export class TimelineService {
  /** Re-anchoring by the saved document it started from (documents change copy-on-write). */
  private readonly reanchored = new WeakMap<TimelineFile, { version: number; doc: TimelineFile }>();
  private readonly detections = new Map<string, Detection>();
  /**
   * Which articles hold events: found by reading every article's timeline once, then kept by the
   * change feed, so the workspace's timeline at 10,000 articles reads only the few that have any.
   */
  private holding: Set<string> | null = null;
  /** Articles whose events changed since the set was made: looked at again on the next list. */
  private readonly recheck = new Set<string>();
  private readonly feedless: boolean;

  constructor(
    private readonly store: WorkspaceStore,
    private readonly changes: ChangeLog,
    private readonly entities: EntityService,
    feed?: ChangeFeed,
  ) {
    changes.registerDocument('timeline', TIMELINE, (before, after, articleId) => timelineChanges(before as TimelineFile, after as TimelineFile, articleId!), ['timeline']);
    feed?.subscribe(({ changes: changed }) => {
      for (const c of changed) {
        if (c.subject !== 'event' && c.subject !== 'article') continue;
        const articleId = c.subject === 'article' ? c.id : c.articleId;
        if (articleId) this.recheck.add(articleId);
        else this.holding = null;
      }
    });
    // Without the feed nothing would tell the set of a change: every list reads every file.
    this.feedless = !feed;
  }

  /** The articles (of these) whose timeline holds events. */
  private async articlesWithEvents(articleIds: readonly string[]): Promise<string[]> {
    if (this.feedless || articleIds.length < 2) return this.withEvents(articleIds);
    if (!this.holding) {
      this.recheck.clear();
      this.holding = new Set(await this.withEvents(this.store.listArticles().map((a) => a.id)));
    }
    const recheck = [...this.recheck].filter((id) => this.store.hasArticle(id));
    this.recheck.clear();
    const holding = new Set(await this.withEvents(recheck));
    for (const id of recheck) {
      if (holding.has(id)) this.holding.add(id);
      else this.holding.delete(id);
    }
    return articleIds.filter((id) => this.holding!.has(id));
  }

  /** Reads the timeline files a batch at a time: one wait per batch, not one per article. */
  private async withEvents(articleIds: readonly string[]): Promise<string[]> {
    const BATCH = 64;
    const found: string[] = [];
    for (let i = 0; i < articleIds.length; i += BATCH) {
      const batch = articleIds.slice(i, i + BATCH);
      const docs = await Promise.all(batch.map((id) => this.store.readArticleDoc(id, TIMELINE)));
      docs.forEach((doc, j) => {
        if (doc.events.length > 0) found.push(batch[j]!);
      });
    }
    return found;
  }

  /** Confirmed events in date order, across the workspace or of one article, optionally naming an entity. */
  async list(filter: { articleId?: string; entityId?: string } = {}): Promise<TimelineEntry[]> {
    const articleIds = filter.articleId ? [filter.articleId] : this.store.listArticles().map((a) => a.id);
    const found: { timeline: CurrentTimeline; event: TimelineEvent }[] = [];
    // Most articles have no events: their text is not read.
    for (const articleId of await this.articlesWithEvents(articleIds)) {
      const timeline = await this.timeline(articleId);
      for (const event of timeline.current.events) found.push({ timeline, event });
    }
    const wanted = filter.entityId ? new Set(await this.entities.idsOf(filter.entityId)) : null;
    const named = await this.names(found.flatMap(({ event }) => event.entityIds));
    return found
      .filter(({ event }) => !wanted || event.entityIds.some((id) => wanted.has(id) || wanted.has(named.get(id)?.id ?? '')))
      .map(({ timeline, event }) => entryOf(timeline.meta, event, named))
      .sort(chronologically);
  }

  /** Dates found in the article that are not yet events and were not dismissed, in text order. */
  async suggestions(articleId: string): Promise<TimelineSuggestion[]> {
    const timeline = await this.timeline(articleId);
    const pending = await this.pending(timeline);
    const named = await this.names(pending.flatMap((d) => d.entityIds));
    return pending.map((d) => ({
      key: d.key,
      articleId,
      date: d.date,
      precision: d.precision,
      certain: d.certain,
      phrase: { start: d.phrase.start, end: d.phrase.end, exact: d.phrase.text },
      evidence: { start: d.sentence.start, end: d.sentence.end, exact: timeline.text.slice(d.sentence.start, d.sentence.end) },
      label: d.label,
      entities: entitiesOf(d.entityIds, named),
    }));
  }

  /** Makes a suggested date an event, optionally with another label or date. */
  async confirm(articleId: string, key: string, choice: { label?: string; date?: string } = {}): Promise<TimelineEntry> {
    return this.changed(articleId, step('confirmEvent'), async (timeline, draft) => {
      const detected = (await this.pending(timeline)).find((d) => d.key === key);
      if (!detected) throw new DossierError('not-found', phrase('timeline.dateGone'));
      const event = newEvent({
        ...datedAs(choice.date, detected),
        label: choice.label?.trim() || detected.label,
        entityIds: detected.entityIds,
        evidence: evidenceAt(timeline.text, detected.sentence.start, detected.sentence.end),
        key,
        source: 'detected',
      }, this.changes.who());
      draft.events.push(event);
      return event;
    });
  }

  /** Stops suggesting a detected date; undoable like any change. */
  async dismiss(articleId: string, key: string): Promise<void> {
    await this.change(articleId, step('dismissDate'), async (timeline, draft) => {
      if (!(await this.pending(timeline)).some((d) => d.key === key)) throw new DossierError('not-found', phrase('timeline.dateGone'));
      draft.dismissed.push(key);
      return null;
    });
  }

  /**
   * An event from a passage the analyst selected. Without a date, the first date named in the
   * passage is taken; the label is suggested from the passage when none is given.
   */
  async add(articleId: string, start: number, end: number, fields: { date?: string; label?: string; exact?: string } = {}): Promise<TimelineEntry> {
    return this.changed(articleId, step('addEvent'), async (timeline, draft) => {
      const { text } = timeline;
      if (end <= start || end > text.length) throw new DossierError('bad-input', phrase('common.rangeOutside', { start, end, length: text.length }));
      if (fields.exact !== undefined && fields.exact.normalize('NFC') !== text.slice(start, end)) {
        throw new DossierError('conflict', phrase('common.selectionStale'));
      }
      if (!text.slice(start, end).trim()) throw new DossierError('bad-input', phrase('timeline.onlySpaces'));
      const detected = (await this.detect(timeline)).events.find((d) => d.phrase.start >= start && d.phrase.end <= end);
      if (!fields.date && !detected) throw new DossierError('bad-input', phrase('timeline.noDate'));
      const mentions = await this.mentions(timeline);
      const label = fields.label?.trim() || (detected ? suggestLabel(text, { start, end }, detected.phrase) : suggestLabel(text, { start, end }, { start, end: start }));
      const event = newEvent({
        ...datedAs(fields.date, detected!),
        label: label || text.slice(start, end).trim().slice(0, 80),
        entityIds: [...new Set((mentions?.mentions ?? []).filter((m) => m.start >= start && m.end <= end).sort((a, b) => a.start - b.start).map((m) => m.entityId))],
        evidence: evidenceAt(text, start, end),
        key: null,
        source: 'manual',
      }, this.changes.who());
      draft.events.push(event);
      return event;
    });
  }

  async update(articleId: string, id: string, patch: TimelinePatch, baseRev?: number): Promise<TimelineEntry> {
    return this.changed(articleId, step('editEvent'), async (_timeline, draft) => {
      const event = draft.events.find((e) => e.id === id);
      if (!event) throw new DossierError('not-found', phrase('timeline.eventGone'));
      if (baseRev !== undefined && event.rev !== baseRev) throw new DossierError('conflict', phrase('timeline.changedElsewhere'));
      if (patch.label !== undefined) event.label = labelOf(patch.label);
      if (patch.date !== undefined && patch.date !== event.date) Object.assign(event, statedDate(patch.date));
      if (patch.entityIds !== undefined) event.entityIds = [...new Set(patch.entityIds)];
      event.rev += 1;
      event.modified = new Date().toISOString();
      event.modifiedBy = this.changes.who();
      return event;
    });
  }

  async delete(articleId: string, id: string): Promise<void> {
    await this.change(articleId, step('deleteEvent'), async (_timeline, draft) => {
      if (!draft.events.some((e) => e.id === id)) throw new DossierError('not-found', phrase('timeline.eventGone'));
      draft.events = draft.events.filter((e) => e.id !== id);
      return null;
    });
  }

  /**
   * Runs `edit` on a copy of the article's current timeline and commits it as one undoable change,
   * alone for the article from reading to saving. Answers with the event `edit` made or changed.
   */
  private change(articleId: string, label: StepLabel, edit: (timeline: CurrentTimeline, draft: TimelineFile) => Promise<TimelineEvent | null>): Promise<TimelineEntry | null> {
    return this.changes.exclusive(articleId, async () => {
      const timeline = await this.timeline(articleId);
      const draft = structuredClone(timeline.current);
      const event = await edit(timeline, draft);
      draft.rev = timeline.stored.rev + 1;
      draft.articleId = articleId;
      await this.changes.commit({ label, articleId, ops: [{ kind: 'doc', doc: 'timeline', articleId, before: timeline.stored, after: draft }] });
      return event ? entryOf(timeline.meta, event, await this.names(event.entityIds)) : null;
    });
  }

  /** `change`, for edits that always answer with an event. */
  private async changed(articleId: string, label: StepLabel, edit: (timeline: CurrentTimeline, draft: TimelineFile) => Promise<TimelineEvent>): Promise<TimelineEntry> {
    return (await this.change(articleId, label, edit))!;
  }

  /** The article's timeline with its events placed in the current text (never written by reading). */
  private async timeline(articleId: string): Promise<CurrentTimeline> {
    const [{ meta, text }, stored] = await Promise.all([this.store.readArticle(articleId), this.store.readArticleDoc(articleId, TIMELINE)]);
    if (stored.version === meta.version || stored.events.length === 0) return { meta, text, stored, current: { ...stored, version: meta.version } };
    const cached = this.reanchored.get(stored);
    if (cached?.version === meta.version) return { meta, text, stored, current: cached.doc };
    const placed = reanchorAll(text, stored.events.map((e) => e.evidence));
    const events = stored.events.map((event, i) => {
      const r = placed[i]!;
      if (r.status === 'orphaned' || r.start === undefined || r.end === undefined) return { ...event, status: 'orphaned' as const };
      return { ...event, status: r.status, evidence: evidenceAt(text, r.start, r.end) };
    });
    const current = { ...stored, version: meta.version, events };
    this.reanchored.set(stored, { version: meta.version, doc: current });
    return { meta, text, stored, current };
  }

  /** Detected dates not yet events and not dismissed. */
  private async pending(timeline: CurrentTimeline): Promise<DetectedEvent[]> {
    const { events, dismissed } = timeline.current;
    const hidden = new Set([...dismissed, ...events.flatMap((e) => (e.key ? [e.key] : []))]);
    // An event the analyst added by hand, or re-dated, over the same words stands for the date found there.
    const covered = (d: DetectedEvent) =>
      events.some((e) => e.status !== 'orphaned' && e.date === d.date && e.evidence.position.start <= d.phrase.start && d.phrase.end <= e.evidence.position.end);
    return (await this.detect(timeline)).events.filter((d) => !hidden.has(d.key) && !covered(d));
  }

  /** Detection of the article's current text, again only when what it depends on changed. */
  private async detect(timeline: CurrentTimeline): Promise<Detection> {
    const { meta, text } = timeline;
    const mentions = await this.mentions(timeline);
    const cached = this.detections.get(meta.id);
    if (cached && cached.version === meta.version && cached.published === meta.published && cached.language === meta.language && cached.mentions === mentions) return cached;
    const detection: Detection = {
      version: meta.version,
      published: meta.published,
      language: meta.language,
      mentions,
      events: detectEvents(text, { published: parseDay(meta.published), language: meta.language, mentions: mentions?.mentions ?? [] }),
    };
    this.detections.set(meta.id, detection);
    return detection;
  }

  /** The article's confirmed mentions, when they point into its current text. */
  private async mentions(timeline: CurrentTimeline): Promise<MentionsFile | null> {
    const doc = await this.store.readArticleDoc(timeline.meta.id, MENTIONS);
    return doc.version === timeline.meta.version ? doc : null;
  }

  /** Each entity id as it is now, following merges; deleted ones are left out. */
  private async names(ids: readonly string[]): Promise<Map<string, EventEntity>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const resolved = await this.entities.resolve(unique);
    const named = new Map<string, EventEntity>();
    for (const [id, entity] of Object.entries(resolved)) if (entity) named.set(id, { id: entity.id, name: entity.name });
    return named;
  }
}

/** A date the analyst gave: every part of it is stated. */
function statedDate(date: string): Pick<TimelineEvent, 'date' | 'precision' | 'certain'> {
  const precision = precisionOf(date);
  if (!precision || !EventDate.safeParse(date).success) throw new DossierError('bad-input', phrase('timeline.dateShape'));
  const certain: DatePart[] = precision === 'year' ? ['year'] : precision === 'month' ? ['year', 'month'] : ['year', 'month', 'day'];
  return { date, precision, certain };
}

function labelOf(label: string): string {
  const trimmed = label.trim();
  if (!trimmed) throw new DossierError('bad-input', phrase('timeline.needsLabel'));
  return trimmed.slice(0, 200);
}

function evidenceAt(text: string, start: number, end: number): TimelineEvent['evidence'] {
  return { quote: quoteSelectorAt(text, start, end), position: positionSelector(start, end) };
}

function entitiesOf(ids: readonly string[], named: Map<string, EventEntity>): EventEntity[] {
  const out = new Map<string, EventEntity>();
  for (const id of ids) {
    const entity = named.get(id);
    if (entity) out.set(entity.id, entity);
  }
  return [...out.values()];
}

function entryOf(meta: ArticleMeta, event: TimelineEvent, named: Map<string, EventEntity>): TimelineEntry {
  return {
    id: event.id,
    rev: event.rev,
    articleId: meta.id,
    articleTitle: meta.title,
    date: event.date,
    precision: event.precision,
    certain: event.certain,
    label: event.label,
    entities: entitiesOf(event.entityIds, named),
    evidence: { start: event.evidence.position.start, end: event.evidence.position.end, exact: event.evidence.quote.exact },
    status: event.status,
    source: event.source,
    created: event.created,
    modified: event.modified,
    createdBy: event.createdBy,
    modifiedBy: event.modifiedBy,
  };
}

/**
 * Earliest first. A year sorts before its months and a month before its days ("2014" opens
 * 2014), which is how a period reads; the same date keeps the articles' text order.
 */
function chronologically(a: TimelineEntry, b: TimelineEntry): number {
  return a.date.localeCompare(b.date) || a.articleTitle.localeCompare(b.articleTitle) || a.evidence.start - b.evidence.start;
}

/**
 * The records a change of an article's timeline touched: its events; a date dismissed (or put
 * back by undo) is announced as the suggestion of that key deleted (or created).
 */
function timelineChanges(before: TimelineFile, after: TimelineFile, articleId: string): RecordChange[] {
  const changes = diffRecords('event', articleId, before.events, after.events);
  const was = new Set(before.dismissed);
  const is = new Set(after.dismissed);
  for (const key of is) if (!was.has(key)) changes.push({ subject: 'event', kind: 'deleted', id: key, articleId });
  for (const key of was) if (!is.has(key)) changes.push({ subject: 'event', kind: 'created', id: key, articleId });
  return changes;
}

/** A new event, anchored where it was made. */
function newEvent(fields: Omit<TimelineEvent, 'id' | 'rev' | 'status' | 'created' | 'modified' | 'createdBy' | 'modifiedBy'>, by: Creator): TimelineEvent {
  const now = new Date().toISOString();
  return { id: newId('evt'), rev: 1, ...fields, status: 'anchored', created: now, modified: now, createdBy: { ...by }, modifiedBy: { ...by } };
}

/** The date the analyst gave, else the one detected (with the parts the text stated). */
function datedAs(given: string | undefined, detected: Pick<TimelineEvent, 'date' | 'precision' | 'certain'>): Pick<TimelineEvent, 'date' | 'precision' | 'certain'> {
  return given ? statedDate(given) : { date: detected.date, precision: detected.precision, certain: detected.certain };
}
