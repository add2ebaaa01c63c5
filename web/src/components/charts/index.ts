export { EChart, type ChartClick } from './EChart';
export {
  CHART_COLORS,
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
