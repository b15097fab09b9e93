import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { chartSvg, type SvgNode } from './chartSvg';

const colours = { person: '#b4461f', organization: '#1f6fb4', place: '#2f8a4c', event: '#8a4fc9', agreement: '#b08300', other: '#6b7380' };
const india: SvgNode = { id: 'e1', label: 'India', type: 'place', x: 0, y: 0, size: 30, pinned: true };
const quad: SvgNode = { id: 'e2', label: 'Quad <"&">', type: 'organization', x: 200, y: 100, size: 30, pinned: false };

describe('chartSvg', () => {
  it('draws every node with its label and shape, and every edge with its label and arrow', () => {
    const svg = chartSvg([india, quad], [{ source: 'e1', target: 'e2', label: 'partner in', flagged: false }], colours, 'Link chart');
    const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
    expect(doc.querySelector('parsererror')).toBeNull();
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual(['partner in', 'India', 'Quad <"&">']);
    // A place is a diamond, an organisation a rounded square; the pinned one has a heavy outline.
    expect(doc.querySelector('polygon')?.getAttribute('fill')).toBe('#2f8a4c');
    expect(doc.querySelector('polygon')?.getAttribute('stroke-width')).toBe('3');
    expect(doc.querySelector('rect[rx]')?.getAttribute('fill')).toBe('#1f6fb4');
    const line = doc.querySelector('line')!;
    expect(line.getAttribute('marker-end')).toBe('url(#arrow)');
    // The arrow stops at the target's edge, not its centre.
    expect(Number(line.getAttribute('x2'))).toBeLessThan(200);
    expect(Number(line.getAttribute('x2'))).toBeGreaterThan(180);
  });

  it('draws a relationship without evidence dashed and red, and skips edges to nodes not drawn', () => {
    const svg = chartSvg([india, quad], [{ source: 'e1', target: 'e2', label: 'meets', flagged: true }, { source: 'e1', target: 'gone', label: 'x', flagged: false }], colours, 't');
    const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
    const lines = doc.querySelectorAll('line');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.getAttribute('stroke-dasharray')).toBe('6 4');
    expect(lines[0]!.getAttribute('marker-end')).toBe('url(#arrow-flagged)');
  });

  it('frames every node: the view box holds all positions, negative ones included', () => {
    const far: SvgNode = { ...quad, id: 'e3', x: -500, y: -300 };
    const svg = chartSvg([india, far], [], colours, 't');
    const [x, y, w, h] = /viewBox="([^"]+)"/.exec(svg)![1]!.split(' ').map(Number) as [number, number, number, number];
    expect(x).toBeLessThan(-500);
    expect(y).toBeLessThan(-300);
    expect(x + w).toBeGreaterThan(0);
    expect(y + h).toBeGreaterThan(0);
  });
});
