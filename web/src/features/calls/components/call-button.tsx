import { Button, Menu, Tooltip, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Role, VoicePurpose, type CustomerView } from '@navaia/shared';
import { IconChevronDown, IconPhone, IconPhoneOff } from '@tabler/icons-react';
import { useState } from 'react';
import { notifyError } from '../../../components/ui/notify';
import { isApiError } from '../../../lib/api-client';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { useHasRole } from '../../../lib/use-has-role';
import { usePlaceCall } from '../api/place-call';
import { CALL_PURPOSE_LABELS } from './call-labels';
import { LiveCallDrawer } from './live-call-drawer';

export type CallableCustomer = Pick<CustomerView, 'id' | 'displayName' | 'doNotCall'>;

/**
 * "Call": the AI agent phones the customer with the chosen agent (support or sales), and a
 * drawer follows the call. Agents and up only, as the API allows; never for a customer on the
 * do-not-call list, and the API's refusal (an undiallable number, the daily cap) is shown.
 */
export function CallButton({
  customer,
  size = 'sm',
  variant = 'light',
}: {
  customer: CallableCustomer;
  size?: ButtonProps['size'];
  variant?: ButtonProps['variant'];
}) {
  const canCall = useHasRole(Role.Agent);
  const placeCall = usePlaceCall();
  const [callId, setCallId] = useState<string | null>(null);
  const [following, { open, close }] = useDisclosure(false);

  if (!canCall) return null;

  if (customer.doNotCall) {
    return (
      <Tooltip label={`${customer.displayName} asked not to be called`} withArrow>
        {/* A disabled button gets no pointer events; the wrapper takes hover and focus. */}
        <span tabIndex={0} style={{ display: 'inline-block' }} data-testid="call-disabled">
          <Button
            size={size}
            variant={variant}
            disabled
            leftSection={<IconPhoneOff size={16} aria-hidden />}
            style={{ pointerEvents: 'none' }}
          >
            Call
          </Button>
        </span>
      </Tooltip>
    );
  }

  const call = (purpose: VoicePurpose) =>
    placeCall.mutate(
      { customerId: customer.id, purpose, idempotencyKey: newIdempotencyKey() },
      {
        onSuccess: (placed) => {
          setCallId(placed.id);
          open();
        },
        onError: (error) => {
          const title = `Could not call ${customer.displayName}`;
          // The cap's Retry-After runs to tomorrow, which the API's message already says.
          if (isApiError(error) && error.code === 'daily_call_cap_reached') {
            notifications.show({ color: 'red', title, message: error.message });
          } else notifyError(error, title);
        },
      },
    );

  return (
    // The drawer is a portal, but its clicks still bubble through React to a clickable table row.
    <span onClick={(event) => event.stopPropagation()}>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            size={size}
            variant={variant}
            loading={placeCall.isPending}
            leftSection={<IconPhone size={16} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
          >
            Call
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Which agent calls</Menu.Label>
          {Object.values(VoicePurpose).map((purpose) => (
            <Menu.Item key={purpose} onClick={() => call(purpose)}>
              {CALL_PURPOSE_LABELS[purpose]}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <LiveCallDrawer
        callId={callId}
        customerName={customer.displayName}
        opened={following}
        onClose={close}
      />
    </span>
  );
}
