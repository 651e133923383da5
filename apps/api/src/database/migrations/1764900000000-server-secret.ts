import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * A secret the server makes for itself when SESSION_SECRET is not set (issue 20, finding 11):
 * random per database, kept here so every instance and every restart signs with the same key,
 * and never a constant anyone can read in the repository.
 */
export class ServerSecret1764900000000 implements MigrationInterface {
  name = 'ServerSecret1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'server_secret',
        columns: [
          { name: 'name', type: 'varchar', length: '40', isPrimary: true },
          { name: 'value', type: 'varchar', length: '128' },
          { name: 'created_at', type: 'varchar', length: '30' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('server_secret');
  }
}
