import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { CallName, CallRequest, CallResponse } from '../../common/contract';
import type { DetectedEntity } from '../../common/model/entity';
import { createCore, type DossierCore } from '../dossierCore';
import type { EntityDetector } from '../entities/entityDetector';
import { unlockWithKey } from '../crypt/keyring';
import { GENERATIONS_FILE } from '../crypt/sealedFiles';
import { isEncryptedFolder } from '../store/fileAccess';
import { FOLDING_FILE, LOG_FILE } from '../store/writeAheadLog';
import { WorkspaceStore } from '../store/workspaceStore';
import type { DetectedName, WorkspaceModel } from './workspaceModel';
import type { StepLabel } from '../../common/model/phrase';
import { auditLabel } from '../history/auditLabel';

/** A step's name as the model keeps it: in English, as the audit trail words it. */
export function englishOf(label: StepLabel | null): string | null {
  return label === null ? null : auditLabel(label);
}

/**
 * The system side of the model-based test: a real core on a real workspace folder, the calls it
 * answers, a crash (the folder copied while the store is open) and the comparison of everything
 * the analyst can see against the model.
 */

/** A refused call, with the code the user's message comes with. */
export class CallFailed extends Error {
  constructor(
    readonly call: string,
    readonly code: string,
    message: string,
  ) {
    super(`${call} failed (${code}): ${message}`);
  }
}

export interface System {
  core: DossierCore;
  /** The workspace folder the core has open. */
  dir: string;
  /** Every call made, in order, printed with a failure so it can be replayed by hand. */
  trace: string[];
  crashes: number;
  /** Crashes whose copy held saves not yet folded from the journal into the files. */
  crashesWithJournal: number;
}

/** Through `dispatch`, as IPC and the host call the core: requests are validated and defaulted. */
export async function call<K extends CallName>(system: System, name: K, request: CallRequest<K>, traced = true): Promise<CallResponse<K>> {
  if (traced) system.trace.push(`${name} ${JSON.stringify(request)}`);
  const result = await system.core.dispatch(name, request);
  if (!result.ok) throw new CallFailed(name, result.error.code, result.error.message);
  return result.value as CallResponse<K>;
}

/** The error code a call fails with, or null when it succeeds. */
export async function failureOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof CallFailed) return error.code;
    throw error;
  }
}

/**
 * Names found wherever they occur, in order of first occurrence. Detection's quality is not what
 * this test is about; a detector the model can predict makes suggestions part of the state checked.
 */
export const DETECTABLE: readonly Omit<DetectedName, 'mentions'>[] = [
  { name: 'Maria Lopez', type: 'person', aliases: [] },
  { name: 'Northern Water Agency', type: 'organization', aliases: ['NWA'] },
  { name: 'Lyon', type: 'place', aliases: [] },
  { name: 'John Smith', type: 'person', aliases: [] },
  { name: 'Acme Shipping', type: 'organization', aliases: [] },
  { name: 'Oslo', type: 'place', aliases: [] },
];

