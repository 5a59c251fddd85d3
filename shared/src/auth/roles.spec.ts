import { hasRole, Role } from './roles';

describe('role hierarchy', () => {
  it('lets a higher role do what a lower role may do', () => {
    expect(hasRole(Role.Owner, Role.Admin)).toBe(true);
    expect(hasRole(Role.Admin, Role.Agent)).toBe(true);
    expect(hasRole(Role.Agent, Role.Viewer)).toBe(true);
  });

  it('does not let a lower role act as a higher one', () => {
    expect(hasRole(Role.Viewer, Role.Agent)).toBe(false);
    expect(hasRole(Role.Agent, Role.Admin)).toBe(false);
    expect(hasRole(Role.Admin, Role.Owner)).toBe(false);
  });
});
