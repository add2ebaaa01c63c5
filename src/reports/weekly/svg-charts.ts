/**
 * Charts as standalone SVG strings, drawn server-side: no script, no external font or URL, every text
 * XML-escaped. They can be inlined in an HTML page or served as `image/svg+xml`.
 */

export interface ChartPoint {
  label: string;
  value: number | null;
}

export interface BarChartOptions {
  title: string;
  unit?: string;
  /** The value of a full bar; defaults to the largest value. */
  max?: number;
  width?: number;
  /** Decimals of the printed values; by default integers as they are and other numbers with one. */
  decimals?: number;
}

export interface LineChartOptions {
  title: string;
  unit?: string;
  /** The bottom of the y axis; defaults to 0, or the smallest value when it is negative. */
  min?: number;
  /** The top of the y axis; defaults to the largest value. */
  max?: number;
  width?: number;
  height?: number;
  /** Decimals of the printed values; by default integers as they are and other numbers with one. */
  decimals?: number;
}

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const FONT_FAMILY = 'sans-serif';
const FONT_SIZE = 12;
const TITLE_FONT_SIZE = 14;
const SMALL_FONT_SIZE = 10;
const TITLE_HEIGHT = 28;
const PADDING = 8;
const NO_VALUE = '—';

const COLOR = {
  text: '#1a202c',
  muted: '#718096',
  bar: '#2b6cb0',
  track: '#edf2f7',
  grid: '#e2e8f0',
  axis: '#a0aec0',
  line: '#c05621',
};

const BAR = {
  defaultWidth: 640,
  rowHeight: 24,
  barHeight: 14,
  /** The label column takes at most this share of the width. */
  maxLabelShare: 0.4,
  /** Room right of the longest bar for its value. */
  valueWidth: 64,
  gap: 8,
};

const LINE = {
  defaultWidth: 640,
  defaultHeight: 260,
  marginLeft: 48,
  marginRight: 16,
  marginBottom: 36,
  gridIntervals: 4,
  dotRadius: 3,
  valueOffset: 7,
};

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for XML content and double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

/** A coordinate with at most one decimal, to keep the markup short. */
function px(n: number): string {
  return String(Math.round(n * 10) / 10);
}

interface ValueFormat {
  unit?: string;
  decimals?: number;
}

/** `91.3 %`, `12 件`, `7`: with `decimals` if given, else integers as they are and other numbers with one decimal. */
function formatValue(value: number | null, { unit, decimals }: ValueFormat): string {
  if (value === null) return NO_VALUE;
  const text =
    decimals !== undefined ? value.toFixed(decimals) : Number.isInteger(value) ? String(value) : value.toFixed(1);
  return unit ? `${text} ${unit}` : text;
}

/** A rough width of `text` at `fontSize`: CJK and other wide characters take a full em, the rest about half. */
function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += (char.codePointAt(0) ?? 0) > 0x2e7f ? 1 : 0.6;
  return ems * fontSize;
}

/** `text` cut with an ellipsis so that it fits `maxWidth`. */
function fitText(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, fontSize) > maxWidth) chars.pop();
  return `${chars.join('')}…`;
}

type Attributes = Record<string, string | number>;

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

function text(content: string, attrs: Attributes): string {
  return `<text${attributes(attrs)}>${escapeXml(content)}</text>`;
}

/** `text` with a tooltip holding `full` when it was shortened. */
function labelText(shown: string, full: string, attrs: Attributes): string {
  if (shown === full) return text(shown, attrs);
  return `<text${attributes(attrs)}><title>${escapeXml(full)}</title>${escapeXml(shown)}</text>`;
}

function svgDocument(title: string, width: number, height: number, body: string[]): string {
  const root = attributes({
    xmlns: SVG_NAMESPACE,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': title,
    'font-family': FONT_FAMILY,
    'font-size': FONT_SIZE,
  });
  const heading = text(title, {
    x: PADDING,
    y: TITLE_FONT_SIZE + PADDING / 2,
    'font-size': TITLE_FONT_SIZE,
    'font-weight': 'bold',
    fill: COLOR.text,
  });
  return [`<svg${root}>`, `<title>${escapeXml(title)}</title>`, heading, ...body, '</svg>'].join('\n');
}

