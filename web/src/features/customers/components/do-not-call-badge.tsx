import { Badge, Tooltip } from '@mantine/core';
import { IconPhoneOff } from '@tabler/icons-react';

export function DoNotCallBadge() {
  return (
    <Tooltip label="Never called by the voice agent; campaigns skip them">
      <Badge color="red" variant="light" leftSection={<IconPhoneOff size={12} aria-hidden />}>
        Do not call
      </Badge>
    </Tooltip>
  );
}
