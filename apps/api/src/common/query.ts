import { appendAll } from '@olievlek/domain';
import type { FastifyInstance } from 'fastify';
import { badRequest } from './api-exception';

/** `?flag=true|false`; anything else is a 400 that names the parameter. */
export function parseBooleanQuery(name: string, value: string | undefined): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw badRequest('VALIDATION_FAILED', `${name} must be true or false.`, {
    [name]: 'must be true or false',
  });
}

/**
 * A case-insensitive "contains" pattern for `LOWER(column) LIKE :term ESCAPE '\\'`, with LIKE's
 * wildcards escaped: "100%" searches for "100%", not for "100" and anything after it.
 */
export const containsTerm = (text: string): string =>
  `%${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;

/**
 * Ids per `IN (…)` list. SQLite refuses a statement with more than 32,766 parameters, which a
 * list of every team of a national organisation (20,000, twice in one query) exceeds.
 */
export const IDS_PER_QUERY = 5000;

/** Runs `query` for the ids a chunk at a time and joins the rows (none when there are no ids). */
export async function inChunks<T>(
  ids: readonly string[],
  query: (chunk: string[]) => Promise<T[]>,
  size = IDS_PER_QUERY,
): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += size) appendAll(rows, await query(ids.slice(i, i + size)));
  return rows;
}

/**
 * Every query parameter of this API is one value: `?teamId=A&teamId=B` is a 400 that names the
 * parameter, for every route at once, before any handler reads it (it used to reach the database
 * as a list and answer 500 "Too many parameter values").
 */
export function registerSingleQueryValues(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request) => {
    const query = request.query as Record<string, unknown> | undefined;
    for (const [name, value] of Object.entries(query ?? {})) {
      if (Array.isArray(value)) {
        throw badRequest('VALIDATION_FAILED', `${name} must be given once.`, {
          [name]: 'must be given once',
        });
      }
    }
  });
}