function largestValue(points: ChartPoint[]): number | null {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  return values.length > 0 ? Math.max(...values) : null;
}

function smallestValue(points: ChartPoint[]): number | null {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  return values.length > 0 ? Math.min(...values) : null;
}

/** Horizontal bars, labels on the left, each value at the end of its bar; a null value is an empty bar with `—`. */
export function barChart(rows: ChartPoint[], options: BarChartOptions): string {
  const width = options.width ?? BAR.defaultWidth;
  const max = positiveOr(options.max ?? largestValue(rows), 1);
  const longestLabel = Math.max(0, ...rows.map((r) => textWidth(r.label, FONT_SIZE)));
  const labelWidth = Math.min(longestLabel, width * BAR.maxLabelShare);
  const trackX = PADDING + labelWidth + BAR.gap;
  const trackWidth = Math.max(width - trackX - BAR.valueWidth - PADDING, 1);
  const height = TITLE_HEIGHT + Math.max(rows.length, 1) * BAR.rowHeight + PADDING;

  const body = rows.map((row, index) => {
    const top = TITLE_HEIGHT + index * BAR.rowHeight;
    return barRow(row, { top, labelWidth, trackX, trackWidth, max, format: options });
  });
  if (rows.length === 0) body.push(text(NO_VALUE, { x: PADDING, y: TITLE_HEIGHT + FONT_SIZE, fill: COLOR.muted }));
  return svgDocument(options.title, width, height, body);
}

interface BarLayout {
  top: number;
  labelWidth: number;
  trackX: number;
  trackWidth: number;
  max: number;
  format: ValueFormat;
}

function barRow(row: ChartPoint, layout: BarLayout): string {
  const { top, labelWidth, trackX, trackWidth, max, format } = layout;
  const barY = top + (BAR.rowHeight - BAR.barHeight) / 2;
  const baseline = top + BAR.rowHeight / 2 + FONT_SIZE / 3;
  const share = row.value === null ? 0 : clamp(row.value / max, 0, 1);
  const barWidth = share * trackWidth;
  const parts = [
    labelText(fitText(row.label, labelWidth, FONT_SIZE), row.label, {
      x: PADDING + labelWidth,
      y: px(baseline),
      'text-anchor': 'end',
      fill: COLOR.text,
    }),
    rect(trackX, barY, trackWidth, BAR.barHeight, COLOR.track),
  ];
  if (barWidth > 0) parts.push(rect(trackX, barY, barWidth, BAR.barHeight, COLOR.bar));
  parts.push(
    text(formatValue(row.value, format), {
      x: px(trackX + barWidth + BAR.gap / 2),
      y: px(baseline),
      fill: row.value === null ? COLOR.muted : COLOR.text,
    }),
  );
  return `<g>${parts.join('')}</g>`;
}

