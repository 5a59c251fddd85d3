import { Select } from '@mantine/core';
import type { ReactNode } from 'react';
import { useMembers } from '../api/get-members';

/** Pick a team member to own the ticket; clearing it leaves the ticket unassigned. */
export function AssigneeSelect({
  value,
  onChange,
  onBlur,
  error,
  disabled,
  label = 'Assignee',
  placeholder = 'Unassigned',
}: {
  value: string | null;
  onChange: (value: string | null) => void;
  onBlur?: () => void;
  error?: ReactNode;
  disabled?: boolean;
  label?: string;
  /** What an empty value means here: "Unassigned" on a ticket, "Anyone" in a filter. */
  placeholder?: string;
}) {
  const members = useMembers();
  const data = (members.data ?? []).map((member) => ({ value: member.id, label: member.name }));
  if (value && !data.some((option) => option.value === value)) {
    // A former member still owns the ticket; keep showing that rather than a blank.
    data.push({ value, label: 'Former member' });
  }
  return (
    <Select
      label={label}
      placeholder={members.isPending ? 'Loading team…' : placeholder}
      searchable
      clearable
      data={data}
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      disabled={disabled}
      error={error ?? (members.isError ? 'Could not load the team' : undefined)}
      nothingFoundMessage="No such member"
    />
  );
}

/** The name of a ticket's assignee, from the team directory. */
export function useAssigneeName(assigneeId: string | null): string | null {
  const members = useMembers();
  if (!assigneeId) return null;
  return members.data?.find((member) => member.id === assigneeId)?.name ?? null;
}
