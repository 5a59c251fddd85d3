import type { EntityOption } from '../../../components/ui/entity-select';
import { RecordListTab } from '../../../components/ui/record-list-tab';
import { useCustomerCalls } from '../api/get-customer-calls';
import { CallsTable } from './calls-table';

/** One customer's calls, newest first, their chips following calls still under way. */
export function CustomerCalls({ customer }: { customer: EntityOption }) {
  const calls = useCustomerCalls(customer.id);
  return (
    <RecordListTab
      query={calls}
      loadingLabel="Loading calls"
      errorTitle="Could not load this customer's calls"
      empty={{
        title: 'No calls with this customer',
        text: 'Calls appear here when the AI agent phones them, or they call in.',
      }}
    >
      {(rows) => <CallsTable calls={rows} showCustomer={false} />}
    </RecordListTab>
  );
}
