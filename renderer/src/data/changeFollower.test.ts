import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { changeFollower } from './changeFollower';

/** A store the "core" answers from, and answers that can be held back to land after a change. */
function slowSource() {
  let value = 'before';
  const held: (() => void)[] = [];
  let calls = 0;
  return {
    set: (next: string) => (value = next),
    get calls() {
      return calls;
    },
    /** Reads now, answers when released: what a call that reached the core before the change does. */
    fetch: () => {
      calls += 1;
      const read = value;
      return new Promise<string>((resolve) => held.push(() => resolve(read)));
    },
    releaseAll: () => held.splice(0).forEach((release) => release()),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('changeFollower', () => {
  it('asks again for a first answer that was on its way when a change named it, so the change shows', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    const source = slowSource();
    const follower = changeFollower(client);
    const observer = new QueryObserver(client, { queryKey: ['entities.forArticle', { articleId: 'a' }], queryFn: source.fetch });
    const seen: (string | undefined)[] = [];
    const unsubscribe = observer.subscribe((result) => seen.push(result.data));
    await settle();
    // The first answer has been read; the workspace changes before it lands.
    source.set('after');
    follower.changed([['entities.forArticle']]);
    source.releaseAll();
    await settle();
    source.releaseAll();
    await settle();
    expect(observer.getCurrentResult().data).toBe('after');
    expect(source.calls).toBe(2);
    unsubscribe();
    follower.dispose();
  });

  it('asks once for a query with an answer already (the fetch in flight is replaced), and not at all for another call', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    const source = slowSource();
    const other = slowSource();
    const follower = changeFollower(client);
    const observer = new QueryObserver(client, { queryKey: ['notes.list', {}], queryFn: source.fetch });
    const otherObserver = new QueryObserver(client, { queryKey: ['briefs.list', {}], queryFn: other.fetch });
    const unsubscribe = [observer.subscribe(() => undefined), otherObserver.subscribe(() => undefined)];
    await settle();
    source.releaseAll();
    other.releaseAll();
    await settle();
    source.set('after');
    follower.changed([['notes.list']]);
    await settle();
    source.releaseAll();
    await settle();
    expect(observer.getCurrentResult().data).toBe('after');
    expect(source.calls).toBe(2);
    expect(other.calls).toBe(1);
    // Everything, when the events were cut off for a while.
    follower.changed([]);
    await settle();
    expect(other.calls).toBe(2);
    unsubscribe.forEach((off) => off());
    follower.dispose();
  });
});