function rect(x: number, y: number, width: number, height: number, fill: string): string {
  return `<rect${attributes({ x: px(x), y: px(y), width: px(width), height: px(height), fill })}/>`;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

function positiveOr(value: number | null, fallback: number): number {
  return value !== null && value > 0 ? value : fallback;
}

interface Plot {
  left: number;
  top: number;
  width: number;
  height: number;
  min: number;
  max: number;
  band: number;
}

/** A line with a dot and a value label at each point, the x label under each point, a gap at each null value. */
export function lineChart(points: ChartPoint[], options: LineChartOptions): string {
  const width = options.width ?? LINE.defaultWidth;
  const height = options.height ?? LINE.defaultHeight;
  const min = options.min ?? Math.min(0, smallestValue(points) ?? 0);
  const top = options.max ?? largestValue(points) ?? min + 1;
  const max = top > min ? top : min + 1;
  const plotWidth = Math.max(width - LINE.marginLeft - LINE.marginRight, 1);
  const plot: Plot = {
    left: LINE.marginLeft,
    top: TITLE_HEIGHT + PADDING,
    width: plotWidth,
    height: Math.max(height - TITLE_HEIGHT - PADDING - LINE.marginBottom, 1),
    min,
    max,
    band: plotWidth / Math.max(points.length, 1),
  };
  const body = [
    ...gridLines(plot, options.unit),
    ...xLabels(points, plot),
    ...linePath(points, plot),
    ...points.map((point, index) => dot(point, index, plot, options)),
  ];
  return svgDocument(options.title, width, height, body);
}

function xOf(index: number, plot: Plot): number {
  return plot.left + (index + 0.5) * plot.band;
}

function yOf(value: number, plot: Plot): number {
  const share = clamp((value - plot.min) / (plot.max - plot.min), 0, 1);
  return plot.top + plot.height * (1 - share);
}

function gridLines(plot: Plot, unit: string | undefined): string[] {
  const lines: string[] = [];
  for (let i = 0; i <= LINE.gridIntervals; i++) {
    const value = plot.min + ((plot.max - plot.min) * i) / LINE.gridIntervals;
    const y = px(yOf(value, plot));
    const stroke = i === 0 ? COLOR.axis : COLOR.grid;
    lines.push(`<line${attributes({ x1: plot.left, y1: y, x2: px(plot.left + plot.width), y2: y, stroke })}/>`);
    lines.push(
      text(formatValue(roundTick(value), { unit }), {
        x: plot.left - 4,
        y: px(yOf(value, plot) + SMALL_FONT_SIZE / 3),
        'text-anchor': 'end',
        'font-size': SMALL_FONT_SIZE,
        fill: COLOR.muted,
      }),
    );
  }
  return lines;
}

function roundTick(value: number): number {
  return Math.round(value * 10) / 10;
}

function xLabels(points: ChartPoint[], plot: Plot): string[] {
  const baseline = plot.top + plot.height + SMALL_FONT_SIZE + 6;
  return points.map((point, index) =>
    labelText(fitText(point.label, plot.band - 2, SMALL_FONT_SIZE), point.label, {
      x: px(xOf(index, plot)),
      y: px(baseline),
      'text-anchor': 'middle',
      'font-size': SMALL_FONT_SIZE,
      fill: COLOR.text,
    }),
  );
}

/** One path with a sub-path for each run of consecutive values; nothing when no point has a value. */
function linePath(points: ChartPoint[], plot: Plot): string[] {
  const commands: string[] = [];
  let inRun = false;
  points.forEach((point, index) => {
    if (point.value === null) {
      inRun = false;
      return;
    }
    commands.push(`${inRun ? 'L' : 'M'}${px(xOf(index, plot))} ${px(yOf(point.value, plot))}`);
    inRun = true;
  });
  if (commands.length === 0) return [];
  return [`<path${attributes({ d: commands.join(' '), fill: 'none', stroke: COLOR.line, 'stroke-width': 2 })}/>`];
}

function dot(point: ChartPoint, index: number, plot: Plot, format: ValueFormat): string {
  const x = px(xOf(index, plot));
  if (point.value === null) {
    const y = px(plot.top + plot.height - LINE.valueOffset);
    return text(NO_VALUE, { x, y, 'text-anchor': 'middle', 'font-size': SMALL_FONT_SIZE, fill: COLOR.muted });
  }
  const y = yOf(point.value, plot);
  const circle = `<circle${attributes({ cx: x, cy: px(y), r: LINE.dotRadius, fill: COLOR.line })}/>`;
  const label = text(formatValue(point.value, format), {
    x,
    y: px(y - LINE.valueOffset),
    'text-anchor': 'middle',
    'font-size': SMALL_FONT_SIZE,
    fill: COLOR.text,
  });
  return `<g>${circle}${label}</g>`;
}
