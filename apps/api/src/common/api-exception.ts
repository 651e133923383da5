import { HttpException, HttpStatus } from '@nestjs/common';
import type { ApiErrorBody, ErrorCode, FieldProblem } from '@olievlek/shared';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? 'Error';
}

/** The one way the API reports a failure: a status, a stable code and a message a person can act on. */
export class ApiException extends HttpException {
  constructor(
    status: number,
    code: ErrorCode,
    message: string,
    fields?: Record<string, string>,
    current?: unknown,
  ) {
    const body: ApiErrorBody = { statusCode: status, error: statusText(status), message, code };
    if (fields) body.fields = fields;
    if (current !== undefined) body.current = current;
    super(body, status);
  }

  get code(): ErrorCode {
    return (this.getResponse() as ApiErrorBody).code;
  }

  /** The same failure, now carrying what is saved at this moment. */
  withCurrent(current: unknown): ApiException {
    const body = this.getResponse() as ApiErrorBody;
    const next = new ApiException(this.getStatus(), body.code, body.message, body.fields, current);
    if (body.fieldRules) (next.getResponse() as ApiErrorBody).fieldRules = body.fieldRules;
    return next;
  }

  /** The same failure, saying per field which rule was broken (for the client's own words). */
  withFieldRules(rules: Record<string, FieldProblem>): ApiException {
    if (Object.keys(rules).length > 0) (this.getResponse() as ApiErrorBody).fieldRules = rules;
    return this;
  }
}

export const notFound = (code: ErrorCode, message: string) =>
  new ApiException(HttpStatus.NOT_FOUND, code, message);
export const conflict = (code: ErrorCode, message: string) =>
  new ApiException(HttpStatus.CONFLICT, code, message);
export const badRequest = (code: ErrorCode, message: string, fields?: Record<string, string>) =>
  new ApiException(HttpStatus.BAD_REQUEST, code, message, fields);
export const forbidden = (code: ErrorCode, message: string) =>
  new ApiException(HttpStatus.FORBIDDEN, code, message);
