import { Stack, Tabs } from '@mantine/core';
import { IconCalendarEvent, IconPhone, IconSpeakerphone, IconTicket } from '@tabler/icons-react';
import { useParams, useSearchParams } from 'react-router';
import { ErrorState, LoadingState, NotFoundState } from '../../../components/ui/query-states';
import { CustomerBookings } from '../../../features/bookings/components/customer-bookings';
import { CallButton } from '../../../features/calls/components/call-button';
import { CustomerCalls } from '../../../features/calls/components/customer-calls';
import { CustomerCampaigns } from '../../../features/campaigns/components/customer-campaigns';
import { useCustomer } from '../../../features/customers/api/get-customer';
import { CustomerProfile } from '../../../features/customers/components/customer-profile';
import { CustomerSelect } from '../../../features/customers/components/customer-select';
import { CustomerTickets } from '../../../features/tickets/components/customer-tickets';
import { isApiError } from '../../../lib/api-client';
import { usePageTitle } from '../page-title';

export default function CustomerRoute() {
  const { customerId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const customer = useCustomer(customerId);
  const requested = params.get('tab');
  const tab =
    requested === 'bookings' || requested === 'calls' || requested === 'campaigns'
      ? requested
      : 'tickets';
  usePageTitle(customer.data?.displayName ?? 'Customer');

  if (customer.isPending) return <LoadingState label="Loading the customer" />;
  if (customer.isError) {
    return isApiError(customer.error) && customer.error.status === 404 ? (
      <NotFoundState
        title="This customer does not exist"
        backTo="/customers"
        backLabel="All customers"
      />
    ) : (
      <ErrorState
        error={customer.error}
        title="Could not load the customer"
        onRetry={() => void customer.refetch()}
      />
    );
  }

  const who = { id: customer.data.id, label: customer.data.displayName };
  return (
    <Stack gap="lg">
      <CustomerProfile
        customer={customer.data}
        actions={<CallButton customer={customer.data} variant="filled" />}
      />
      <Tabs
        value={tab}
        onChange={(value) =>
          setParams(value && value !== 'tickets' ? { tab: value } : {}, { replace: true })
        }
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="tickets" leftSection={<IconTicket size={16} />}>
            Tickets
          </Tabs.Tab>
          <Tabs.Tab value="bookings" leftSection={<IconCalendarEvent size={16} />}>
            Bookings
          </Tabs.Tab>
          <Tabs.Tab value="calls" leftSection={<IconPhone size={16} />}>
            Calls
          </Tabs.Tab>
          <Tabs.Tab value="campaigns" leftSection={<IconSpeakerphone size={16} />}>
            Campaigns
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="tickets" pt="md">
          <CustomerTickets customer={who} CustomerSelect={CustomerSelect} />
        </Tabs.Panel>
        <Tabs.Panel value="bookings" pt="md">
          <CustomerBookings customer={who} CustomerSelect={CustomerSelect} />
        </Tabs.Panel>
        <Tabs.Panel value="calls" pt="md">
          <CustomerCalls customer={who} />
        </Tabs.Panel>
        <Tabs.Panel value="campaigns" pt="md">
          <CustomerCampaigns customer={who} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
