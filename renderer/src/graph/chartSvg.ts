import type { EntityType } from '../../../electron/common/model/entityType';
import { TYPE_SHAPES } from './chartStyle';

export interface SvgNode {
  id: string;
  label: string;
  type: EntityType;
  x: number;
  y: number;
  size: number;
  pinned: boolean;
}
export interface SvgEdge {
  source: string;
  target: string;
  label: string;
  flagged: boolean;
}

const MARGIN = 40;

/**
 * The chart as a standalone SVG, drawn from the laid-out positions rather than traced from the
 * canvas: text stays text (searchable, sharp at any size) and nothing depends on the renderer.
 */
export function chartSvg(nodes: readonly SvgNode[], edges: readonly SvgEdge[], colours: Record<EntityType, string>, title: string): string {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const xs = nodes.flatMap((n) => [n.x - n.size, n.x + n.size]);
  const ys = nodes.flatMap((n) => [n.y - n.size, n.y + n.size + 16]);
  const minX = Math.min(0, ...xs) - MARGIN;
  const minY = Math.min(0, ...ys) - MARGIN;
  const width = Math.max(0, ...xs) - minX + MARGIN;
  const height = Math.max(0, ...ys) - minY + MARGIN;
  const lines = edges.flatMap((edge) => {
    const from = byId.get(edge.source);
    const to = byId.get(edge.target);
    if (!from || !to) return [];
    const end = shorten(from, to, to.size / 2 + 2);
    const colour = edge.flagged ? '#b3261e' : '#8d96a3';
    const dash = edge.flagged ? ' stroke-dasharray="6 4"' : '';
    const mid = { x: (from.x + end.x) / 2, y: (from.y + end.y) / 2 };
    return [
      `<line x1="${num(from.x)}" y1="${num(from.y)}" x2="${num(end.x)}" y2="${num(end.y)}" stroke="${colour}" stroke-width="1.5"${dash} marker-end="url(#${edge.flagged ? 'arrow-flagged' : 'arrow'})"/>`,
      `<text x="${num(mid.x)}" y="${num(mid.y - 3)}" font-size="9" fill="#4a5361" text-anchor="middle">${escapeXml(edge.label)}</text>`,
    ];
  });
  const shapes = nodes.flatMap((node) => [
    shape(node, colours[node.type]),
    `<text x="${num(node.x)}" y="${num(node.y + node.size / 2 + 13)}" font-size="11" fill="#1d2430" text-anchor="middle">${escapeXml(node.label)}</text>`,
  ]);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(minX)} ${num(minY)} ${num(width)} ${num(height)}" width="${num(width)}" height="${num(height)}" font-family="system-ui, sans-serif">`,
    `<title>${escapeXml(title)}</title>`,
    '<defs>',
    '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#8d96a3"/></marker>',
    '<marker id="arrow-flagged" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#b3261e"/></marker>',
    '</defs>',
    `<rect x="${num(minX)}" y="${num(minY)}" width="${num(width)}" height="${num(height)}" fill="#ffffff"/>`,
    '<g class="edges">',
    ...lines,
    '</g>',
    '<g class="nodes">',
    ...shapes,
    '</g>',
    '</svg>',
  ].join('\n');
}

function shape(node: SvgNode, fill: string): string {
  const r = node.size / 2;
  const stroke = node.pinned ? ' stroke="#1d2430" stroke-width="3"' : ' stroke="#ffffff" stroke-width="1"';
  const attrs = `fill="${escapeXml(fill)}"${stroke}`;
  const { x, y } = node;
  switch (TYPE_SHAPES[node.type]) {
    case 'ellipse':
      return `<circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}" ${attrs}/>`;
    case 'round-rectangle':
      return `<rect x="${num(x - r)}" y="${num(y - r)}" width="${num(2 * r)}" height="${num(2 * r)}" rx="${num(r / 3)}" ${attrs}/>`;
    case 'rectangle':
      return `<rect x="${num(x - r)}" y="${num(y - r)}" width="${num(2 * r)}" height="${num(2 * r)}" ${attrs}/>`;
    case 'diamond':
      return polygon([[x, y - r], [x + r, y], [x, y + r], [x - r, y]], attrs);
    case 'star':
      return polygon(
        Array.from({ length: 10 }, (_, i) => {
          const radius = i % 2 === 0 ? r : r * 0.45;
          const angle = -Math.PI / 2 + (i * Math.PI) / 5;
          return [x + radius * Math.cos(angle), y + radius * Math.sin(angle)] as [number, number];
        }),
        attrs,
      );
    default:
      return polygon(
        Array.from({ length: 6 }, (_, i) => [x + r * Math.cos((i * Math.PI) / 3), y + r * Math.sin((i * Math.PI) / 3)] as [number, number]),
        attrs,
      );
  }
}

function polygon(points: readonly (readonly [number, number])[], attrs: string): string {
  return `<polygon points="${points.map(([px, py]) => `${num(px)},${num(py)}`).join(' ')}" ${attrs}/>`;
}

/** The point `gap` short of `to` on the line from `from`, so arrowheads touch the node's edge. */
function shorten(from: { x: number; y: number }, to: { x: number; y: number }, gap: number): { x: number; y: number } {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  if (length <= gap) return to;
  return { x: to.x - (dx / length) * gap, y: to.y - (dy / length) * gap };
}

function num(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 10) / 10) : '0';
}

export function escapeXml(text: string): string {
  // Characters XML 1.0 forbids outright are dropped; the five specials are escaped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
