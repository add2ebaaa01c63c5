/** Placeholder: to be written. */
export function MyProblemsPage() {
  return <div>MyProblemsPage</div>;
}
