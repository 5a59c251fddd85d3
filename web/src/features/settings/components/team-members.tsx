import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLock, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { hasRole, Role, type UserView } from '@navaia/shared';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../../components/ui/notify';
import { LoadMore } from '../../../components/ui/load-more';
import { SectionHeader } from '../../../components/ui/section-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-states';
import { isApiError } from '../../../lib/api-client';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { formatDateTime } from '../../../lib/format';
import { useUsers } from '../api/get-users';
import { useUpdateUser } from '../api/update-user';
import { AddMemberModal } from './add-member-modal';
import { RemoveMemberModal } from './remove-member-modal';
import { ROLE_LABELS, ROLE_OPTIONS } from './role-options';

function RoleSelect({ member }: { member: UserView }) {
  const updateUser = useUpdateUser();
  // Show the chosen role while the change is on its way; the server's answer settles it.
  const role = (updateUser.isPending && updateUser.variables.role) || member.role;
  return (
    <NativeSelect
      aria-label={`Role of ${member.name}`}
      size="xs"
      w={120}
      data={ROLE_OPTIONS}
      value={role}
      disabled={updateUser.isPending}
      onChange={(event) => {
        const next = event.currentTarget.value as Role;
        updateUser.mutate(
          { id: member.id, role: next },
          {
            onSuccess: (user) =>
              notifySuccess(`${user.name} is now ${ROLE_LABELS[user.role].toLowerCase()}`),
            onError: (error) => notifyError(error, `Could not change ${member.name}'s role`),
          },
        );
      }}
    />
  );
}

export function TeamMembers() {
  const { user: me } = useAuthenticatedSession();
  const canManage = hasRole(me.role, Role.Admin);
  const users = useUsers();
  const [adding, { open: openAdd, close: closeAdd }] = useDisclosure(false);
  const [removing, setRemoving] = useState<UserView | null>(null);
  const members = users.data?.pages.flatMap((page) => page.data) ?? [];

  let body;
  if (users.isPending) {
    body = <LoadingState label="Loading team members" />;
  } else if (isApiError(users.error) && users.error.status === 403) {
    body = (
      <Alert icon={<IconLock size={18} />} color="gray" data-testid="team-restricted">
        Only admins and owners can see the team.
      </Alert>
    );
  } else if (users.isError) {
    body = (
      <ErrorState
        error={users.error}
        title="Could not load team members"
        onRetry={() => void users.refetch()}
      />
    );
  } else if (members.length === 0) {
    body = <EmptyState title="No team members yet" />;
  } else {
    body = (
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" highlightOnHover data-testid="team-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Last login</Table.Th>
              {canManage && (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) => {
              const isMe = member.id === me.id;
              // Nobody edits their own role or removes themselves here; that needs another admin.
              const editable = canManage && !isMe;
              return (
                <Table.Tr key={member.id} data-testid={`member-${member.id}`}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={500}>
                        {member.name}
                      </Text>
                      {isMe && (
                        <Badge size="xs" variant="light">
                          You
                        </Badge>
                      )}
                      {member.mustChangePassword && (
                        <Tooltip label="Has not yet replaced the initial password">
                          <Badge size="xs" variant="light" color="yellow">
                            Invited
                          </Badge>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{member.email}</Table.Td>
                  <Table.Td>
                    {editable ? (
                      <RoleSelect member={member} />
                    ) : (
                      <Badge variant="outline" color="gray">
                        {ROLE_LABELS[member.role] ?? member.role}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDateTime(member.lastLoginAt, 'Never')}</Table.Td>
                  {canManage && (
                    <Table.Td>
                      {editable && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove ${member.name}`}
                          onClick={() => setRemoving(member)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="md">
      <SectionHeader
        title="Team"
        description={
          canManage
            ? 'Who can use Navaia for your organisation, and what they may do.'
            : 'Only admins and owners can add, change or remove members.'
        }
        actions={
          canManage && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={openAdd}>
              Add member
            </Button>
          )
        }
      />
      {body}
      <LoadMore query={users} />
      {canManage && (
        <>
          <AddMemberModal opened={adding} onClose={closeAdd} />
          <RemoveMemberModal member={removing} onClose={() => setRemoving(null)} />
        </>
      )}
    </Stack>
  );
}
