import { Stack, Tabs, Title } from '@mantine/core';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { isVisibleTo } from '../../../components/layout/nav';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { SETTINGS_LINKS } from '../../nav-items';

export default function SettingsLayoutRoute() {
  const { user } = useAuthenticatedSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const tabs = SETTINGS_LINKS.filter((link) => isVisibleTo(link, user.role));
  const active = tabs.find((tab) => pathname.startsWith(tab.to))?.to ?? null;

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Settings
      </Title>
      <Tabs value={active} onChange={(value) => value && navigate(value)}>
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.to} value={tab.to}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}
