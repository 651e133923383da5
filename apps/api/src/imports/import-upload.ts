import { HttpStatus } from '@nestjs/common';
import { IMPORT_MAX_BYTES } from '@olievlek/shared';
import type { FastifyInstance } from 'fastify';
import { ApiException } from '../common/api-exception';

/** What an upload may be sent as: the file itself as the body, whatever the browser calls it. */
export const IMPORT_CONTENT_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
];

const megabytes = Math.round(IMPORT_MAX_BYTES / 1024 / 1024);

export const fileTooLarge = () =>
  new ApiException(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'IMPORT_FILE_TOO_LARGE',
    `The file is larger than ${megabytes} MB. Split it into parts, or leave out columns the import does not use.`,
  );

/**
 * Reads a raw file body (CSV or XLSX) for the import routes only, with its own size limit: the
 * rest of the API keeps speaking JSON with its 1 MiB limit, and a file type sent anywhere else
 * is a 415 as before. A body above the limit is refused as soon as it is known to be too large.
 */
export function registerImportUpload(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(IMPORT_CONTENT_TYPES, (request, payload, done) => {
    if (!request.url.startsWith('/api/imports/')) {
      done(
        new ApiException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          'UNSUPPORTED_MEDIA_TYPE',
          'Send the request body as JSON (Content-Type: application/json).',
        ),
        undefined,
      );
      return;
    }
    if (Number(request.headers['content-length']) > IMPORT_MAX_BYTES) {
      done(fileTooLarge(), undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    const finish = (error: Error | null, body?: Buffer) => {
      if (finished) return;
      finished = true;
      done(error, body);
    };
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > IMPORT_MAX_BYTES) {
        chunks.length = 0;
        payload.removeAllListeners('data');
        payload.resume();
        finish(fileTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    payload.on('end', () => finish(null, Buffer.concat(chunks)));
    payload.on('error', (error) => finish(error));
  });
}
