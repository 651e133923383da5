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

/** Characters that show nothing (zero-width, joiners, soft hyphen, BOM, format controls). */
const INVISIBLE = /[\p{Cf}\p{Zs}\u00AD\u115F\u1160\u3164\uFFA0]|\u034F/gu;
/** Bidirectional embeddings, overrides and isolates: they reorder how a name reads. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/** A UTF-16 surrogate without its pair: not a character at all. */
// With the u flag a paired surrogate is one code point, so only a lone half matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * The name of an organisation unit: trimmed and in Unicode NFC (so "é" typed two ways is one
 * name); refused when it shows nothing, holds direction controls or half a character.
 */
export function UnitName(options?: ValidationOptions) {
  const normalise = Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && !LONE_SURROGATE.test(value)
      ? value.trim().normalize('NFC')
      : value,
  );
  const check = (object: object, propertyName: string) =>
    registerDecorator({
      name: 'unitName',
      target: object.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be visible text, without direction controls or broken characters`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' ||
          value === '' ||
          (!LONE_SURROGATE.test(value) &&
            !BIDI_CONTROL.test(value) &&
            value.replace(INVISIBLE, '') !== ''),
      },
    });
  return (object: object, propertyName: string) => {
    normalise(object, propertyName);
    check(object, propertyName);
  };
}
