import { Stepper } from '@mantine/core';
import { CallStatus, isFinalCallStatus } from '@navaia/shared';
import { CALL_STATUS_LABELS } from '../../../lib/status-labels';

/** The steps every call goes through, and which one `status` has reached. */
function stepOf(status: CallStatus): number {
  switch (status) {
    case CallStatus.Queued:
    case CallStatus.Initiated:
      return 0;
    case CallStatus.Ringing:
      return 1;
    case CallStatus.InProgress:
      return 2;
    default:
      return 3;
  }
}

/** A call's progress at a glance: dialling, ringing, talking, and how it ended. */
export function CallProgress({ status }: { status: CallStatus }) {
  const final = isFinalCallStatus(status);
  const step = stepOf(status);
  const endedBadly = final && status !== CallStatus.Completed;
  // A finished stepper shows every step done; one past the last step.
  const active = final ? 4 : step;

  return (
    <Stepper
      active={active}
      size="xs"
      color={endedBadly ? 'red' : undefined}
      aria-label="Call progress"
      allowNextStepsSelect={false}
    >
      <Stepper.Step
        label={status === CallStatus.Queued ? 'Queued' : 'Dialling'}
        loading={status === CallStatus.Queued || status === CallStatus.Initiated}
      />
      <Stepper.Step label="Ringing" loading={status === CallStatus.Ringing} />
      <Stepper.Step label="In progress" loading={status === CallStatus.InProgress} />
      <Stepper.Step label={final ? CALL_STATUS_LABELS[status] : 'Ended'} />
    </Stepper>
  );
}
