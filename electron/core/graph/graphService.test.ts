import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GraphData, GraphFilter } from '../../common/model/graph';
import { graphFixture, type GraphFixture } from '../testing/graphFixture';
import { rejection } from '../testing/testHelpers';

let w: GraphFixture;

beforeEach(async () => {
  w = await graphFixture();
});

afterEach(async () => {
  await w.close();
});

const data = (filter: GraphFilter = {}) => w.core.api['graph.data'](filter);
/** The relationships shown, by their role in the fixture. */
const shown = (graph: GraphData) => {
  const role = new Map(Object.entries(w.rel).map(([name, id]) => [id, name]));
  return graph.edges.map((e) => role.get(e.id)).sort();
};
const names = (graph: GraphData) => graph.nodes.map((n) => n.label);

describe('graph.data', () => {
  it('makes a node of every entity a relationship touches and an edge of every relationship', async () => {
    const graph = await data();
    expect(names(graph)).toEqual(['India', 'Japan', 'Narendra Modi', 'Quad', 'Rajnath Singh', 'Tokyo']);
    expect(graph.nodes.find((n) => n.label === 'Quad')).toEqual({ id: w.ids.Quad, label: 'Quad', type: 'organization', position: null });
    expect(shown(graph)).toEqual(['indiaQuad', 'japanQuad', 'modiIndia', 'rajnathIndia', 'tokyoJapan']);
    expect(graph.edges.find((e) => e.id === w.rel.japanQuad)).toEqual({
      id: w.rel.japanQuad,
      source: w.ids.Japan,
      target: w.ids.Quad,
      type: 'partner-in',
      label: 'partner in',
      grading: { reliability: 'A', credibility: 1 },
      start: '2019-05',
      end: '2021',
      weight: 2,
      articleIds: [w.articles.A, w.articles.B],
      flagged: false,
    });
  });

  it('leaves out entities no relationship touches', async () => {
    await w.core.api['entities.create']({ name: 'Australia', type: 'place' });
    expect(names(await data())).not.toContain('Australia');
  });

  it('keeps relationships whose two ends both have an allowed entity type', async () => {
    const graph = await data({ entityTypes: ['place', 'organization'] });
    expect(shown(graph)).toEqual(['indiaQuad', 'japanQuad', 'tokyoJapan']);
    expect(names(graph)).toEqual(['India', 'Japan', 'Quad', 'Tokyo']);
    expect(shown(await data({ entityTypes: ['person'] }))).toEqual([]);
  });

  it('keeps relationships of the given types', async () => {
    expect(shown(await data({ relationTypes: ['partner-in', 'leads'] }))).toEqual(['indiaQuad', 'japanQuad', 'modiIndia']);
  });

  it('keeps relationships with evidence in the article', async () => {
    expect(shown(await data({ articleId: w.articles.B }))).toEqual(['japanQuad', 'rajnathIndia']);
  });

  it('keeps relationships graded at least as well on both scales, and never ungraded ones', async () => {
    expect(shown(await data({ minGrading: { reliability: 'B', credibility: 2 } }))).toEqual(['indiaQuad', 'japanQuad']);
    expect(shown(await data({ minGrading: { reliability: 'A', credibility: 2 } }))).toEqual(['japanQuad']);
    // C3 is better than D4 on both; B2 and A1 too; F6 is worse on both.
    expect(shown(await data({ minGrading: { reliability: 'D', credibility: 4 } }))).toEqual(['indiaQuad', 'japanQuad', 'modiIndia']);
    expect(shown(await data({ minGrading: { reliability: 'F', credibility: 6 } }))).not.toContain('rajnathIndia');
  });

  it('keeps relationships whose time overlaps the range, a date standing for its whole year or month', async () => {
    // japanQuad ended in 2021, tokyoJapan in March 2018; the others have no end; modiIndia has no date.
    expect(shown(await data({ from: '2022' }))).toEqual(['indiaQuad', 'rajnathIndia']);
    expect(shown(await data({ from: '2021-12-31' }))).toEqual(['indiaQuad', 'japanQuad', 'rajnathIndia']);
    // rajnathIndia started "2019", which includes April 2019; japanQuad only in May.
    expect(shown(await data({ to: '2019-04' }))).toEqual(['rajnathIndia', 'tokyoJapan']);
    expect(shown(await data({ from: '2018-03-31', to: '2018-04' }))).toEqual(['tokyoJapan']);
    expect(shown(await data({ from: '2018-04', to: '2018-12' }))).toEqual([]);
    expect(shown(await data({ from: '1900', to: '2100' }))).not.toContain('modiIndia');
  });

  it('combines filters: every given one must pass', async () => {
    expect(shown(await data({ relationTypes: ['partner-in'], articleId: w.articles.B }))).toEqual(['japanQuad']);
  });

  it('shows what is within N hops of the focus entity, with the edges among what is reached', async () => {
    const one = await data({ focus: { entityId: w.ids['Rajnath Singh'], hops: 1 } });
    expect(shown(one)).toEqual(['rajnathIndia']);
    expect(names(one)).toEqual(['India', 'Rajnath Singh']);
    expect(shown(await data({ focus: { entityId: w.ids['Rajnath Singh'], hops: 2 } }))).toEqual(['indiaQuad', 'modiIndia', 'rajnathIndia']);
    // Three hops reach Japan through the Quad, and with it the edge Japan—Quad.
    expect(shown(await data({ focus: { entityId: w.ids['Rajnath Singh'], hops: 3 } }))).toEqual(['indiaQuad', 'japanQuad', 'modiIndia', 'rajnathIndia']);
  });

  it('walks only the edges that pass the other filters, and always shows the focus', async () => {
    const graph = await data({ focus: { entityId: w.ids.India, hops: 3 }, relationTypes: ['leads', 'meets'] });
    expect(shown(graph)).toEqual(['modiIndia']);
    const alone = await data({ focus: { entityId: w.ids.Tokyo, hops: 2 }, articleId: w.articles.B });
    expect(alone).toEqual({ nodes: [{ id: w.ids.Tokyo, label: 'Tokyo', type: 'place', position: null }], edges: [], hidden: { nodes: 0, edges: 0 } });
    expect((await rejection(data({ focus: { entityId: 'ent_nobody', hops: 1 } }))).message).toBe('No entity with id ent_nobody in this workspace.');
  });

  it('follows merges: an entity merged away is drawn as the one it was merged into', async () => {
    const bharat = (await w.core.api['entities.create']({ name: 'Bharat', type: 'place' })).entity.id;
    const { relation } = await w.core.api['relations.create']({ from: bharat, to: 'Tokyo', type: 'meets', evidence: [{ articleId: w.articles.A, quote: 'Tokyo hosts' }] });
    await w.core.api['entities.merge']({ sourceId: bharat, targetId: w.ids.India });
    const graph = await data();
    expect(names(graph)).not.toContain('Bharat');
    expect(graph.edges.find((e) => e.id === relation.id)).toMatchObject({ source: w.ids.India, target: w.ids.Tokyo });
    // The merged-away id still names the survivor as a focus.
    const focused = await data({ focus: { entityId: bharat, hops: 1 } });
    expect(names(focused)).toEqual(['India', 'Narendra Modi', 'Quad', 'Rajnath Singh', 'Tokyo']);
    expect(shown(focused)).toContain('indiaQuad');
  });

  it('flags a relationship once none of its passages has a place in its article, as the relationship list does', async () => {
    const { relations } = await w.core.api['relations.list']({});
    const modi = relations.find((r) => r.id === w.rel.modiIndia)!;
    await w.core.api['annotations.delete']({ articleId: w.articles.A, id: modi.evidence[0]!.annotationId });
    const graph = await data();
    expect(graph.edges.find((e) => e.id === w.rel.modiIndia)).toMatchObject({ flagged: true, weight: 1 });
    const listed = (await w.core.api['relations.list']({})).relations;
    for (const edge of graph.edges) expect(edge.flagged).toBe(listed.find((r) => r.id === edge.id)!.flagged);
  });
});

describe('graph.data with a limit', () => {
  it('answers with the best-connected entities and says how much it left out', async () => {
    const whole = await data();
    expect(whole.hidden).toEqual({ nodes: 0, edges: 0 });
    const limited = await data({ limit: { nodes: 3, edges: 10 } });
    expect(limited.nodes).toHaveLength(3);
    // India and Japan are joined to the most; both are kept.
    expect(names(limited)).toEqual(expect.arrayContaining(['India', 'Japan']));
    for (const e of limited.edges) expect(limited.nodes.some((n) => n.id === e.source) && limited.nodes.some((n) => n.id === e.target)).toBe(true);
    expect(limited.hidden).toEqual({ nodes: whole.nodes.length - 3, edges: whole.edges.length - limited.edges.length });
  });
});
