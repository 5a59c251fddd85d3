import { Box, Group, Paper, Stack, Text } from '@mantine/core';
import type { TranscriptTurnView } from '@navaia/shared';
import { useEffect, useRef } from 'react';
import { formatCallTime } from '../../lib/format';

export interface TranscriptProps {
  turns: readonly TranscriptTurnView[];
  /** Who the user is: "You" while talking, "Caller" when reading a past conversation. */
  userLabel?: string;
  /** Follows new lines as they arrive (a live conversation). */
  live?: boolean;
  /** Shown under the last line while the agent is about to answer. */
  pending?: string | null;
  maxHeight?: number;
}

/** A conversation as chat bubbles: the agent on the left, the person on the right. */
export function Transcript({
  turns,
  userLabel = 'You',
  live = false,
  pending,
  maxHeight,
}: TranscriptProps) {
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (live) end.current?.scrollIntoView({ block: 'nearest' });
  }, [live, turns.length, pending]);

  return (
    <Box
      role="log"
      aria-label="Transcript"
      aria-live={live ? 'polite' : 'off'}
      style={{ maxHeight, overflowY: maxHeight ? 'auto' : undefined }}
    >
      <Stack gap="xs">
        {turns.map((turn, index) => {
          const isAgent = turn.role === 'agent';
          return (
            <Group
              key={index}
              justify={isAgent ? 'flex-start' : 'flex-end'}
              data-testid="transcript-turn"
              data-role={turn.role}
            >
              <Paper
                px="sm"
                py={6}
                radius="md"
                maw="80%"
                bg={isAgent ? 'gray.1' : 'indigo.0'}
                withBorder={!isAgent}
              >
                <Group justify="space-between" gap="md" wrap="nowrap">
                  <Text size="xs" fw={600} c={isAgent ? 'dimmed' : 'indigo'}>
                    {isAgent ? 'Agent' : userLabel}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatCallTime(turn.timeInCallSecs)}
                  </Text>
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {turn.message}
                </Text>
              </Paper>
            </Group>
          );
        })}
        {pending && (
          <Text size="xs" c="dimmed" fs="italic" role="status">
            {pending}
          </Text>
        )}
        <div ref={end} />
      </Stack>
    </Box>
  );
}
