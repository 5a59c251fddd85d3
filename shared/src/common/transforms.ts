type TransformInput = { value: unknown };

/** class-transformer helper: trims surrounding white space from strings. */
export const trimString = ({ value }: TransformInput) =>
  typeof value === 'string' ? value.trim() : value;

/** Email addresses are compared case-insensitively, so they are stored lower-case. */
export const normaliseEmail = ({ value }: TransformInput) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
