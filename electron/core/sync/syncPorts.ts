import type { RecordChange } from '../../common/contract';
import type { SyncBody } from './syncDocs';

export type { SyncBody } from './syncDocs';

/** The workspace as sync documents: read what changed, write what came (workspaceMirror.ts). */
export interface MirrorPort {
  idsOf(changes: readonly RecordChange[]): string[];
  read(ids: readonly string[]): Promise<Map<string, SyncBody | null>>;
  allDocs(): AsyncIterable<{ id: string; body: SyncBody }>;
  /** Why a document from elsewhere cannot be written here (not Dossier's, not valid), or null. */
  check(id: string, body: unknown): string | null;
  apply(docs: { id: string; body: SyncBody | null }[]): Promise<RecordChange[]>;
  /** Documents applied that wait for what they belong to (kept across restarts by the service). */
  pending(): string[];
  sameBody(a: SyncBody | null, b: SyncBody | null): boolean;
  /**
   * Concurrent versions of a document (the winner first) merged where a merge is sure, with their
   * common ancestor when the replica still holds it (syncMerge.ts); null: a conflict for the analyst.
   */
  merge(id: string, ancestor: SyncBody | null, versions: readonly SyncBody[]): SyncBody | null;
  /**
   * What a list document the workspace reads no longer is (its last item removed) holds instead of
   * a deletion, while what it belongs to is still here; null when it is truly gone (syncMerge.emptyListBody).
   */
  emptied(id: string): Promise<SyncBody | null>;
}
