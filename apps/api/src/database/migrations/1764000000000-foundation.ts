import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

const id = (name = 'id') => ({ name, type: 'varchar', length: '36', isPrimary: true });
const timestamp = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '24',
  isNullable: nullable,
});

/**
 * The foundation schema: organisation tree, users, sessions, login failures, audit events.
 * Written with TypeORM's portable Table API so the same migration runs on SQLite and PostgreSQL.
 */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'org_unit',
        columns: [
          id(),
          { name: 'parent_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'headcount', type: 'integer', isNullable: true },
          timestamp('archived_at', true),
          { name: 'version', type: 'integer', default: 1 },
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_org_unit_parent',
            columnNames: ['parent_id'],
            referencedTableName: 'org_unit',
            referencedColumnNames: ['id'],
          }),
        ],
        indices: [new TableIndex({ name: 'idx_org_unit_parent', columnNames: ['parent_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'app_user',
        columns: [
          id(),
          { name: 'email', type: 'varchar', length: '320' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'password_hash', type: 'varchar', length: '255', isNullable: true },
          { name: 'roles', type: 'varchar', length: '100' },
          { name: 'locale', type: 'varchar', length: '2', default: "'nl'" },
          { name: 'scope_org_unit_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'active', type: 'boolean', default: true },
          { name: 'version', type: 'integer', default: 1 },
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_app_user_scope',
            columnNames: ['scope_org_unit_id'],
            referencedTableName: 'org_unit',
            referencedColumnNames: ['id'],
          }),
        ],
        indices: [
          new TableIndex({ name: 'idx_app_user_email', columnNames: ['email'], isUnique: true }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'team_membership',
        columns: [
          { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'org_unit_id', type: 'varchar', length: '36', isPrimary: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_team_membership_user',
            columnNames: ['user_id'],
            referencedTableName: 'app_user',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            name: 'fk_team_membership_unit',
            columnNames: ['org_unit_id'],
            referencedTableName: 'org_unit',
            referencedColumnNames: ['id'],
          }),
        ],
        indices: [
          new TableIndex({ name: 'idx_team_membership_team', columnNames: ['org_unit_id'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'session',
        columns: [
          { name: 'token_hash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          timestamp('created_at'),
          timestamp('last_seen_at'),
          timestamp('expires_at'),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_session_user',
            columnNames: ['user_id'],
            referencedTableName: 'app_user',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [new TableIndex({ name: 'idx_session_user', columnNames: ['user_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'login_failure',
        columns: [id(), { name: 'key', type: 'varchar', length: '400' }, timestamp('at')],
        indices: [new TableIndex({ name: 'idx_login_failure_key_at', columnNames: ['key', 'at'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_event',
        columns: [
          id(),
          timestamp('at'),
          { name: 'actor_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'action', type: 'varchar', length: '64' },
          { name: 'object_type', type: 'varchar', length: '32', isNullable: true },
          { name: 'object_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'result', type: 'varchar', length: '16' },
          { name: 'origin', type: 'varchar', length: '64', isNullable: true },
          { name: 'detail', type: 'text', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'idx_audit_event_at', columnNames: ['at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'audit_event',
      'login_failure',
      'session',
      'team_membership',
      'app_user',
      'org_unit',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
