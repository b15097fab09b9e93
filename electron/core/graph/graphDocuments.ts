import { z } from 'zod';
import { GraphPosition } from '../../common/model/graph';
import type { DocumentKind } from '../store/documents';
import { SCHEMA_VERSION } from '../store/schemaFile';

/**
 * graph.json: where the analyst pinned entities on the link chart, by entity id. Kept apart from
 * entities.json because a drag on the chart is a layout preference: saving one must not rewrite
 * (or be undone with) the entities themselves.
 */
export const GraphFile = z.object({
  schemaVersion: z.number().int().positive(),
  kind: z.literal('graph'),
  rev: z.number().int().nonnegative(),
  positions: z.record(z.string().min(1), GraphPosition),
});
export type GraphFile = z.infer<typeof GraphFile>;

export const GRAPH: DocumentKind<GraphFile> = {
  file: 'graph.json',
  kind: 'graph',
  schema: GraphFile,
  // A workspace without the file has nothing pinned: the chart lays every node out.
  empty: () => ({ schemaVersion: SCHEMA_VERSION, kind: 'graph', rev: 0, positions: {} }),
};
