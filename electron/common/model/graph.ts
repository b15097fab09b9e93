import { z } from 'zod';
import { Grading } from './annotation';
import { EntityType } from './entityType';
import { RelationDate, RelationTypeKey } from './relation';

/**
 * The link chart's data: entities as nodes, relationships as edges. One shape for the chart in the
 * renderer and for `dossier graph` (JSON, GraphML, GEXF, CSV), so what the analyst sees is what
 * Gephi, Maltego or i2 reads.
 */

export const GraphPosition = z.object({ x: z.number().finite(), y: z.number().finite() });
export type GraphPosition = z.infer<typeof GraphPosition>;

export const GraphNode = z.object({
  /** The entity's id (after merges: the surviving entity). */
  id: z.string(),
  label: z.string(),
  type: EntityType,
  /** Where the analyst pinned it on the chart; null when the layout places it. */
  position: GraphPosition.nullable(),
});
export type GraphNode = z.infer<typeof GraphNode>;

export const GraphEdge = z.object({
  /** The relationship's id. */
  id: z.string(),
  source: z.string(),
  target: z.string(),
  /** The relationship type's key (`partner-in`) and its label ("partner in"). */
  type: RelationTypeKey,
  label: z.string(),
  /** The relationship's own grading (as an i2 link card carries one). */
  grading: Grading.nullable(),
  start: RelationDate.nullable(),
  end: RelationDate.nullable(),
  /** How many evidence passages support it: the edge's weight in exports. */
  weight: z.number().int().nonnegative(),
  /** Articles its evidence comes from. */
  articleIds: z.array(z.string()),
  /** Every evidence passage is orphaned or deleted. */
  flagged: z.boolean(),
});
export type GraphEdge = z.infer<typeof GraphEdge>;

/**
 * Which part of the graph to show. Every field narrows: edges must pass all given filters, and a
 * node is shown when an edge that passes touches it (or it is the focus).
 */
export const GraphFilter = z.object({
  entityTypes: z.array(EntityType).max(10).optional(),
  relationTypes: z.array(RelationTypeKey).max(200).optional(),
  /** Relationships with evidence in this article. */
  articleId: z.string().min(1).optional(),
  /**
   * At least this grading: source reliability at or above the letter (A best) and information
   * credibility at or above the number (1 best). Ungraded relationships are left out.
   */
  minGrading: Grading.optional(),
  /** Relationships whose time (start..end) overlaps this range; undated ones are left out. */
  from: RelationDate.optional(),
  to: RelationDate.optional(),
  /** Only what is within `hops` relationships of this entity (merges followed). */
  focus: z.object({ entityId: z.string().min(1), hops: z.number().int().min(1).max(6) }).optional(),
  /**
   * At most this many of what passes: the best-connected entities (the focus first) and the
   * strongest relationships between them. The chart opens a large graph this way.
   */
  limit: z.object({ nodes: z.number().int().min(1).max(1_000_000), edges: z.number().int().min(1).max(10_000_000) }).optional(),
});
export type GraphFilter = z.infer<typeof GraphFilter>;

export const GraphData = z.object({
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
});
export type GraphData = z.infer<typeof GraphData>;

/** What a limited answer left out. */
export const GraphHidden = z.object({ nodes: z.number().int().nonnegative(), edges: z.number().int().nonnegative() });
export type GraphHidden = z.infer<typeof GraphHidden>;

export const GRAPH_EXPORT_FORMATS = ['json', 'graphml', 'gexf', 'csv'] as const;
export const GraphExportFormat = z.enum(GRAPH_EXPORT_FORMATS);
export type GraphExportFormat = z.infer<typeof GraphExportFormat>;

/** The change feed's id for pinned chart positions: a workspace setting (subject 'workspace'), like the palette. */
export const GRAPH_POSITIONS_RECORD = 'graph-positions';
