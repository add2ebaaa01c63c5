/**
 * ECharts, registered piece by piece: only the line and bar charts and the components the
 * dashboards use are bundled, drawn on canvas. Nothing is fetched at run time (no maps, no fonts).
 * The options themselves come from rateCharts.ts, shared with the server's SVG charts.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export type { ChartOption } from './rateCharts';
export { echarts };
