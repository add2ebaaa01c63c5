/** Placeholder: to be written. */
export function DashboardPage() {
  return <div>DashboardPage</div>;
}
