import {
  Anchor,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { formatPhone, Role, type CustomerView } from '@navaia/shared';
import { IconUserPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { openOnRowClick } from '../../../components/ui/clickable-row';
import { PageHeader } from '../../../components/ui/page-header';
import { Pager } from '../../../components/ui/pager';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-states';
import { SearchInput } from '../../../components/ui/search-input';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { formatInZone } from '../../../lib/tenant-time';
import { useCursorPager } from '../../../lib/use-cursor-pager';
import { useHasRole } from '../../../lib/use-has-role';
import { useCustomers, type CustomerFilters } from '../api/get-customers';
import { CustomerFormModal } from './customer-form-modal';
import { DoNotCallBadge } from './do-not-call-badge';

const DO_NOT_CALL_OPTIONS = [
  { value: 'all', label: 'Everyone' },
  { value: 'callable', label: 'Callable only' },
  { value: 'dnc', label: 'Do not call only' },
];

/** The filters live in the address, so reloading, sharing and "back" keep them. */
function useCustomerFilters() {
  const [params, setParams] = useSearchParams();
  const dnc = params.get('dnc');
  const filters: CustomerFilters = {
    search: params.get('q') || undefined,
    tag: params.get('tag') || undefined,
    doNotCall: dnc === 'dnc' ? true : dnc === 'callable' ? false : undefined,
  };
  const set = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return { filters, dnc: dnc ?? 'all', set };
}

function CustomerRow({
  customer,
  zone,
  action,
}: {
  customer: CustomerView;
  zone: string;
  action?: ReactNode;
}) {
  const navigate = useNavigate();
  const to = `/customers/${customer.id}`;
  return (
    <Table.Tr
      style={{ cursor: 'pointer' }}
      onClick={openOnRowClick(() => navigate(to))}
      data-testid="customer-row"
    >
      <Table.Td>
        <Anchor component={Link} to={to} fw={500} size="sm">
          {customer.displayName}
        </Anchor>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatPhone(customer.phone)}</Table.Td>
      <Table.Td>{customer.email ?? <Text c="dimmed">—</Text>}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          {customer.tags.map((tag) => (
            <Badge key={tag} variant="outline" color="gray" size="sm" tt="none">
              {tag}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>{customer.doNotCall && <DoNotCallBadge />}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {formatInZone(customer.createdAt, zone, { dateStyle: 'medium' })}
      </Table.Td>
      {action !== undefined && <Table.Td ta="right">{action}</Table.Td>}
    </Table.Tr>
  );
}

export function CustomersList({
  rowAction,
}: {
  /** A control at the end of each row, such as calling the customer. */
  rowAction?: (customer: CustomerView) => ReactNode;
} = {}) {
  const { tenant } = useAuthenticatedSession();
  const canWork = useHasRole(Role.Agent);
  const navigate = useNavigate();
  const { filters, dnc, set } = useCustomerFilters();
  const pager = useCursorPager(JSON.stringify(filters));
  const customers = useCustomers({ ...filters, cursor: pager.cursor });
  const [adding, { open: openAdd, close: closeAdd }] = useDisclosure(false);
  const filtered = Boolean(filters.search || filters.tag || filters.doNotCall !== undefined);
  const rows = customers.data?.data ?? [];

  let body;
  if (customers.isPending) {
    body = <LoadingState label="Loading customers" />;
  } else if (customers.isError) {
    body = (
      <ErrorState
        error={customers.error}
        title="Could not load customers"
        onRetry={() => void customers.refetch()}
      />
    );
  } else if (rows.length === 0) {
    body = filtered ? (
      <EmptyState title="No customers match these filters">
        Try another search, or clear the filters.
      </EmptyState>
    ) : (
      <EmptyState title="No customers yet">
        Customers appear here when you add them, or when the voice agent talks to a new caller.
      </EmptyState>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={800}>
        <Table verticalSpacing="sm" highlightOnHover aria-label="Customers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Phone</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Tags</Table.Th>
              <Table.Th>Calls</Table.Th>
              <Table.Th>Created</Table.Th>
              {rowAction && (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody style={{ opacity: customers.isPlaceholderData ? 0.6 : 1 }}>
            {rows.map((customer) => (
              <CustomerRow
                key={customer.id}
                customer={customer}
                zone={tenant.timezone}
                action={rowAction?.(customer)}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="md">
      <PageHeader
        title="Customers"
        description="Everyone your organisation and its voice agent talk to."
        actions={
          canWork && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={openAdd}>
              Add customer
            </Button>
          )
        }
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SearchInput
          label="Search"
          placeholder="Name, email or phone"
          w={280}
          value={filters.search ?? ''}
          onSearch={(value) => set('q', value)}
        />
        <SearchInput
          label="Tag"
          placeholder="e.g. vip"
          w={160}
          value={filters.tag ?? ''}
          onSearch={(value) => set('tag', value.toLowerCase())}
        />
        <Select
          label="Do not call"
          w={180}
          data={DO_NOT_CALL_OPTIONS}
          allowDeselect={false}
          value={dnc}
          onChange={(value) => set('dnc', value === 'all' ? null : value)}
        />
      </Group>
      {body}
      <Pager
        page={pager.page}
        hasPrevious={pager.hasPrevious}
        hasNext={Boolean(customers.data?.nextCursor)}
        loading={customers.isPlaceholderData && customers.isFetching}
        onPrevious={pager.previous}
        onNext={() => customers.data?.nextCursor && pager.next(customers.data.nextCursor)}
      />
      {canWork && (
        <CustomerFormModal
          opened={adding}
          onClose={closeAdd}
          onSaved={(customer) => navigate(`/customers/${customer.id}`)}
        />
      )}
    </Stack>
  );
}
