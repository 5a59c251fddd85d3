import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';

/** Previous / next through a keyset-paginated list (there is no total, so no page count). */
export function Pager({
  page,
  hasPrevious,
  hasNext,
  loading,
  onPrevious,
  onNext,
}: {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  loading?: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  if (!hasPrevious && !hasNext) return null;
  return (
    <Group justify="flex-end" gap="xs" aria-label="Pages" role="navigation">
      <Text size="sm" c="dimmed" mr="xs">
        Page {page}
      </Text>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconChevronLeft size={14} />}
        disabled={!hasPrevious || loading}
        onClick={onPrevious}
      >
        Previous
      </Button>
      <Button
        variant="default"
        size="xs"
        rightSection={<IconChevronRight size={14} />}
        disabled={!hasNext}
        loading={loading}
        onClick={onNext}
      >
        Next
      </Button>
    </Group>
  );
}
