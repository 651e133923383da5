import { HttpStatus } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { parse as parseQueryString } from 'node:querystring';
import { ApiException } from './api-exception';

/** Any JSON body. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Bodies anyone may send without a session (sign-in, sign-out, unsubscribe): a few KB. */
export const PUBLIC_BODY_LIMIT_BYTES = 4 * 1024;
/** Nesting of objects and arrays: the deepest request body of the API has 3 levels. */
export const MAX_BODY_DEPTH = 8;
/** Keys and array elements together: the largest request body has about a hundred. */
export const MAX_BODY_ENTRIES = 1000;

/** A smaller body limit for this handler (route config read by `registerBodyParsers`). */
export const BodyLimit = (bytes: number) => RouteConfig({ bodyLimit: bytes });

const tooComplex = (message: string) =>
  new ApiException(HttpStatus.BAD_REQUEST, 'BODY_TOO_COMPLEX', message);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }

/**
 * Scans the raw JSON text, outside its strings, and stops at the first limit — before
 * `JSON.parse`, which alone took 0.3 s for 90,000 keys. Those 90,000 unknown keys cost the
 * validation 6 s or more and a 6 MB answer; 10,000 nested arrays overflowed its stack.
 * A body too deep or too large is refused; anything else, malformed JSON included, goes on to
 * the parser.
 */
export function checkJsonShape(text: string): ApiException | null {
  let depth = 0;
  let entries = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (OPEN.has(c)) {
      if (++depth > MAX_BODY_DEPTH) {
        return tooComplex(
          `The request body is nested more than ${MAX_BODY_DEPTH} levels deep: no request of this API needs that.`,
        );
      }
      entries++;
    } else if (CLOSE.has(c)) {
      depth--;
    } else if (c === COMMA) {
      entries++;
    }
    if (entries > MAX_BODY_ENTRIES) {
      return tooComplex(
        `The request body has more than ${MAX_BODY_ENTRIES} fields and list items: no request of this API needs that.`,
      );
    }
  }
  return null;
}

/**
 * The API's JSON parser (and the form parser the one-click unsubscribe of RFC 8058 needs): the
 * shape check on the raw text, then Fastify's own JSON parser, which refuses `__proto__` and
 * `constructor` keys — all before validation. A route's `bodyLimit` config (`@BodyLimit`,
 * `@Public`) sets its size limit.
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const limit = (route.config as { bodyLimit?: number } | undefined)?.bodyLimit;
    if (typeof limit === 'number') route.bodyLimit = limit;
  });
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const problem = checkJsonShape(String(body));
    if (problem) return done(problem, undefined);
    return parseJson(request, String(body), done);
  });
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      const parsed = parseQueryString(String(body), '&', '=', { maxKeys: MAX_BODY_ENTRIES + 1 });
      if (Object.keys(parsed).length > MAX_BODY_ENTRIES) {
        return done(
          tooComplex(`The request body has more than ${MAX_BODY_ENTRIES} fields.`),
          undefined,
        );
      }
      return done(null, { ...parsed });
    },
  );
}
