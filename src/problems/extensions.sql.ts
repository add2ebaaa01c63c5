/**
 * The one definition of an extension request's status (延期申请), over the alias of its
 * `request_extension` event `r`, reading only events before `asOf` (a SQL expression; by default
 * every event, including those of the current transaction, whose instants are after its now()):
 * - `approved` / `refused`: an `approve_extension` / `refuse_extension` event names it
 *   (data.requestEventId);
 * - `lapsed`: undecided, and the problem left the requesting department's hands since (resolved,
 *   returned, withdrawn, or assigned to another department): there is nothing left to extend;
 * - `pending`: otherwise. The workflow allows one pending request per problem.
 */
export function extensionStatus(r: string, asOf = `'infinity'::timestamptz`): string {
  return `(CASE
    WHEN ${extensionDecisionType(r, asOf)} = 'approve_extension' THEN 'approved'
    WHEN ${extensionDecisionType(r, asOf)} = 'refuse_extension' THEN 'refused'
    WHEN EXISTS (
      SELECT 1 FROM problem_events n
      WHERE n.problem_id = ${r}.problem_id AND n.at > ${r}.at AND n.at < ${asOf}
        AND (n.type IN ('resolve', 'return', 'withdraw')
             OR (n.type = 'assign' AND n.department_id IS DISTINCT FROM ${r}.department_id))
    ) THEN 'lapsed'
    ELSE 'pending' END)`;
}

/** The type of the event that decided request `r` before `asOf`, or NULL. */
function extensionDecisionType(r: string, asOf: string): string {
  return `(SELECT d.type FROM problem_events d
     WHERE d.problem_id = ${r}.problem_id AND d.type IN ('approve_extension', 'refuse_extension')
       AND d.data->>'requestEventId' = ${r}.id::text AND d.at < ${asOf}
     LIMIT 1)`;
}

/** The decision on request `r` (its event `d`, or no row): a LATERAL subquery. */
export function extensionDecisionLateral(r: string): string {
  return `LATERAL (
    SELECT d.id, d.type, d.at, d.actor_id, d.note, d.data FROM problem_events d
    WHERE d.problem_id = ${r}.problem_id AND d.type IN ('approve_extension', 'refuse_extension')
      AND d.data->>'requestEventId' = ${r}.id::text
    LIMIT 1
  )`;
}
