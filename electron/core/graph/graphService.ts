import type { RecordChange } from '../../common/contract';
import { DossierError, phrase } from '../../common/errors';
import type { ExportedFile } from '../../common/model/brief';
import { GRAPH_POSITIONS_RECORD, type GraphData, type GraphExportFormat, type GraphFilter, type GraphHidden, type GraphPosition } from '../../common/model/graph';
import { overviewOf } from '../../common/model/graphOverview';
import type { Evidence } from '../../common/model/relation';
import { ENTITIES } from '../entities/entityDocuments';
import type { ChangeLog } from '../history/changeLog';
import { RELATIONS } from '../relations/relationDocuments';
import type { WorkspaceStore } from '../store/workspaceStore';
import { assembleGraph, pinnedBySurvivor, selectEdges, survivorOf, type GraphSources } from './buildGraph';
import { GRAPH } from './graphDocuments';
import { PlacedHighlights } from './placedHighlights';
import { exportGraph } from './graphExport';

/**
 * The link chart: entities as nodes, relationships as edges, read straight from entities.json and
 * relations.json (not through RelationService.list, which builds a full view of every passage of
 * evidence); pinned positions in graph.json.
 */
export class GraphService {
  private readonly placed: PlacedHighlights;

  constructor(
    private readonly store: WorkspaceStore,
    private readonly changes: ChangeLog,
  ) {
    this.placed = new PlacedHighlights(store);
  }

  async data(filter: GraphFilter): Promise<GraphData> {
    const sources = await this.sources();
    if (filter.focus) {
      const focus = survivorOf(sources.mergedInto)(filter.focus.entityId);
      if (!sources.entities.some((e) => e.id === focus)) throw new DossierError('not-found', phrase('entity.noId', { id: filter.focus.entityId.slice(0, 60) }));
    }
    const selected = selectEdges(sources, filter);
    const isPlaced = await this.placedEvidence(selected.edges.flatMap((e) => e.relation.evidence));
    return assembleGraph(sources, selected, isPlaced);
  }

  /** The chart's answer: within the filter's `limit` when it has one, saying what was left out. */
  async view(filter: GraphFilter): Promise<GraphData & { hidden: GraphHidden }> {
    const { limit, ...rest } = filter;
    const whole = await this.data(rest);
    if (!limit) return { ...whole, hidden: { nodes: 0, edges: 0 } };
    const focus = whole.nodes.find((n) => n.id === filter.focus?.entityId)?.id;
    const overview = overviewOf(whole, limit.nodes, limit.edges, new Set(focus ? [focus] : []));
    return { ...overview.data, hidden: { nodes: overview.hiddenNodes, edges: overview.hiddenEdges } };
  }

  async export(filter: GraphFilter, format: GraphExportFormat): Promise<ExportedFile[]> {
    return exportGraph(await this.data(filter), format);
  }

  /**
   * Pins (or, with null, unpins) entities by id, an id merged away standing for its survivor;
   * answers how many entities are pinned now.
   */
  async setPositions(positions: Record<string, GraphPosition | null>): Promise<number> {
    const { entities, mergedInto } = await this.store.readWorkspaceDoc(ENTITIES);
    const survivor = survivorOf(mergedInto);
    const known = new Set(entities.map((e) => e.id));
    for (const id of Object.keys(positions)) {
      if (!known.has(survivor(id))) throw new DossierError('not-found', phrase('entity.noId', { id: id.slice(0, 60) }));
    }
    // Not an undo step: where a node sits is a layout preference, and Ctrl+Z after a drag should
    // undo the analyst's last finding, not the drag.
    const doc = await this.store.updateWorkspaceDoc(GRAPH, (draft) => {
      const keysOf = new Map<string, string[]>();
      for (const id of Object.keys(draft.positions)) {
        const list = keysOf.get(survivor(id));
        if (list) list.push(id);
        else keysOf.set(survivor(id), [id]);
      }
      for (const [id, position] of Object.entries(positions)) {
        const to = survivor(id);
        // The survivor's own position replaces those pinned on the entities merged into it.
        for (const key of keysOf.get(to) ?? []) delete draft.positions[key];
        keysOf.delete(to);
        if (position) {
          draft.positions[to] = { x: position.x, y: position.y };
          keysOf.set(to, [to]);
        }
      }
      draft.rev += 1;
      return draft;
    });
    const change: RecordChange = { subject: 'workspace', kind: 'updated', id: GRAPH_POSITIONS_RECORD, articleId: null };
    this.changes.announce([change]);
    return [...pinnedBySurvivor(doc.positions, survivor).keys()].filter((id) => known.has(id)).length;
  }

  private async sources(): Promise<GraphSources> {
    const [entities, relations, graph] = await Promise.all([this.store.readWorkspaceDoc(ENTITIES), this.store.readWorkspaceDoc(RELATIONS), this.store.readWorkspaceDoc(GRAPH)]);
    return { relations: relations.relations, types: relations.types, entities: entities.entities, mergedInto: entities.mergedInto, positions: graph.positions };
  }

  /** Whether each passage still has a place in its article (see PlacedHighlights). */
  private async placedEvidence(evidence: readonly Evidence[]): Promise<(e: Evidence) => boolean> {
    const byArticle = await this.placed.of(evidence.map((e) => e.articleId));
    return (e) => byArticle.get(e.articleId)?.has(e.annotationId) ?? false;
  }

  /** Waits for what is being saved of derived data. */
  close(): Promise<void> {
    return this.placed.close();
  }
}
