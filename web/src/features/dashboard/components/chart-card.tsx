import { Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { EmptyState, ErrorState } from '../../../components/ui/query-states';

export const CHART_HEIGHT = 220;

/** A titled panel around one chart, with its loading, error and empty states. */
export function ChartCard({
  title,
  description,
  actions,
  state,
  error,
  onRetry,
  empty,
  children,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
  state: 'loading' | 'error' | 'empty' | 'ready';
  error?: unknown;
  onRetry?: () => void;
  /** What will appear here, and when. */
  empty: { title: string; text: string };
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h5">
              {title}
            </Title>
            {description && (
              <Text size="xs" c="dimmed">
                {description}
              </Text>
            )}
          </div>
          {actions}
        </Group>
        {state === 'loading' && <Skeleton h={CHART_HEIGHT} radius="md" />}
        {state === 'error' && (
          <ErrorState
            error={error}
            title={`Could not load ${title.toLowerCase()}`}
            onRetry={onRetry}
          />
        )}
        {state === 'empty' && (
          <div style={{ minHeight: CHART_HEIGHT, display: 'grid', alignContent: 'center' }}>
            <EmptyState title={empty.title}>{empty.text}</EmptyState>
          </div>
        )}
        {state === 'ready' && children}
      </Stack>
    </Paper>
  );
}
