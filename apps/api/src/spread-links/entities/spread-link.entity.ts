import { Column, Entity, PrimaryColumn } from 'typeorm';

/** "Team B took up practice P from team A" (docs/design.md SpreadLink): an edge of the oil stain. */
@Entity({ name: 'spread_link' })
export class SpreadLinkEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'source_team_id', type: 'varchar', length: 36 }) sourceTeamId!: string;
  @Column({ name: 'target_team_id', type: 'varchar', length: 36 }) targetTeamId!: string;
  /** Null: the target learned from the source without one catalogue practice to name. */
  @Column({ name: 'practice_id', type: 'varchar', length: 36, nullable: true }) practiceId!:
    string | null;
  /** The local date the target took it up. */
  @Column({ name: 'on_date', type: 'varchar', length: 10 }) onDate!: string;
  /** Free text; shown to admins and ambassadors, never to directors. */
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'recorded_by', type: 'varchar', length: 36 }) recordedBy!: string;
  @Column({ name: 'created_at', type: 'varchar', length: 24 }) createdAt!: string;
}
