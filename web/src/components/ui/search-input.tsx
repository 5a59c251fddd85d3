import { CloseButton, TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';

export interface SearchInputProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  /** The applied search (e.g. from the URL). */
  value: string;
  /** Called with the trimmed text once typing pauses, or at once on Enter or clear. */
  onSearch: (value: string) => void;
  delay?: number;
}

/** A text filter that asks the API only once typing pauses. */
export function SearchInput({ value, onSearch, delay = 300, ...props }: SearchInputProps) {
  const [text, setText] = useState(value);
  const debounced = useDebouncedCallback((next: string) => onSearch(next.trim()), delay);

  // Follow changes from outside (back button, "clear filters").
  useEffect(() => {
    setText((current) => (current.trim() === value ? current : value));
  }, [value]);

  return (
    <TextInput
      type="search"
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={
        text ? (
          <CloseButton
            size="sm"
            aria-label="Clear search"
            onClick={() => {
              setText('');
              debounced.cancel();
              onSearch('');
            }}
          />
        ) : null
      }
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        debounced(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          debounced.cancel();
          onSearch(text.trim());
        }
      }}
      {...props}
    />
  );
}
