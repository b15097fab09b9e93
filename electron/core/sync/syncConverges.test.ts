import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FakeWorkspace } from './testing/syncTestBed';
import { syncTestBed } from './testing/syncTestBed';

/** The lists sync merges on its own (syncMerge.ts), as the workspace's documents hold them. */
const LISTS = {
  // A relationship type added: its labels follow from its key, as relationTypeKey derives it.
  types: { id: 'relation-types', field: 'types', item: (i: number) => ({ key: `type-${i}`, label: `type ${i}`, inverse: `type ${i} of` }) },
  // A suggested relationship dismissed.
  dismissals: { id: 'relation-dismissals', field: 'keys', item: (i: number) => `rs:art_1:ent_a:ent_b:meets:${i}` },
  // A suggested entity's name rejected.
  rejections: { id: 'entity-rejections', field: 'names', item: (i: number) => `name ${i}` },
  // A detected date dismissed: an article's list, no document while it is empty.
  dates: { id: 'dismissed-dates:art_1', field: 'keys', item: (i: number) => `2025-03-1${i}@${i * 7}` },
} as const;
type ListName = keyof typeof LISTS;

type Step =
  | { side: 0 | 1; op: 'edit'; id: number; text: string }
  | { side: 0 | 1; op: 'remove'; id: number }
  | { side: 0 | 1; op: 'add' | 'unlist'; list: ListName; item: number }
  | { side: 0 | 1; op: 'sync' };

const sides = fc.constantFrom(0 as const, 1 as const);
const lists = fc.constantFrom(...(Object.keys(LISTS) as ListName[]));
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ side: sides, op: fc.constant('edit' as const), id: fc.integer({ min: 0, max: 5 }), text: fc.string({ maxLength: 6 }) }),
  fc.record({ side: sides, op: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ side: sides, op: fc.constantFrom('add' as const, 'add' as const, 'unlist' as const), list: lists, item: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ side: sides, op: fc.constant('sync' as const) }),
);

/** The items a list holds now on one side. */
function itemsOf(workspace: FakeWorkspace, list: ListName): unknown[] {
  const { id, field } = LISTS[list];
  return ((workspace.docs.get(id)?.value as Record<string, unknown[]> | undefined)?.[field] ?? []) as unknown[];
}

/** Adds an item to a list or takes it out, as the services change the workspace's files. */
function change(workspace: FakeWorkspace, list: ListName, item: number, add: boolean): void {
  const { id, field, item: itemOf } = LISTS[list];
  const value = itemOf(item);
  const before = itemsOf(workspace, list);
  const has = before.some((x) => JSON.stringify(x) === JSON.stringify(value));
  if (has === add) return;
  const after = add ? [...before, value] : before.filter((x) => JSON.stringify(x) !== JSON.stringify(value));
  // The reader gives an article's empty list as no document (the mirror keeps it as an empty one).
  if (after.length === 0 && id.startsWith('dismissed-dates:')) workspace.remove(id);
  else workspace.edit(id, { [field]: after });
}

describe('two replicas syncing through the server', () => {
  it('always end in the same state once both have synced, whatever was done and synced in between, and lists lose no addition', async () => {
    const bed = await syncTestBed();
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps) => {
          const [a, b] = await bed.pair();
          /** Items added somewhere and never taken out anywhere: both sides must end with them. */
          const added = new Set<string>();
          const unlisted = new Set<string>();
          for (const s of steps) {
            const side = s.side === 0 ? a : b;
            if (s.op === 'edit') side.workspace.edit(`note:${s.id}`, { text: s.text });
            else if (s.op === 'remove') {
              if (side.workspace.docs.has(`note:${s.id}`)) side.workspace.remove(`note:${s.id}`);
            } else if (s.op === 'add' || s.op === 'unlist') {
              (s.op === 'add' ? added : unlisted).add(`${s.list}:${s.item}`);
              change(side.workspace, s.list, s.item, s.op === 'add');
            } else await side.sync.run({});
          }
          // Both sync, then the first again to take in what the second sent.
          await a.sync.run({});
          await b.sync.run({});
          await a.sync.run({});
          expect(b.workspace.values()).toEqual(a.workspace.values());
          // And agree on which records are in conflict: never a list.
          const conflicts = (await a.sync.conflicts()).map((c) => c.id).sort();
          expect((await b.sync.conflicts()).map((c) => c.id).sort()).toEqual(conflicts);
          expect(conflicts.filter((id) => !id.startsWith('note:'))).toEqual([]);
          for (const key of added) {
            if (unlisted.has(key)) continue;
            const [list, item] = key.split(':') as [ListName, string];
            expect(itemsOf(a.workspace, list)).toContainEqual(LISTS[list].item(Number(item)));
          }
        }),
        { numRuns: Number(process.env.SYNC_CONVERGENCE_RUNS ?? 25) },
      );
    } finally {
      await bed.close();
    }
  }, 600_000);
});
