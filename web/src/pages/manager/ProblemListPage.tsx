/** Placeholder: to be written. */
export function ProblemListPage() {
  return <div>ProblemListPage</div>;
}
