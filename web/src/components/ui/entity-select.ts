import type { ComponentType, ReactNode } from 'react';

/** A record picked by id, with the text people recognise it by. */
export interface EntityOption {
  id: string;
  label: string;
}

/**
 * The props of a picker for records of another feature (a customer for a ticket, say). Forms
 * take the picker as a component prop and routes pass the real one, so features never import
 * each other.
 */
export interface EntitySelectProps {
  label: string;
  value: string | null;
  /** `option` carries the picked record's label, for pickers that list what was picked. */
  onChange: (value: string | null, option?: EntityOption | null) => void;
  onBlur?: () => void;
  error?: ReactNode;
  description?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  /** The current value's label, so it shows before anything is searched. */
  selected?: EntityOption | null;
}

export type EntitySelect = ComponentType<EntitySelectProps>;
