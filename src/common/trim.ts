import { Transform } from 'class-transformer';

/** Trims text before validation, so that a value of spaces only is as empty as it looks. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value.trim()
      : Array.isArray(value)
        ? value.map((item: unknown) => (typeof item === 'string' ? item.trim() : item))
        : value,
  );
