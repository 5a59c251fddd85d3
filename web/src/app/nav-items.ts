import { Role } from '@navaia/shared';
import {
  IconCalendarEvent,
  IconHeadset,
  IconLayoutDashboard,
  IconPhone,
  IconSettings,
  IconSpeakerphone,
  IconTicket,
  IconUsers,
} from '@tabler/icons-react';
import type { NavLinkItem, NavSection } from '../components/layout/nav';

export const SETTINGS_LINKS: readonly NavLinkItem[] = [
  { label: 'Organisation', to: '/settings/organisation' },
  // The API lists team members to admins and owners only.
  { label: 'Team', to: '/settings/team', minRole: Role.Admin },
  { label: 'Webhooks', to: '/settings/webhooks' },
  { label: 'API keys', to: '/settings/api-keys', minRole: Role.Admin },
  { label: 'Audit log', to: '/settings/audit-log', minRole: Role.Admin },
];

/**
 * The main navigation, in order. Only pages that work belong here; adding a page is one entry
 * (and its route in router.tsx).
 */
export const NAV_ITEMS: readonly NavSection[] = [
  { label: 'Dashboard', icon: IconLayoutDashboard, to: '/dashboard' },
  { label: 'Customers', icon: IconUsers, to: '/customers' },
  { label: 'Tickets', icon: IconTicket, to: '/tickets' },
  { label: 'Bookings', icon: IconCalendarEvent, to: '/bookings' },
  { label: 'Calls', icon: IconPhone, to: '/calls' },
  { label: 'Campaigns', icon: IconSpeakerphone, to: '/campaigns' },
  {
    label: 'Voice',
    icon: IconHeadset,
    links: [
      // Starting a conversation is a write (a session, then a ticket or booking): agents and up.
      { label: 'Playground', to: '/voice/playground', minRole: Role.Agent },
      { label: 'Support agent', to: '/voice/support', minRole: Role.Agent },
      { label: 'Conversations', to: '/voice/sessions' },
    ],
  },
  { label: 'Settings', icon: IconSettings, links: SETTINGS_LINKS },
];
