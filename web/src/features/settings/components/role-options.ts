import { Role, ROLES } from '@navaia/shared';

export const ROLE_LABELS: Record<Role, string> = {
  [Role.Owner]: 'Owner',
  [Role.Admin]: 'Admin',
  [Role.Agent]: 'Agent',
  [Role.Viewer]: 'Viewer',
};

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export const ROLE_HELP =
  'Viewers read; agents work tickets, bookings, customers and calls; admins also manage ' +
  'campaigns, users and settings; owners can also delete the organisation.';
