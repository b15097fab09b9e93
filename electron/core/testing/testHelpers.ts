import { spawn, type ChildProcess } from 'node:child_process';
import { expect } from 'vitest';
import { positionSelector, quoteSelectorAt } from '../../common/anchoring/textQuote';
import { DossierError } from '../../common/errors';
import { newId } from '../../common/ids';
import type { EventPayload, RecordChange } from '../../common/contract';
import type { Annotation } from '../../common/model/annotation';

/** Helpers shared by the core's tests (never imported by the app). */

/** A live process that is not this one; the caller kills it (it is added to `children`). */
export function liveForeignPid(children: ChildProcess[]): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(child);
  return child.pid!;
}

/** A PID that no process on this machine has. */
export function deadPid(): number {
  for (let pid = 999_999; ; pid++) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}

/** The DossierError a promise rejects with; fails the test if it resolves or rejects otherwise. */
export async function rejection(promise: Promise<unknown>): Promise<DossierError> {
  const error = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DossierError);
  return error as DossierError;
}

/** A plain highlight on the first occurrence of `quote` in `text` (version 1). */
export function annotationOn(articleId: string, text: string, quote: string, fields: Partial<Annotation> = {}): Annotation {
  const start = text.indexOf(quote);
  const now = new Date().toISOString();
  return {
    id: newId('ann'),
    rev: 1,
    articleId,
    motivation: 'highlighting',
    target: { version: 1, quote: quoteSelectorAt(text, start, start + quote.length), position: positionSelector(start, start + quote.length) },
    comment: '',
    color: null,
    tags: [],
    grading: null,
    replies: [],
    creator: { name: 'Analyst' },
    modifiedBy: { name: 'Analyst' },
    status: 'anchored',
    created: now,
    modified: now,
    ...fields,
  };
}

/** A change-feed event that touched (at least) a record of this subject and kind, for `toEqual`. */
export function changed(
  cause: EventPayload<'workspace.changed'>['cause'],
  subject: RecordChange['subject'],
  kind: RecordChange['kind'],
  record: Partial<RecordChange> = {},
): unknown {
  return { cause, changes: expect.arrayContaining([expect.objectContaining({ subject, kind, ...record })]) };
}

/** A change-feed event in one line ("edit annotation created"), for tests that follow a sequence of them. */
export function changeLine(payload: EventPayload<'workspace.changed'>): string {
  return `${payload.cause} ${[...new Set(payload.changes.map((c) => `${c.subject} ${c.kind}`))].join(', ')}`;
}
