/**
 * Saves that must land before the window goes away: open note editors register a flush here, and
 * the window runs them when it is hidden or closed.
 */
type Flush = () => Promise<void> | null;

const flushes = new Set<Flush>();

export function registerPendingSave(flush: Flush): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

/** Starts every pending save; resolves when all have settled. True when there was something to save. */
export async function flushPendingSaves(): Promise<boolean> {
  const running = [...flushes].map((f) => f()).filter((p): p is Promise<void> => p !== null);
  await Promise.allSettled(running);
  return running.length > 0;
}
