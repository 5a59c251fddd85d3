import { hasRole, type Role } from '@navaia/shared';
import type { ComponentType } from 'react';

export interface NavLinkItem {
  label: string;
  to: string;
  /** Hidden from roles below this one. */
  minRole?: Role;
}

export interface NavSection {
  label: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  /** A section is a link itself, or a group of links. */
  to?: string;
  links?: readonly NavLinkItem[];
  minRole?: Role;
}

export function isVisibleTo(item: { minRole?: Role }, role: Role): boolean {
  return !item.minRole || hasRole(role, item.minRole);
}
