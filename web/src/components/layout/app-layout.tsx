import { AppShell, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Role } from '@navaia/shared';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { isVisibleTo, type NavSection } from './nav';
import { UserMenu } from './user-menu';

export interface AppLayoutProps {
  navigation: readonly NavSection[];
  user: { name: string; email: string; role: Role };
  tenantName: string;
  onLogout: () => void;
  children: ReactNode;
}

function isActive(pathname: string, to: string): boolean {
  return pathname === to || pathname.startsWith(`${to}/`);
}

export function AppLayout({ navigation, user, tenantName, onLogout, children }: AppLayoutProps) {
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const allowed = (item: { minRole?: Role }) => isVisibleTo(item, user.role);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Text fw={700} c="indigo">
              Navaia
            </Text>
            <Text size="sm" c="dimmed" truncate visibleFrom="xs" data-testid="tenant-name">
              {tenantName}
            </Text>
          </Group>
          <UserMenu name={user.name} email={user.email} role={user.role} onLogout={onLogout} />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <ScrollArea>
          {navigation.filter(allowed).map((section) => {
            const Icon = section.icon;
            const links = section.links?.filter(allowed) ?? [];
            if (section.to) {
              return (
                <NavLink
                  key={section.label}
                  component={Link}
                  to={section.to}
                  label={section.label}
                  leftSection={<Icon size={18} stroke={1.5} />}
                  active={isActive(pathname, section.to)}
                  onClick={close}
                />
              );
            }
            return (
              <NavLink
                key={section.label}
                label={section.label}
                leftSection={<Icon size={18} stroke={1.5} />}
                defaultOpened
                childrenOffset={28}
              >
                {links.map((link) => (
                  <NavLink
                    key={link.to}
                    component={Link}
                    to={link.to}
                    label={link.label}
                    active={isActive(pathname, link.to)}
                    onClick={close}
                  />
                ))}
              </NavLink>
            );
          })}
        </ScrollArea>
      </AppShell.Navbar>

      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
