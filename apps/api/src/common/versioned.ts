import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { ApiException } from './api-exception';
import { nowIso } from './time';

/**
 * Optimistic concurrency, one way everywhere: a compare-and-set on `version`.
 * `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?` — a stale version
 * changes nothing and throws the given 409, so no edit silently overwrites another.
 */
export async function updateVersioned<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  expectedVersion: number,
  changes: QueryDeepPartialEntity<T>,
  onConflict: () => ApiException,
): Promise<{ version: number; updatedAt: string }> {
  const stamp = { version: expectedVersion + 1, updatedAt: nowIso() };
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, ...stamp } as QueryDeepPartialEntity<T>)
    .where('id = :id AND version = :version', { id, version: expectedVersion })
    .execute();
  if (result.affected !== 1) throw onConflict();
  return stamp;
}
