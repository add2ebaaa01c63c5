/** The chart options are shared with the server, which draws the same charts as SVG for the printed report. */
export {
  CHART_COLORS,
  escapeHtml,
  formatRate,
  rateBarOption,
  rateTrendOption,
  type ChartOption,
  type RatePoint,
  type RateSeries,
} from '../../../../src/reports/charts/rate-charts';
export {
  coverageChart,
  departmentRatesChart,
  rateBarHeight,
  rateCounts,
  weeklyTrendChart,
  type SizedChart,
} from '../../../../src/reports/charts/weekly-charts';
