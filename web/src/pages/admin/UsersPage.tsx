/** Placeholder: to be written. */
export function UsersPage() {
  return <div>UsersPage</div>;
}
