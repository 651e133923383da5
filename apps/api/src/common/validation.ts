import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiException } from './api-exception';

function collect(
  errors: ValidationError[],
  prefix = '',
  out: Record<string, string> = {},
): Record<string, string> {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      // whitelist + forbidNonWhitelisted reports an unknown field with this constraint name.
      const messages = Object.entries(error.constraints).map(([name, msg]) =>
        name === 'whitelistValidation' ? `${path} is not a known field` : msg,
      );
      out[path] = messages.join('; ');
    }
    if (error.children?.length) collect(error.children, path, out);
  }
  return out;
}

/** The one global pipe: strips nothing silently — unknown fields are a 400 that names them. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const fields = collect(errors);
      const message = Object.entries(fields)
        .map(([, msg]) => msg)
        .join('. ');
      return new ApiException(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        message || 'The request is not valid.',
        fields,
      );
    },
  });
}
