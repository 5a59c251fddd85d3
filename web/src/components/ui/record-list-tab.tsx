import { Button, Group, SegmentedControl, Stack } from '@mantine/core';
import type { Page } from '@navaia/shared';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState, ErrorState, LoadingState } from './query-states';

export interface TabView<V extends string> {
  value: V;
  label: string;
}

/**
 * One kind of record on a detail page's tab (a customer's tickets, bookings, calls): an
 * optional choice of views, an action, the records page by page with "Load more", and the
 * loading, error and empty states every list has.
 */
export function RecordListTab<T, V extends string = string>({
  query,
  views,
  view,
  onViewChange,
  viewsLabel,
  action,
  loadingLabel,
  errorTitle,
  empty,
  children,
}: {
  query: UseInfiniteQueryResult<InfiniteData<Page<T>, unknown>, Error>;
  views?: readonly TabView<V>[];
  view?: V;
  onViewChange?: (view: V) => void;
  viewsLabel?: string;
  action?: ReactNode;
  loadingLabel: string;
  errorTitle: string;
  empty: { title: string; text: ReactNode };
  children: (rows: T[]) => ReactNode;
}) {
  const rows = query.data?.pages.flatMap((page) => page.data) ?? [];

  let body;
  if (query.isPending) body = <LoadingState label={loadingLabel} />;
  else if (query.isError) {
    body = (
      <ErrorState error={query.error} title={errorTitle} onRetry={() => void query.refetch()} />
    );
  } else if (rows.length === 0) body = <EmptyState title={empty.title}>{empty.text}</EmptyState>;
  else body = children(rows);

  return (
    <Stack gap="sm">
      {(views || action) && (
        <Group justify="space-between">
          {views && view !== undefined ? (
            <SegmentedControl
              size="xs"
              aria-label={viewsLabel}
              value={view}
              onChange={(value) => onViewChange?.(value as V)}
              data={[...views]}
            />
          ) : (
            <span />
          )}
          {action}
        </Group>
      )}
      {body}
      {query.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            Load more
          </Button>
        </Group>
      )}
    </Stack>
  );
}
