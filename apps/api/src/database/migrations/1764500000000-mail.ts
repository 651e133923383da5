import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

const userFk = (table: string) =>
  new TableForeignKey({
    name: `fk_${table}_user`,
    columnNames: ['user_id'],
    referencedTableName: 'app_user',
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });

/**
 * Mail: reminders and digests (issue 8).
 *
 * - `mail_preference`: one row per (person, mail kind) that the person changed; no row means the
 *   mail is on (each mail carries a one-click unsubscribe).
 * - `mail_run`: one row per (mail kind, period) — the job fired for that week or month. Whichever
 *   instance inserts it first starts the run; the primary key makes that race harmless.
 * - `mail_delivery`: one row per (mail kind, period, recipient), claimed before the mail is sent.
 *   The primary key is what makes each mail go out once across instances: the instance whose
 *   INSERT succeeds sends it; a `failed` row (SMTP down) or a `sending` row older than the lease
 *   (an instance that died mid-send) is taken over by a compare-and-set UPDATE.
 */
export class Mail1764500000000 implements MigrationInterface {
  name = 'Mail1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'mail_preference',
        columns: [
          { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '40', isPrimary: true },
          { name: 'enabled', type: 'boolean' },
          { name: 'updated_at', type: 'varchar', length: '24' },
        ],
        foreignKeys: [userFk('mail_preference')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'mail_run',
        columns: [
          { name: 'kind', type: 'varchar', length: '40', isPrimary: true },
          { name: 'period', type: 'varchar', length: '10', isPrimary: true },
          { name: 'started_at', type: 'varchar', length: '24' },
          { name: 'completed_at', type: 'varchar', length: '24', isNullable: true },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'mail_delivery',
        columns: [
          { name: 'kind', type: 'varchar', length: '40', isPrimary: true },
          { name: 'period', type: 'varchar', length: '10', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'attempts', type: 'integer', default: 1 },
          { name: 'claimed_by', type: 'varchar', length: '64' },
          { name: 'claimed_at', type: 'varchar', length: '24' },
          { name: 'sent_at', type: 'varchar', length: '24', isNullable: true },
          { name: 'message_id', type: 'varchar', length: '255', isNullable: true },
          { name: 'last_error', type: 'varchar', length: '500', isNullable: true },
        ],
        foreignKeys: [userFk('mail_delivery')],
        indices: [new TableIndex({ name: 'idx_mail_delivery_user', columnNames: ['user_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('mail_delivery');
    await queryRunner.dropTable('mail_run');
    await queryRunner.dropTable('mail_preference');
  }
}
