import { Badge } from '@mantine/core';
import type { ApiKeyView } from '@navaia/shared';
import { formatDateTime } from '../../../lib/format';

export function ApiKeyStatusBadge({ apiKey }: { apiKey: ApiKeyView }) {
  switch (apiKey.status) {
    case 'active':
      return <Badge color="green">Active</Badge>;
    case 'rotating':
      return (
        <Badge color="yellow" style={{ textTransform: 'none' }}>
          Rotating until {formatDateTime(apiKey.graceUntil)}
        </Badge>
      );
    case 'rotated':
      return <Badge color="gray">Rotated</Badge>;
    case 'expired':
      return <Badge color="gray">Expired</Badge>;
    case 'revoked':
      return <Badge color="red">Revoked</Badge>;
  }
}
