import { Button, Group, Menu, Modal, Stack, Text, Tooltip, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { CallErrorCode, Role, VoicePurpose, type CustomerView } from '@navaia/shared';
import { IconChevronDown, IconPhone, IconPhoneOff } from '@tabler/icons-react';
import { useState } from 'react';
import { notifyError } from '../../../components/ui/notify';
import { hasErrorCode } from '../../../lib/api-client';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { useHasRole } from '../../../lib/use-has-role';
import { usePlaceCall } from '../api/place-call';
import { CALL_PURPOSE_LABELS } from './call-labels';
import { LiveCallDrawer } from './live-call-drawer';
import { customerLocalTime } from './local-time';

export type CallableCustomer = Pick<
  CustomerView,
  'id' | 'displayName' | 'doNotCall' | 'localZones'
>;

/**
 * "Call": the AI agent phones the customer with the chosen agent (support or sales), and a
 * drawer follows the call. Agents and up only, as the API allows; never for a customer on the
 * do-not-call list, and the API's refusal (an undiallable number, the daily cap) is shown.
 * The menu shows the customer's local time; outside the calling hours the API refuses, and
 * the operator is asked before calling anyway (the API audits such a call).
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
  // The refusal outside calling hours, and the agent it was for, while the operator decides.
  const [outside, setOutside] = useState<{ message: string; purpose: VoicePurpose } | null>(null);

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

  const call = (purpose: VoicePurpose, override = false) =>
    placeCall.mutate(
      // A new key: the refused request's answer stays the refusal.
      { customerId: customer.id, purpose, idempotencyKey: newIdempotencyKey(), override },
      {
        onSuccess: (placed) => {
          setOutside(null);
          setCallId(placed.id);
          open();
        },
        onError: (error) => {
          const title = `Could not call ${customer.displayName}`;
          if (hasErrorCode(error, CallErrorCode.OutsideCallingWindow) && !override) {
            setOutside({ message: error.message, purpose });
            return;
          }
          setOutside(null);
          // The cap's Retry-After runs to tomorrow, which the API's message already says.
          if (hasErrorCode(error, CallErrorCode.DailyCapReached)) {
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
          <Menu.Label data-testid="customer-local-time">
            Their time: {customerLocalTime(customer.localZones)}
          </Menu.Label>
          <Menu.Label>Which agent calls</Menu.Label>
          {Object.values(VoicePurpose).map((purpose) => (
            <Menu.Item key={purpose} onClick={() => call(purpose)}>
              {CALL_PURPOSE_LABELS[purpose]}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={outside !== null}
        onClose={() => setOutside(null)}
        title="Outside calling hours"
        centered
      >
        <Stack gap="md">
          <Text size="sm">{outside?.message}</Text>
          <Text size="sm" fw={500}>
            Call {customer.displayName} anyway?
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOutside(null)}>
              Don’t call
            </Button>
            <Button
              color="orange"
              loading={placeCall.isPending}
              onClick={() => outside && call(outside.purpose, true)}
            >
              Call anyway
            </Button>
          </Group>
        </Stack>
      </Modal>
      <LiveCallDrawer
        callId={callId}
        customerName={customer.displayName}
        opened={following}
        onClose={close}
      />
    </span>
  );
}
