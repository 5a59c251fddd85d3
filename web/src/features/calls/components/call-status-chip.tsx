import { Badge, Group, Text } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { isFinalCallStatus, type CallView } from '@navaia/shared';
import { formatCallTime } from '../../../lib/format';
import { CALL_STATUS_COLORS, CALL_STATUS_LABELS } from '../../../lib/status-labels';
import { outcomeNote } from './call-labels';
import classes from './call-status-chip.module.css';

export type CallChipFacts = Pick<CallView, 'status' | 'outcome' | 'durationSec'>;

/**
 * Where a call stands, in its colour; while it is under way a dot pulses (unless the viewer
 * asked for less motion), and once it has ended the outcome and length follow.
 */
export function CallStatusChip({ call }: { call: CallChipFacts }) {
  const reduceMotion = useReducedMotion();
  const live = !isFinalCallStatus(call.status);
  const label = CALL_STATUS_LABELS[call.status] ?? call.status;
  const note = live
    ? null
    : [outcomeNote(call), call.durationSec !== null ? formatCallTime(call.durationSec) : null]
        .filter(Boolean)
        .join(' · ');

  return (
    <Group
      gap={6}
      wrap="nowrap"
      data-testid="call-status"
      data-status={call.status}
      aria-live={live ? 'polite' : undefined}
    >
      <Badge
        color={CALL_STATUS_COLORS[call.status] ?? 'gray'}
        variant={live ? 'light' : 'filled'}
        leftSection={
          live ? (
            <span
              aria-hidden
              data-animated={!reduceMotion || undefined}
              className={`${classes.dot} ${reduceMotion ? '' : classes.pulsing}`}
            />
          ) : undefined
        }
      >
        {label}
      </Badge>
      {note && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {note}
        </Text>
      )}
    </Group>
  );
}
