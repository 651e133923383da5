import { badRequest } from './api-exception';

/** `?flag=true|false`; anything else is a 400 that names the parameter. */
export function parseBooleanQuery(name: string, value: string | undefined): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw badRequest('VALIDATION_FAILED', `${name} must be true or false.`, {
    [name]: 'must be true or false',
  });
}
