import { IconSettings } from '@tabler/icons-react';
import type { NavSection } from '../components/layout/nav';

/**
 * The main navigation, in order. Only pages that work belong here; adding a page is one entry
 * (and its route in router.tsx).
 */
export const NAV_ITEMS: readonly NavSection[] = [
  {
    label: 'Settings',
    icon: IconSettings,
    links: [
      { label: 'Organisation', to: '/settings/organisation' },
      { label: 'Team', to: '/settings/team' },
    ],
  },
];
