import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Sign-in limits per account *and* address (issue 20): a failed attempt for an account remembers
 * the address it came from, so a stranger's wrong passwords do not lock out the person who signs
 * in from their own address.
 */
export class LoginThrottle1764600000000 implements MigrationInterface {
  name = 'LoginThrottle1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'login_failure',
      new TableColumn({ name: 'origin', type: 'varchar', length: '64', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('login_failure', 'origin');
  }
}
