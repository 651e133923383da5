import { Transform } from 'class-transformer';
import { isLocalDate } from '@olievlek/domain';
import { registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';

/** Trim strings before validation, so "  " is empty and names do not keep stray spaces. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** A calendar date `YYYY-MM-DD` that exists (no 31 February). */
export function IsLocalDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isLocalDate',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be a date as YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isLocalDate(value) },
    });
}

/** Private notes are short texts; 10,000 characters is several pages. */
export const NOTE_MAX_LENGTH = 10_000;

/**
 * The field may be left out, but when present it must pass its validators: unlike `@IsOptional()`,
 * `null` is not let through (it would reach a NOT NULL column as a 500).
 */
export const Omittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** Version counters and other stored integers are 32-bit in the schema: larger is a 400, not a 500. */
export const MAX_INT32 = 2_147_483_647;
