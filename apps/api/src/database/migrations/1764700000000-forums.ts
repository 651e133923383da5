import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

const fk = (table: string, column: string, target: string, onDelete = 'CASCADE') =>
  new TableForeignKey({
    name: `fk_${table}_${column}`,
    columnNames: [column],
    referencedTableName: target,
    referencedColumnNames: ['id'],
    onDelete,
  });

/**
 * Forums between teams (issue 15): `forum`, its member teams (`forum_member`, history kept when a
 * team leaves), its meetings (`forum_meeting`) and a mark per member team (`forum_attendance`).
 */
export class Forums1764700000000 implements MigrationInterface {
  name = 'Forums1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'forum',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'purpose', type: 'text' },
          { name: 'cadence_kind', type: 'varchar', length: '8' },
          { name: 'cadence_every', type: 'integer', isNullable: true },
          { name: 'start_date', type: 'varchar', length: '10' },
          { name: 'host_id', type: 'varchar', length: '36' },
          { name: 'version', type: 'integer', default: 1 },
          { name: 'created_at', type: 'varchar', length: '24' },
          { name: 'updated_at', type: 'varchar', length: '24' },
        ],
        foreignKeys: [fk('forum', 'host_id', 'app_user', 'RESTRICT')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'forum_member',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'forum_id', type: 'varchar', length: '36' },
          { name: 'team_id', type: 'varchar', length: '36' },
          { name: 'key_user_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'joined_on', type: 'varchar', length: '10' },
          { name: 'left_on', type: 'varchar', length: '10', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '24' },
        ],
        foreignKeys: [
          fk('forum_member', 'forum_id', 'forum'),
          fk('forum_member', 'team_id', 'org_unit', 'RESTRICT'),
          fk('forum_member', 'key_user_id', 'app_user', 'SET NULL'),
        ],
        indices: [
          new TableIndex({ name: 'idx_forum_member_forum', columnNames: ['forum_id'] }),
          new TableIndex({ name: 'idx_forum_member_team', columnNames: ['team_id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'forum_meeting',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'forum_id', type: 'varchar', length: '36' },
          { name: 'on_date', type: 'varchar', length: '10' },
          { name: 'minutes', type: 'text' },
          { name: 'tips', type: 'text' },
          { name: 'created_by', type: 'varchar', length: '36' },
          { name: 'version', type: 'integer', default: 1 },
          { name: 'created_at', type: 'varchar', length: '24' },
          { name: 'updated_at', type: 'varchar', length: '24' },
        ],
        foreignKeys: [
          fk('forum_meeting', 'forum_id', 'forum'),
          fk('forum_meeting', 'created_by', 'app_user', 'RESTRICT'),
        ],
        indices: [
          new TableIndex({ name: 'idx_forum_meeting_forum', columnNames: ['forum_id', 'on_date'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'forum_attendance',
        columns: [
          { name: 'meeting_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'team_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'mark', type: 'varchar', length: '10' },
          { name: 'recorded_by', type: 'varchar', length: '36' },
          { name: 'recorded_at', type: 'varchar', length: '24' },
        ],
        foreignKeys: [
          fk('forum_attendance', 'meeting_id', 'forum_meeting'),
          fk('forum_attendance', 'team_id', 'org_unit', 'RESTRICT'),
          fk('forum_attendance', 'recorded_by', 'app_user', 'RESTRICT'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('forum_attendance');
    await queryRunner.dropTable('forum_meeting');
    await queryRunner.dropTable('forum_member');
    await queryRunner.dropTable('forum');
  }
}
