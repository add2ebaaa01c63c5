/** Placeholder: to be written. */
export function ProblemPage() {
  return <div>ProblemPage</div>;
}
