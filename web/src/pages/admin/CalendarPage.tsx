/** Placeholder: to be written. */
export function CalendarPage() {
  return <div>CalendarPage</div>;
}
