import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ApiErrorBody, ErrorCode } from '@olievlek/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { statusText } from './api-exception';

const DEFAULT_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'NOT_AUTHENTICATED',
  403: 'FORBIDDEN_ROLE',
  404: 'NOT_FOUND',
  409: 'VALIDATION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message?: string;
}

/**
 * Maps every error to `{ statusCode, error, message, code }`. Never a stack trace, never SQL:
 * unexpected errors are logged here and answered with a generic 500.
 * It also serves the client's index.html for unknown non-API GET paths (deep links into the SPA).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly spaIndexAvailable: boolean) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const body = this.toBody(exception, request);

    if (
      body.code === 'ROUTE_NOT_FOUND' &&
      this.spaIndexAvailable &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api')
    ) {
      // Deep link into the Angular client: let the client's router decide.
      void (reply as FastifyReply & { sendFile(name: string): FastifyReply })
        .header('cache-control', 'no-cache')
        .sendFile('index.html');
      return;
    }

    if (body.statusCode >= 500) {
      this.logger.error(
        `${request.method} ${request.url} failed`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    void reply
      .status(body.statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .send(body);
  }

  private toBody(exception: unknown, request: FastifyRequest): ApiErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'code' in response) {
        return response as ApiErrorBody;
      }
      if (status === 404) {
        return {
          statusCode: 404,
          error: statusText(404),
          message: `There is no ${request.method} ${request.url.split('?')[0]} in this API.`,
          code: 'ROUTE_NOT_FOUND',
        };
      }
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? String((response as { message: unknown }).message)
          : exception.message;
      // Fastify's body-parser errors reach us wrapped in a plain HttpException.
      if (status === 400 && /JSON/.test(message))
        return this.fromFastifyError({ code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
      if (status === 415 || status === 413)
        return this.fromFastifyError({
          statusCode: status,
          code: status === 415 ? 'FST_ERR_CTP_INVALID_MEDIA_TYPE' : 'FST_ERR_CTP_BODY_TOO_LARGE',
        });
      return {
        statusCode: status,
        error: statusText(status),
        message,
        code: DEFAULT_CODES[status] ?? 'INTERNAL_ERROR',
      };
    }

    const fastifyError = exception as FastifyLikeError;
    if (
      fastifyError &&
      typeof fastifyError.statusCode === 'number' &&
      fastifyError.statusCode < 500
    ) {
      return this.fromFastifyError(fastifyError);
    }
    return {
      statusCode: 500,
      error: statusText(500),
      message: 'Something went wrong on our side. Nothing was changed; please try again.',
      code: 'INTERNAL_ERROR',
    };
  }

  private fromFastifyError(error: FastifyLikeError): ApiErrorBody {
    const status = error.statusCode ?? 400;
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return {
          statusCode: 415,
          error: statusText(415),
          message: 'Send the request body as JSON (Content-Type: application/json).',
          code: 'UNSUPPORTED_MEDIA_TYPE',
        };
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return {
          statusCode: 413,
          error: statusText(413),
          message: 'The request body is too large.',
          code: 'PAYLOAD_TOO_LARGE',
        };
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return {
          statusCode: 400,
          error: statusText(400),
          message: 'The request body is not valid JSON.',
          code: 'INVALID_JSON',
        };
      default:
        if (status === 400 && /JSON/i.test(error.message ?? '')) {
          return {
            statusCode: 400,
            error: statusText(400),
            message: 'The request body is not valid JSON.',
            code: 'INVALID_JSON',
          };
        }
        return {
          statusCode: status,
          error: statusText(status),
          message: status === 400 ? 'The request could not be read.' : statusText(status),
          code: DEFAULT_CODES[status] ?? 'VALIDATION_FAILED',
        };
    }
  }
}
