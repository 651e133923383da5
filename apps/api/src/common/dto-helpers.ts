import { Transform } from 'class-transformer';

/** Trim strings before validation, so "  " is empty and names do not keep stray spaces. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
