import { Badge } from '@mantine/core';
import type { VoiceSessionView } from '@navaia/shared';
import { VOICE_OUTCOME_COLORS, VOICE_OUTCOME_LABELS } from './voice-labels';

/**
 * What a conversation led to; before the post-call processing has decided, where it stands
 * (still talking, or ended and waiting for its result).
 */
export function OutcomeBadge({
  session,
}: {
  session: Pick<VoiceSessionView, 'outcome' | 'status'>;
}) {
  if (session.outcome) {
    return (
      <Badge color={VOICE_OUTCOME_COLORS[session.outcome] ?? 'gray'} variant="light">
        {VOICE_OUTCOME_LABELS[session.outcome] ?? session.outcome}
      </Badge>
    );
  }
  if (session.status === 'failed') {
    return (
      <Badge color="red" variant="outline">
        Failed
      </Badge>
    );
  }
  return (
    <Badge color="gray" variant="outline">
      {session.status === 'ended' ? 'Processing' : 'In progress'}
    </Badge>
  );
}
