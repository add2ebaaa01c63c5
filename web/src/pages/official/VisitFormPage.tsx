/** Placeholder: to be written. */
export function VisitFormPage() {
  return <div>VisitFormPage</div>;
}
