import type { StylesheetJson } from 'cytoscape';
import type { EntityType } from '../../../electron/common/model/entityType';

/**
 * Each entity type has a shape as well as a colour, so the chart reads without colour vision and
 * in a greyscale print; the legend names both.
 */
export const TYPE_SHAPES: Record<EntityType, string> = {
  person: 'ellipse',
  organization: 'round-rectangle',
  place: 'diamond',
  event: 'star',
  agreement: 'rectangle',
  other: 'hexagon',
};

const FALLBACK_COLOURS: Record<EntityType, string> = {
  person: '#b4461f',
  organization: '#1f6fb4',
  place: '#2f8a4c',
  event: '#8a4fc9',
  agreement: '#b08300',
  other: '#6b7380',
};

/** The type colours the rest of the app uses (CSS custom properties), read once the page has styles. */
export function typeColours(): Record<EntityType, string> {
  const style = typeof document === 'undefined' ? null : getComputedStyle(document.documentElement);
  const colours = { ...FALLBACK_COLOURS };
  for (const type of Object.keys(colours) as EntityType[]) {
    const value = style?.getPropertyValue(`--type-${type}`).trim();
    if (value) colours[type] = value;
  }
  return colours;
}

/** The chart's own colours, from the theme's variables so the chart follows light and dark. */
export interface ChartTheme {
  ink: string;
  surface: string;
  muted: string;
  line: string;
  flag: string;
  selected: string;
}

const FALLBACK_THEME: ChartTheme = { ink: '#1d2430', surface: '#ffffff', muted: '#4a5361', line: '#8d96a3', flag: '#b3261e', selected: '#0b57d0' };

export function chartTheme(): ChartTheme {
  const style = typeof document === 'undefined' ? null : getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style?.getPropertyValue(name).trim() || fallback;
  return {
    ink: read('--ink', FALLBACK_THEME.ink),
    surface: read('--surface', FALLBACK_THEME.surface),
    muted: read('--muted', FALLBACK_THEME.muted),
    line: read('--axis-line', FALLBACK_THEME.line),
    flag: read('--flag', FALLBACK_THEME.flag),
    selected: read('--accent', FALLBACK_THEME.selected),
  };
}

/**
 * Level of detail: on a large chart, labels appear only when zoomed in far enough to read them and
 * edges are thinner, so a pan redraws thousands of shapes, not thousands of words.
 */
export function chartStyle(colours: Record<EntityType, string>, large: boolean, theme: ChartTheme = FALLBACK_THEME): StylesheetJson {
  const types = Object.keys(colours) as EntityType[];
  return [
    {
      selector: 'node',
      style: {
        // Measuring and drawing thousands of names is most of a large chart's cost: there, only hubs,
        // and the node under the pointer or selected, are named.
        label: large ? '' : 'data(label)',
        width: 'data(size)',
        height: 'data(size)',
        'font-size': 11,
        'font-family': 'system-ui, sans-serif',
        color: theme.ink,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': '160px',
        'text-background-color': theme.surface,
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        'min-zoomed-font-size': large ? 9 : 0,
        // An outline per node is one more shape to draw for each of thousands.
        'border-width': large ? 0 : 1,
        'border-color': theme.surface,
      },
    },
    ...types.map((type) => ({ selector: `node[type = "${type}"]`, style: { 'background-color': colours[type], shape: TYPE_SHAPES[type] as 'ellipse' } })),
    { selector: 'node.hub, node.hover, node:selected, node.focus', style: { label: 'data(label)' } },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-color': theme.ink, 'border-style': 'double' as const } },
    { selector: 'node:selected, node.focus', style: { 'border-width': 3, 'border-color': theme.selected, 'border-style': 'solid' as const } },
    {
      selector: 'edge',
      style: {
        width: large ? 0.8 : 1.5,
        'line-color': theme.line,
        'curve-style': large ? 'haystack' : 'bezier',
        ...(large ? { 'haystack-radius': 0 } : { 'target-arrow-shape': 'triangle', 'target-arrow-color': theme.line, 'arrow-scale': 0.9 }),
        label: large ? '' : 'data(label)',
        'font-size': 9,
        color: theme.muted,
        'text-rotation': 'autorotate',
        'text-background-color': theme.surface,
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': large ? 12 : 7,
      },
    },
    { selector: 'edge.flagged', style: { 'line-style': 'dashed', 'line-color': theme.flag, 'target-arrow-color': theme.flag } },
    { selector: 'edge:selected', style: { label: 'data(label)', 'min-zoomed-font-size': 0, width: 3, 'line-color': theme.selected, 'target-arrow-color': theme.selected, color: theme.selected, 'z-index': 10 } },
  ] as StylesheetJson;
}
