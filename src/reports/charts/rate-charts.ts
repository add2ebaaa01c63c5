import type { EChartsOption } from 'echarts';

/*
 * The ECharts options of the rate charts, shared by the web app (drawn on canvas in the browser)
 * and the server (drawn as SVG for the printable weekly report), so that both show the same
 * series in the same colours. Only types come from echarts here: the web app and the server each
 * load their own build of it.
 */

export type ChartOption = EChartsOption;

/** The dashboards' colours: the app's red first, then sober blues, gold and green. */
export const CHART_COLORS = ['#c0392b', '#2f5597', '#ad6800', '#389e0d', '#7f8c8d'];

/** One bar or point: a rate in percent (null when nothing was counted) and what it was computed from. */
export interface RatePoint {
  label: string;
  ratePercent: number | null;
  /** e.g. `116 / 127`, shown in the tooltip. */
  detail: string;
}

export interface RateSeries {
  name: string;
  points: RatePoint[];
  /** Default: the next of CHART_COLORS. */
  color?: string;
}

/** `91.3%`, or `—` when nothing was counted. */
export const formatRate = (rate: number | null) => (rate === null ? '—' : `${rate.toFixed(1)}%`);

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A tooltip is HTML: names and labels from the data are escaped before they go in. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * The coloured dot before a series in a tooltip, built here rather than taken from ECharts so that
 * every byte of tooltip HTML is ours: a colour other than `#rgb`/`#rrggbb` gives no dot.
 */
function marker(color: unknown): string {
  if (typeof color !== 'string' || !/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color)) return '';
  return `<span style="display:inline-block;margin-right:4px;border-radius:5px;width:10px;height:10px;background-color:${color}"></span>`;
}

const percentAxis = { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } } as const;

/** Bars of one rate per group (department, district …), horizontal so long names stay readable. */
export function rateBarOption(points: RatePoint[], seriesName: string): ChartOption {
  return {
    color: CHART_COLORS,
    grid: { left: 8, right: 128, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const point = points[(params as { dataIndex: number }).dataIndex]!;
        return `${escapeHtml(point.label)}<br/>${escapeHtml(seriesName)}: <b>${formatRate(point.ratePercent)}</b> (${escapeHtml(point.detail)})`;
      },
    },
    xAxis: percentAxis,
    yAxis: {
      type: 'category',
      inverse: true,
      data: points.map((p) => p.label),
      axisLabel: { width: 160, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: points.map((p) => p.ratePercent),
        barMaxWidth: 18,
        // The rate and its counts (n / N) beside each bar, so a bar is never a percentage alone.
        label: {
          show: true,
          position: 'right',
          formatter: (params) => {
            const point = points[params.dataIndex];
            const rate = formatRate(params.value as number | null);
            return point ? `${rate} (${point.detail})` : rate;
          },
        },
      },
    ],
  };
}

/** Lines of one or more rates over consecutive periods; a period with nothing counted leaves a gap. */
export function rateTrendOption(periods: string[], series: RateSeries[]): ChartOption {
  return {
    color: CHART_COLORS,
    grid: { left: 8, right: 24, top: series.length > 1 ? 40 : 16, bottom: 8, containLabel: true },
    legend: series.length > 1 ? { top: 0 } : undefined,
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const rows = params as { dataIndex: number; seriesIndex: number; color?: unknown }[];
        if (!rows.length) return '';
        const lines = rows.map((row) => {
          const item = series[row.seriesIndex]!;
          const point = item.points[row.dataIndex]!;
          return `${marker(row.color)}${escapeHtml(item.name)}: <b>${formatRate(point.ratePercent)}</b> (${escapeHtml(point.detail)})`;
        });
        return [escapeHtml(periods[rows[0]!.dataIndex] ?? ''), ...lines].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: periods, boundaryGap: false },
    yAxis: percentAxis,
    series: series.map((item) => ({
      type: 'line',
      name: item.name,
      color: item.color,
      data: item.points.map((p) => p.ratePercent),
      symbolSize: 7,
      connectNulls: false,
      label: {
        show: series.length === 1,
        position: 'top',
        formatter: (params) => formatRate(params.value as number | null),
      },
    })),
  };
}
