import type * as ECharts from 'echarts';
import type { ChartOption } from './rate-charts';

export interface SvgSize {
  width: number;
  height: number;
}

let library: typeof ECharts | undefined;

/**
 * ECharts, loaded on the first chart: requiring it takes about 200 ms of CPU, which every start of
 * the service (and of each test file's app) would pay for a page that few requests ask for.
 */
function echarts(): typeof ECharts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  library ??= require('echarts') as typeof ECharts;
  return library;
}

/**
 * A chart drawn server-side by ECharts' SVG renderer: a standalone `<svg>` string with no script
 * and nothing fetched, to inline in an HTML page. The renderer XML-escapes every text it draws.
 * Animation is off, so what is drawn is the final state.
 */
export function renderChartSvg(option: ChartOption, { width, height }: SvgSize): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
