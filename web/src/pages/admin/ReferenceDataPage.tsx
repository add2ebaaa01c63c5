/** Placeholder: to be written. */
export function ReferenceDataPage() {
  return <div>ReferenceDataPage</div>;
}
