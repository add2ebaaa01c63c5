import { rateBarOption, rateTrendOption, type ChartOption } from './rate-charts';

/*
 * The two charts of the weekly report, built once for the web page and the printed (HTML) report:
 * the same ranking, the same series and the same heights.
 */

/** What the charts read of a rate: counted problems, resolved ones, and the rate in percent. */
interface CountedRate {
  recorded: number;
  resolved: number;
  ratePercent: number | null;
}

/** A department's quarter-to-date figures. */
export interface DepartmentRate extends CountedRate {
  name: string;
}

/** One week of the trend. */
export interface WeekRate extends CountedRate {
  label: string;
}

export interface SizedChart {
  option: ChartOption;
  height: number;
}

/** `116 / 127`: resolved of recorded. */
export const rateCounts = (rate: CountedRate) => `${rate.resolved} / ${rate.recorded}`;

/** The height of a bar chart of `bars` rates: room for every bar, and at least `least` pixels. */
export const rateBarHeight = (bars: number, least = 240) => Math.max(least, bars * 28 + 24);

/** The departments' quarter-to-date rates as bars, best first (then the most recorded); none counted last. */
export function departmentRatesChart(departments: readonly DepartmentRate[], seriesName: string): SizedChart {
  const ranked = [...departments].sort(
    (a, b) => (b.ratePercent ?? -1) - (a.ratePercent ?? -1) || b.recorded - a.recorded,
  );
  const points = ranked.map((d) => ({ label: d.name, ratePercent: d.ratePercent, detail: rateCounts(d) }));
  return { option: rateBarOption(points, seriesName), height: rateBarHeight(departments.length) };
}

/** The rate of each of the last weeks as one line, each point labelled with its value. */
export function weeklyTrendChart(weeks: readonly WeekRate[], seriesName: string): SizedChart {
  const points = weeks.map((w) => ({ label: w.label, ratePercent: w.ratePercent, detail: rateCounts(w) }));
  return {
    option: rateTrendOption(
      weeks.map((w) => w.label),
      [{ name: seriesName, points }],
    ),
    height: 280,
  };
}

/** A district's visit coverage: visited of those under responsibility. */
export interface DistrictCoverage {
  name: string;
  enterprisesVisited: number;
  enterprisesResponsible: number;
  coverageRatePercent: number | null;
}

/** The districts' quarter-to-date visit coverage as bars, in the districts' order, each with n / N. */
export function coverageChart(districts: readonly DistrictCoverage[], seriesName: string): SizedChart {
  const points = districts.map((d) => ({
    label: d.name,
    ratePercent: d.coverageRatePercent,
    detail: `${d.enterprisesVisited} / ${d.enterprisesResponsible}`,
  }));
  return { option: rateBarOption(points, seriesName), height: rateBarHeight(districts.length) };
}
