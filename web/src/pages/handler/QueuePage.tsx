/** Placeholder: to be written. */
export function QueuePage() {
  return <div>QueuePage</div>;
}
