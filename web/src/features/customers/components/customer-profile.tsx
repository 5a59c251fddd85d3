import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { formatPhone, Role, type CustomerView } from '@navaia/shared';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { BackLink } from '../../../components/ui/detail-parts';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { formatInZone } from '../../../lib/tenant-time';
import { useHasRole } from '../../../lib/use-has-role';
import { CustomerFormModal } from './customer-form-modal';
import { DeleteCustomerModal } from './delete-customer-modal';
import { DoNotCallBadge } from './do-not-call-badge';

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** Without a stored zone, calls follow the zones of the number's area, else the organisation's. */
function derivedZone(customer: CustomerView, tenantZone: string): string {
  const zones = customer.localZones;
  if (zones.length && !(zones.length === 1 && zones[0] === tenantZone))
    return `${zones.join(' or ')} (from the phone number)`;
  return `${tenantZone} (organisation)`;
}

const none = (
  <Text span c="dimmed" size="sm">
    —
  </Text>
);

/**
 * The customer's header: name, contact details, edit / delete for agents and up, and whatever
 * `actions` the page adds (calling them, say).
 */
export function CustomerProfile({
  customer,
  actions,
}: {
  customer: CustomerView;
  actions?: ReactNode;
}) {
  const { tenant } = useAuthenticatedSession();
  const canWork = useHasRole(Role.Agent);
  const navigate = useNavigate();
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure(false);
  const [deleting, { open: openDelete, close: closeDelete }] = useDisclosure(false);

  return (
    <Stack gap="md">
      <BackLink to="/customers">Customers</BackLink>
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={1} size="h2">
            {customer.displayName}
          </Title>
          {customer.doNotCall && <DoNotCallBadge />}
        </Group>
        {(canWork || actions) && (
          <Group gap="xs">
            {actions}
            {canWork && (
              <>
                <Button variant="default" leftSection={<IconPencil size={16} />} onClick={openEdit}>
                  Edit
                </Button>
                <Button
                  variant="light"
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={openDelete}
                >
                  Delete
                </Button>
              </>
            )}
          </Group>
        )}
      </Group>
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Detail label="Phone">
            <Anchor href={`tel:${customer.phone}`} size="sm">
              {formatPhone(customer.phone)}
            </Anchor>
          </Detail>
          <Detail label="Email">
            {customer.email ? (
              <Anchor href={`mailto:${customer.email}`} size="sm">
                {customer.email}
              </Anchor>
            ) : (
              none
            )}
          </Detail>
          <Detail label="Time zone">
            {customer.timezone ?? (
              <Text span c="dimmed" size="sm">
                {derivedZone(customer, tenant.timezone)}
              </Text>
            )}
          </Detail>
          <Detail label="Customer since">
            {formatInZone(customer.createdAt, tenant.timezone, { dateStyle: 'medium' })}
          </Detail>
          <Detail label="Tags">
            {customer.tags.length ? (
              <Group gap={4} mt={2}>
                {customer.tags.map((tag) => (
                  <Badge key={tag} variant="outline" color="gray" size="sm" tt="none">
                    {tag}
                  </Badge>
                ))}
              </Group>
            ) : (
              none
            )}
          </Detail>
        </SimpleGrid>
        {customer.notes && (
          <Stack gap={2} mt="md">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Notes
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {customer.notes}
            </Text>
          </Stack>
        )}
      </Paper>
      {canWork && (
        <>
          <CustomerFormModal opened={editing} customer={customer} onClose={closeEdit} />
          <DeleteCustomerModal
            customer={customer}
            opened={deleting}
            onClose={closeDelete}
            onDeleted={() => navigate('/customers', { replace: true })}
          />
        </>
      )}
    </Stack>
  );
}
