/** Placeholder: to be written. */
export function EnterprisesPage() {
  return <div>EnterprisesPage</div>;
}