export function detectNames(text: string): DetectedName[] {
  return DETECTABLE.flatMap((d) => {
    const forms = [d.name, ...d.aliases];
    const mentions = forms.flatMap((form) => indexesOf(text, form).map((start) => ({ start, end: start + form.length, text: form }))).sort((a, b) => a.start - b.start);
    return mentions.length === 0 ? [] : [{ ...d, aliases: d.aliases.filter((a) => text.includes(a)), mentions }];
  }).sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

export const detector: EntityDetector = {
  detect: async (text): Promise<DetectedEntity[]> => detectNames(text),
  // Linking confirmed entities on import is left out of the model; entityService.test.ts covers it.
  findKnown: async ({ texts }) => texts.map(() => []),
  close: async () => {},
};

export function indexesOf(haystack: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** The key of the encrypted template, when the sequences run on an encrypted workspace. */
let workspaceKey: Uint8Array | null = null;

export function useWorkspaceKey(key: Uint8Array | null): void {
  workspaceKey = key;
}

export async function openCore(dir: string): Promise<DossierCore> {
  // Every copy of an encrypted workspace is opened with the template's key, as its own folder.
  if (workspaceKey && isEncryptedFolder(dir)) await unlockWithKey(dir, workspaceKey);
  return createCore(await WorkspaceStore.open(dir), { creator: { name: 'Analyst' }, detector });
}

/**
 * A crash: the folder is copied while the store is open, so saves still in the journal are not
 * folded into the files, and the copy is opened from then on. The journal is read before the
 * files, as a crash would leave them: an idle fold between the two reads can only make the files
 * newer than the journal, which replaying it tolerates, never older.
 */
export async function crashAndReopen(system: System): Promise<void> {
  const from = system.dir;
  const to = `${from}-c${system.crashes + 1}`;
  system.trace.push('(crash: copy the folder with the store open, reopen the copy)');
  const logs = new Map<string, Buffer>();
  // An encrypted workspace's record of versions first: a disk at one instant never holds a file
  // older than it records, and the copy, read over time, must not either.
  for (const name of [GENERATIONS_FILE, FOLDING_FILE, LOG_FILE]) {
    const bytes = await fs.readFile(path.join(from, name)).catch(() => null);
    if (bytes) logs.set(name, bytes);
  }
  const skip = new Set([LOCK_FILE, LOG_FILE, FOLDING_FILE, GENERATIONS_FILE].map((name) => path.join(from, name)));
  await fs.cp(from, to, { recursive: true, filter: (src) => !skip.has(src) });
  for (const [name, bytes] of logs) await fs.writeFile(path.join(to, name), bytes);
  system.crashes += 1;
  if ([...logs.values()].some((bytes) => bytes.length > 0)) system.crashesWithJournal += 1;
  const old = system.core;
  system.core = await openCore(to);
  system.dir = to;
  await old.close();
  await fs.rm(from, { recursive: true, force: true });
}

export async function closeAndReopen(system: System): Promise<void> {
  system.trace.push('(close the workspace and open it again)');
  await system.core.close();
  system.core = await openCore(system.dir);
}

const LOCK_FILE = '.dossier.lock';

const byId = <T extends { id: string }>(items: T[]): T[] => [...items].sort((a, b) => a.id.localeCompare(b.id));
const byRange = <T extends { start: number; end: number }>(items: T[]): T[] => [...items].sort((a, b) => a.start - b.start || a.end - b.end);

/** Everything the analyst can see, from the core, equal to what the model says it should be. */
export async function expectSameAsModel(system: System, model: WorkspaceModel): Promise<void> {
  const listed = model.listedArticles();
  const { articles } = await call(system, 'articles.list', {}, false);
  expect(byId(articles.map(({ id, title }) => ({ id, title }))), 'articles.list').toEqual(byId(listed.map(({ id, title }) => ({ id, title }))));

  for (const article of model.articles) {
    if (!listed.includes(article)) {
      expect(await failureOf(call(system, 'annotations.list', { articleId: article.id }, false)), 'annotations of an unlisted article').toBe('not-found');
      continue;
    }
    const { annotations } = await call(system, 'annotations.list', { articleId: article.id }, false);
    const starts = annotations.map((a) => a.target.position.start);
    expect(starts, 'annotations in document order').toEqual([...starts].sort((a, b) => a - b));
    const seen = annotations.map((a) => ({
      id: a.id,
      start: a.target.position.start,
      end: a.target.position.end,
      exact: a.target.quote.exact,
      comment: a.comment,
      color: a.color,
      grading: a.grading,
    }));
    expect(byId(seen), `annotations of ${article.title}`).toEqual(byId(model.annotations(article.id)));

    const detected = model.mentionsOf(article.id);
    if (detected) {
      const { mentions, suggestions } = await call(system, 'entities.forArticle', { articleId: article.id }, false);
      expect(byRange(mentions.map(({ entityId, start, end }) => ({ entityId, start, end }))), `mentions in ${article.title}`).toEqual(byRange(detected.mentions));
      expect(suggestions.map(({ key, name }) => ({ key, name })), `suggestions in ${article.title}`).toEqual(model.offered(article.id).map(({ key, name }) => ({ key, name })));
    }
  }

  const { notes } = await call(system, 'notes.list', {}, false);
  const expectedNotes = model.notes();
  expect(byId(notes.map(({ id, title, titled, pinned }) => ({ id, title, titled, pinned }))), 'notes.list').toEqual(
    byId(expectedNotes.map(({ id, title, titled, pinned }) => ({ id, title, titled, pinned }))),
  );
  for (const note of expectedNotes) {
    const { note: stored } = await call(system, 'notes.get', { id: note.id }, false);
    expect({ id: stored.id, text: stored.text }, 'notes.get').toEqual({ id: note.id, text: note.text });
  }

  const { entities } = await call(system, 'entities.list', {}, false);
  const presence = model.presence();
  expect(byId(entities), 'entities.list').toEqual(
    byId(
      model.entities().map((e) => ({
        ...e,
        articleCount: presence.get(e.id)?.articles ?? 0,
        mentionCount: presence.get(e.id)?.mentions ?? 0,
      })),
    ),
  );

  const { briefs } = await call(system, 'briefs.list', {}, false);
  expect(byId(briefs.map(({ id, title, author, handling }) => ({ id, title, author, handling }))), 'briefs.list').toEqual(byId(model.briefs()));

  // The model names steps as the audit trail words them, in English.
  const state = await call(system, 'history.state', {}, false);
  expect({ undo: englishOf(state.undo), redo: englishOf(state.redo) }, 'history.state').toEqual(model.history());
}
