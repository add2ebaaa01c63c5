/** Placeholder: to be written. */
export function WeeklyReportPage() {
  return <div>WeeklyReportPage</div>;
}
