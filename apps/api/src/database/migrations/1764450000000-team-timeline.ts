import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * Team timelines for the olievlek view (ADR 0006): each team's stage and stalled agreements as
 * pieces of time, kept up to date on every write they depend on, so the view reads one row per
 * team for any date instead of computing every stage from the check-offs.
 *
 * The tables start empty: the API fills them at boot when they do not match the cases
 * (`createApp` → `TeamTimelineService.rebuildAll`), which also covers a database restored from an
 * older backup or loaded by a script.
 *
 * - `team_timeline_change`: the teams whose facts changed since their timeline was computed, marked
 *   in the transaction of the write; the next read (or a moment later) recomputes them.
 * - `team_stage_span` primary key `(month, team_id, from_date)`: the view's read is one range of
 *   it (`month = :m AND from_date <= :t`); `idx_team_stage_span_team` serves the refresh of a team.
 */
export class TeamTimeline1764450000000 implements MigrationInterface {
  name = 'TeamTimeline1764450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'team_stage_span',
        columns: [
          { name: 'month', type: 'varchar', length: '7', isPrimary: true },
          { name: 'team_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'from_date', type: 'varchar', length: '10', isPrimary: true },
          { name: 'until_date', type: 'varchar', length: '10' },
          { name: 'stage', type: 'varchar', length: '16' },
          { name: 'stalled', type: 'integer' },
        ],
        indices: [new TableIndex({ name: 'idx_team_stage_span_team', columnNames: ['team_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'team_timeline',
        columns: [
          { name: 'team_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'first_reached_on', type: 'varchar', length: '10', isNullable: true },
          { name: 'first_rooted_on', type: 'varchar', length: '10', isNullable: true },
          { name: 'computed_until', type: 'varchar', length: '10' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'team_timeline_change',
        columns: [
          { name: 'team_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'token', type: 'varchar', length: '36' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('team_timeline_change');
    await queryRunner.dropTable('team_timeline');
    await queryRunner.dropTable('team_stage_span');
  }
}
