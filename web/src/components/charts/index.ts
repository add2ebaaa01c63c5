export { EChart, type ChartClick } from './EChart';
export {
  CHART_COLORS,
  formatRate,
  rateBarOption,
  rateTrendOption,
  type RatePoint,
  type RateSeries,
} from './rateCharts';
