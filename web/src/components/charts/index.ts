export { EChart, type ChartClick } from './EChart';
export {
  CHART_COLORS,
  coverageChart,
  departmentRatesChart,
  formatRate,
  rateBarHeight,
  rateBarOption,
  rateCounts,
  rateTrendOption,
  weeklyTrendChart,
  type RatePoint,
  type RateSeries,
} from './rateCharts';
