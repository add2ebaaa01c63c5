export const ROLES = ['admin', 'manager', 'official', 'handler'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that run the coordination office's side of the workflow. */
export const MANAGERS: Role[] = ['manager', 'admin'];
