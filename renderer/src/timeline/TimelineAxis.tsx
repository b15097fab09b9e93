import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TimelineEntry } from '../../../electron/common/model/timeline';
import { formatEventDate } from './eventDates';
import { coverage, extentOf, fitLabel, panSpan, ticks, zoomSpan, type Span } from './timeAxis';
import { useDates } from '../ui/formatDate';
import { useTranslation } from 'react-i18next';
import { countOf } from '../i18n/i18n';

interface Props {
  events: readonly TimelineEntry[];
  onOpen(event: TimelineEntry): void;
}

const HEIGHT = 100;
const AXIS_Y = 72;
const LANE = 16;
const LANES = 4;

/**
 * The timeline as a zoomable axis, from centuries to days: wheel or +/- to zoom around a moment,
 * drag or arrow keys to move, 0 to see everything. An event known to the day is a dot, one known
 * to the month or year a bar across it, so a vague date never looks precise. Clicking one opens its
 * passage. The one place that draws the axis: a charting library could replace it alone.
 */
export function TimelineAxis({ events, onOpen }: Props) {
  const { t } = useTranslation();
  const svg = useRef<SVGSVGElement>(null);
  const dates = useDates();
  const [width, setWidth] = useState(800);
  const extent = useMemo(() => extentOf(events), [events]);
  const [span, setSpan] = useState<Span | null>(extent);
  const [shownFor, setShownFor] = useState(extent);
  // New events (a filter, a confirmation) frame the axis anew.
  if (shownFor !== extent) {
    setShownFor(extent);
    setSpan(extent);
  }
  const drag = useRef<{ x: number; span: Span; moved: boolean } | null>(null);
  // The svg is drawn only while there are events: the listeners attach when it appears.
  const drawn = extent !== null;

  useLayoutEffect(() => {
    const element = svg.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(200, entry!.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [drawn]);

  // A wheel zooms the axis, not the page: that needs a listener that may prevent the default.
  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const box = element.getBoundingClientRect();
      setSpan((s) => s && zoomSpan(s, Math.exp(-e.deltaY / 300), s.start + ((e.clientX - box.left) / box.width) * (s.end - s.start)));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [drawn]);

  if (!extent || !span) return null;
  const x = (at: number) => ((at - span.start) / (span.end - span.start)) * width;
  const axis = ticks(span, width, dates.choice);
  const marks = placeMarks(events, span, width, x);
  // The axis counts in UTC days: the calendar day at each end, in the app's date format.
  const from = dates.date(new Date(span.start).toISOString().slice(0, 10));
  const to = dates.date(new Date(span.end).toISOString().slice(0, 10));

  const onKeyDown = (e: React.KeyboardEvent) => {
    const third = (span.end - span.start) / 6;
    if (e.key === '+' || e.key === '=') setSpan(zoomSpan(span, 1.5));
    else if (e.key === '-') setSpan(zoomSpan(span, 1 / 1.5));
    else if (e.key === 'ArrowLeft') setSpan(panSpan(span, -third));
    else if (e.key === 'ArrowRight') setSpan(panSpan(span, third));
    else if (e.key === '0') setSpan(extent);
    else return;
    e.preventDefault();
  };

  return (
    <div className="timeline-axis">
      <div className="axis-toolbar" role="toolbar" aria-label={t('timeline:timelineAxis')}>
        <button type="button" onClick={() => setSpan(zoomSpan(span, 1.5))} aria-label={t('timeline:zoomIn')}>
          +
        </button>
        <button type="button" onClick={() => setSpan(zoomSpan(span, 1 / 1.5))} aria-label={t('timeline:zoomOut')}>
          −
        </button>
        <button type="button" onClick={() => setSpan(extent)}>
          {t('timeline:showAll')}
        </button>
        <span className="muted small" data-testid="axis-unit">
          {t('timeline:to', { value: axis.unit === 'decade' ? 'Decades' : axis.unit === 'year' ? 'Years' : axis.unit === 'month' ? 'Months' : 'Days', from, to })}
        </span>
      </div>
      <svg
        ref={svg}
        className="axis-chart"
        height={HEIGHT}
        width="100%"
        role="img"
        tabIndex={0}
        aria-label={t('timeline:timelineAxisFromToIn', { from, to, countOf: countOf(marks.length, 'event') })}
        onKeyDown={onKeyDown}
        onPointerDown={(e) => {
          drag.current = { x: e.clientX, span, moved: false };
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (!d) return;
          const dx = e.clientX - d.x;
          if (Math.abs(dx) > 3) d.moved = true;
          if (d.moved) setSpan(panSpan(d.span, (-dx / width) * (d.span.end - d.span.start)));
        }}
        onPointerUp={() => {
          // A drag ends after the click it started would fire: keep it a drag.
          setTimeout(() => (drag.current = null), 0);
        }}
      >
        <line x1={0} x2={width} y1={AXIS_Y} y2={AXIS_Y} className="axis-line" />
        {axis.ticks.map((t) => (
          <g key={t.at} transform={`translate(${x(t.at)},${AXIS_Y})`} className="axis-tick">
            <line y1={0} y2={6} />
            <text y={20} textAnchor="middle">
              {t.label}
            </text>
          </g>
        ))}
        {marks.map(({ event, x0, x1, lane, room }) => {
          const y = AXIS_Y - 12 - lane * LANE;
          const title = `${formatEventDate(event.date, event.precision, undefined, dates.choice)}: ${event.label}`;
          const open = () => {
            if (!drag.current?.moved) onOpen(event);
          };
          return (
            <g key={event.id} className={`axis-event precision-${event.precision}`} onClick={open} data-date={event.date}>
              <title>{title}</title>
              {x1 - x0 >= 8 ? <rect x={x0} y={y - 5} width={x1 - x0} height={10} rx={3} /> : <circle cx={(x0 + x1) / 2} cy={y} r={5.5} />}
              {room >= MIN_LABEL && (
                <text x={(x1 - x0 >= 8 ? x1 : (x0 + x1) / 2 + 6) + 4} y={y + 4} className="axis-label">
                  {fitLabel(event.label, room)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** Width (px) a label needs to say anything useful; narrower, the mark keeps only its tooltip. */
const MIN_LABEL = 60;
/**
 * Events in view, each in the lowest lane where it overlaps nothing (the rest share the top lane),
 * and how much room each has for its label before the next mark of its lane.
 */
function placeMarks(events: readonly TimelineEntry[], span: Span, width: number, x: (at: number) => number) {
  const laneEnds: number[] = Array.from({ length: LANES }, () => -Infinity);
  const marks: { event: TimelineEntry; x0: number; x1: number; lane: number; room: number }[] = [];
  const inView = events
    .map((event) => ({ event, c: coverage(event.date, event.precision) }))
    .filter(({ c }) => c.end >= span.start && c.start <= span.end)
    .sort((a, b) => a.c.start - b.c.start);
  for (const { event, c } of inView) {
    const x0 = Math.max(-10, x(c.start));
    const x1 = Math.min(width + 10, x(c.end));
    const left = x1 - x0 >= 8 ? x0 : (x0 + x1) / 2 - 6;
    let lane = laneEnds.findIndex((end) => end < left);
    if (lane === -1) lane = LANES - 1;
    laneEnds[lane] = Math.max(x1, left + 12);
    marks.push({ event, x0, x1, lane, room: 0 });
  }
  const lastInLane = new Map<number, (typeof marks)[number]>();
  for (const mark of marks) {
    const before = lastInLane.get(mark.lane);
    if (before) before.room = mark.x0 - before.x1 - 14;
    lastInLane.set(mark.lane, mark);
  }
  for (const mark of lastInLane.values()) mark.room = width - mark.x1 - 14;
  return marks;
}
