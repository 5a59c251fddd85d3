import { Alert, Button, Center, Code, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { describeError } from '../../lib/form-errors';
import { isApiError } from '../../lib/api-client';

function isChunkLoadError(error: unknown): boolean {
  // After a deploy the old page may ask for code that no longer exists.
  return (
    error instanceof Error &&
    /dynamically imported module|Failed to fetch|Importing a module script failed/i.test(
      error.message,
    )
  );
}

/** Shown in place of one route when it throws, so the rest of the app keeps working. */
export function RouteErrorBoundary() {
  const error = useRouteError();

  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Center py="xl">
        <Stack align="center">
          <Title order={2}>Page not found</Title>
          <Button component={Link} to="/">
            Go home
          </Button>
        </Stack>
      </Center>
    );
  }

  const message = isChunkLoadError(error)
    ? 'A new version of Navaia is available. Reload the page to continue.'
    : isApiError(error)
      ? describeError(error)
      : 'An unexpected error occurred while showing this page.';
  const requestId = isApiError(error) ? error.requestId : undefined;

  return (
    <Stack p="md" maw={640}>
      <Alert
        color="red"
        icon={<IconAlertTriangle size={18} />}
        title="Something went wrong"
        role="alert"
      >
        <Stack gap="xs">
          <Text size="sm">{message}</Text>
          {requestId && (
            <Text size="xs" c="dimmed">
              Request id: <Code>{requestId}</Code>
            </Text>
          )}
          <Group>
            <Button size="xs" variant="light" color="red" onClick={() => window.location.reload()}>
              Reload
            </Button>
            <Button size="xs" variant="subtle" component={Link} to="/">
              Go home
            </Button>
          </Group>
        </Stack>
      </Alert>
    </Stack>
  );
}
