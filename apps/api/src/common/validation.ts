import { ArgumentMetadata, HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldProblem } from '@olievlek/shared';
import { ApiException } from './api-exception';
import { fieldProblem } from './field-rules';

/** Fields named in one answer: enough to fix a form, too few to make the answer a burden. */
export const MAX_FIELD_ERRORS = 10;

function collect(
  errors: ValidationError[],
  prefix = '',
  out: Record<string, string> = {},
  rules: Record<string, FieldProblem> = {},
): Record<string, string> {
  for (const error of errors) {
    if (Object.keys(out).length >= MAX_FIELD_ERRORS) break;
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      // whitelist + forbidNonWhitelisted reports an unknown field with this constraint name.
      const messages = Object.entries(error.constraints).map(([name, msg]) =>
        name === 'whitelistValidation' ? `${path} is not a known field` : msg,
      );
      out[path] = messages.join('; ');
      const problem = fieldProblem(error);
      if (problem) rules[path] = problem;
    }
    if (error.children?.length) collect(error.children, path, out, rules);
  }
  return out;
}

function countErrors(errors: ValidationError[]): number {
  let n = 0;
  for (const error of errors) {
    if (error.constraints) n++;
    if (error.children?.length) n += countErrors(error.children);
  }
  return n;
}

/** The NUL character: no text a person types holds it, and PostgreSQL refuses it in any string. */
function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const found =
      findNul(key, path, depth + 1) ?? findNul(child, path ? `${path}.${key}` : key, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

class OlievlekValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata) {
    // Body, query and path parameters alike: refused here, before anything reads the database.
    const where = findNul(value, metadata.data ?? '');
    if (where !== null) {
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        `${where || metadata.type} must not contain the NUL character.`,
        { [where || metadata.type]: 'must not contain the NUL character' },
      ).withFieldRules({ [where || metadata.type]: { rule: 'noNul' } });
    }
    return super.transform(value, metadata);
  }
}

/** The one global pipe: strips nothing silently — unknown fields are a 400 that names them. */
export function createValidationPipe(): ValidationPipe {
  return new OlievlekValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // The target lets field-rules.ts find a rule's limit; neither it nor the value is ever sent.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => {
      const rules: Record<string, FieldProblem> = {};
      const fields = collect(errors, '', {}, rules);
      const more = countErrors(errors) - Object.keys(fields).length;
      const message =
        Object.entries(fields)
          .map(([, msg]) => msg)
          .join('. ') + (more > 0 ? `. And ${more} more.` : '');
      return new ApiException(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        message || 'The request is not valid.',
        fields,
      ).withFieldRules(rules);
    },
  });
}
