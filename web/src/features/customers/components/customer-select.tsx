import { Group, Select, Text, type OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { formatPhone } from '@navaia/shared';
import { useMemo, useState } from 'react';
import type { EntityOption, EntitySelectProps } from '../../../components/ui/entity-select';
import { useCustomerSearch } from '../api/search-customers';

/** Server-side search: the API has already filtered, so every option it sent is shown. */
const keepAll: OptionsFilter = ({ options }) => options;

/** A searchable customer picker backed by `GET /customers?search=` (name, email or phone). */
export function CustomerSelect({
  label,
  value,
  onChange,
  onBlur,
  error,
  description,
  required,
  disabled,
  selected,
}: EntitySelectProps) {
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<EntityOption | null>(selected ?? null);
  // After a pick the input shows the customer's name; that is not a new search.
  const typed = picked && search === picked.label ? '' : search;
  const [debounced] = useDebouncedValue(typed, 250);
  const customers = useCustomerSearch(debounced, !disabled);

  const { data, phones } = useMemo(() => {
    const phones = new Map<string, string>();
    const options = (customers.data?.data ?? []).map((customer) => {
      phones.set(customer.id, formatPhone(customer.phone));
      return { value: customer.id, label: customer.displayName };
    });
    const current = picked ?? selected;
    if (current && current.id === value && !options.some((o) => o.value === current.id)) {
      options.unshift({ value: current.id, label: current.label });
    }
    return { data: options, phones };
  }, [customers.data, picked, selected, value]);

  return (
    <Select
      label={label}
      description={description}
      placeholder="Search by name, email or phone"
      required={required}
      disabled={disabled}
      searchable
      clearable={!required}
      data={data}
      filter={keepAll}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onBlur={onBlur}
      onChange={(id, option) => {
        const next = id ? { id, label: option.label } : null;
        setPicked(next);
        onChange(id, next);
      }}
      error={error}
      nothingFoundMessage={customers.isFetching ? 'Searching…' : 'No customer matches'}
      renderOption={({ option }) => (
        <Group justify="space-between" wrap="nowrap" w="100%" gap="sm">
          <Text size="sm">{option.label}</Text>
          {phones.get(option.value) && (
            <Text size="xs" c="dimmed">
              {phones.get(option.value)}
            </Text>
          )}
        </Group>
      )}
    />
  );
}
