import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Admins browse the audit trail by actor, by action and by object, newest first: one index for
 * each, ending in `at` so the newest-first page reads straight from the index.
 */
export class AuditIndexes1764360000000 implements MigrationInterface {
  name = 'AuditIndexes1764360000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndices('audit_event', [
      new TableIndex({ name: 'idx_audit_event_actor_at', columnNames: ['actor_id', 'at'] }),
      new TableIndex({ name: 'idx_audit_event_action_at', columnNames: ['action', 'at'] }),
      new TableIndex({
        name: 'idx_audit_event_object',
        columnNames: ['object_type', 'object_id', 'at'],
      }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of [
      'idx_audit_event_object',
      'idx_audit_event_action_at',
      'idx_audit_event_actor_at',
    ]) {
      await queryRunner.dropIndex('audit_event', name);
    }
  }
}
