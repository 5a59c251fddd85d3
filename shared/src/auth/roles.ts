export enum Role {
  Owner = 'owner',
  Admin = 'admin',
  Agent = 'agent',
  Viewer = 'viewer',
}

export const ROLES: readonly Role[] = [Role.Owner, Role.Admin, Role.Agent, Role.Viewer];

const rank: Record<Role, number> = {
  [Role.Viewer]: 1,
  [Role.Agent]: 2,
  [Role.Admin]: 3,
  [Role.Owner]: 4,
};

/** True when `role` may do what `required` may do (owner ⊃ admin ⊃ agent ⊃ viewer). */
export function hasRole(role: Role, required: Role): boolean {
  return rank[role] >= rank[required];
}
