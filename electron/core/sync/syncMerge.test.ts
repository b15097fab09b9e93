import { describe, expect, it } from 'vitest';
import { mergeVersions } from './syncMerge';
import type { SyncBody } from './syncDocs';

const by = (who: string, at: string) => ({ createdBy: 'Ana', createdAt: '2025-01-01T00:00:00.000Z', changedBy: who, changedAt: at });
const keys = (list: string[], who = 'Ana', at = '2025-02-01T00:00:00.000Z'): SyncBody => ({ kind: 'dismissed-dates', value: { keys: list }, provenance: by(who, at) });
const types = (...entries: [string, string][]): SyncBody => ({
  kind: 'relation-types',
  value: { types: entries.map(([key, label]) => ({ key, label, inverse: `${label} of` })) },
  provenance: by('Ana', '2025-02-01T00:00:00.000Z'),
});
const mention = (id: string, start: number, end: number) => ({ id, entityId: `ent_${id}`, start, end, text: 'x'.repeat(end - start), source: 'manual' as const });
const links = (version: number, ...mentions: ReturnType<typeof mention>[]): SyncBody => ({ kind: 'links', value: { version, mentions }, provenance: by('Ana', '2025-02-01T00:00:00.000Z') });
const valueOf = (body: SyncBody | null) => body?.value;

describe('mergeVersions', () => {
  it('keeps what each version added and takes out what one removed, against the ancestor', () => {
    const ancestor = keys(['a', 'b', 'c']);
    // Ana took out b and added d; Ben took out c and added e.
    expect(valueOf(mergeVersions(ancestor, [keys(['a', 'c', 'd']), keys(['a', 'b', 'e'])]))).toEqual({ keys: ['a', 'd', 'e'] });
    // The same, whichever version won.
    expect(new Set((mergeVersions(ancestor, [keys(['a', 'b', 'e']), keys(['a', 'c', 'd'])])?.value as { keys: string[] }).keys)).toEqual(new Set(['a', 'd', 'e']));
  });

  it('without the ancestor keeps the union: no addition is lost', () => {
    expect(valueOf(mergeVersions(null, [keys(['a', 'c']), keys(['b', 'c'])]))).toEqual({ keys: ['a', 'c', 'b'] });
  });

  it('keeps an item one version changed and the other removed, and leaves an item changed two ways to the analyst', () => {
    const ancestor = types(['funds', 'funds'], ['meets', 'meets']);
    expect(valueOf(mergeVersions(ancestor, [types(['meets', 'meets']), types(['funds', 'finances'], ['meets', 'meets'])]))).toEqual(
      types(['meets', 'meets'], ['funds', 'finances']).value,
    );
    expect(mergeVersions(ancestor, [types(['funds', 'finances']), types(['funds', 'pays for'])])).toBeNull();
    // Added on both sides with different labels: a disagreement too.
    expect(mergeVersions(null, [types(['arms', 'supplies arms to']), types(['arms', 'sells arms to'])])).toBeNull();
    // Added on both sides alike: one item.
    expect(valueOf(mergeVersions(null, [types(['arms', 'arms']), types(['arms', 'arms'])]))).toEqual(types(['arms', 'arms']).value);
  });

  it('merges an article\'s links on one text, and leaves links on different texts or overlapping words to the analyst', () => {
    const ancestor = links(2, mention('a', 0, 5));
    expect(valueOf(mergeVersions(ancestor, [links(2, mention('a', 0, 5), mention('c', 30, 34)), links(2, mention('b', 10, 15))]))).toEqual(
      links(2, mention('b', 10, 15), mention('c', 30, 34)).value,
    );
    expect(mergeVersions(ancestor, [links(2, mention('b', 10, 15)), links(3, mention('c', 30, 34))])).toBeNull();
    expect(mergeVersions(ancestor, [links(2, mention('a', 0, 5), mention('b', 10, 15)), links(2, mention('a', 0, 5), mention('c', 12, 20))])).toBeNull();
  });

  it('settles versions that hold the same content, whatever the kind, and no others', () => {
    const note = (text: string, who: string): SyncBody => ({ kind: 'note', value: { text }, provenance: by(who, '2025-02-01T00:00:00.000Z') } as unknown as SyncBody);
    expect(mergeVersions(null, [note('same', 'Ana'), note('same', 'Ana')])).toEqual(note('same', 'Ana'));
    expect(mergeVersions(null, [note('one', 'Ana'), note('two', 'Ben')])).toBeNull();
    // A record names who changed it last: the same words saved by two people are two versions.
    expect(mergeVersions(null, [note('same', 'Ana'), note('same', 'Ben')])).toBeNull();
  });

  it('says the merge was changed last by whoever changed a version last', () => {
    const merged = mergeVersions(keys(['a']), [keys(['a', 'b'], 'Ana', '2025-03-01T00:00:00.000Z'), keys(['a', 'c'], 'Ben', '2025-03-02T00:00:00.000Z')]);
    expect(merged?.provenance).toMatchObject({ createdBy: 'Ana', changedBy: 'Ben', changedAt: '2025-03-02T00:00:00.000Z' });
  });
});
