import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One piece of a team's timeline (`teamTimeline` in libs/domain): from `from_date` until the day
 * before `until_date` the team is at `stage` with `stalled` of its agreements stalled. A piece is
 * stored once for every calendar month it overlaps (`month`), so the stages of every team on a
 * date are one index range: `month = :m AND from_date <= :t AND until_date > :t`. Derived data,
 * kept up to date in the transaction of every write it depends on (ADR 0006).
 */
@Entity({ name: 'team_stage_span' })
export class TeamStageSpanEntity {
  @PrimaryColumn({ name: 'month', type: 'varchar', length: 7 }) month!: string;
  @PrimaryColumn({ name: 'team_id', type: 'varchar', length: 36 }) teamId!: string;
  @PrimaryColumn({ name: 'from_date', type: 'varchar', length: 10 }) fromDate!: string;
  /** Exclusive; `9999-12-31` while nothing is known to end it. */
  @Column({ name: 'until_date', type: 'varchar', length: 10 }) untilDate!: string;
  @Column({ type: 'varchar', length: 16 }) stage!: string;
  @Column({ type: 'integer' }) stalled!: number;
}

/** Per team with a timeline: what the figures over the whole history need, and how far it goes. */
@Entity({ name: 'team_timeline' })
export class TeamTimelineEntity {
  @PrimaryColumn({ name: 'team_id', type: 'varchar', length: 36 }) teamId!: string;
  /** The day its first case opened. */
  @Column({ name: 'first_reached_on', type: 'varchar', length: 10, nullable: true })
  firstReachedOn!: string | null;
  /** The day it first reached `practising` (adopter categories), if it has. */
  @Column({ name: 'first_rooted_on', type: 'varchar', length: 10, nullable: true })
  firstRootedOn!: string | null;
  /** The timeline holds for dates up to this day; refreshed before it runs out. */
  @Column({ name: 'computed_until', type: 'varchar', length: 10 }) computedUntil!: string;
}

/**
 * A team whose facts changed since its timeline was computed: marked in the writer's transaction,
 * settled (recomputed and removed) before the next read. `token` changes with every mark, so a
 * settle removes only the marks it has seen.
 */
@Entity({ name: 'team_timeline_change' })
export class TeamTimelineChangeEntity {
  @PrimaryColumn({ name: 'team_id', type: 'varchar', length: 36 }) teamId!: string;
  @Column({ type: 'varchar', length: 36 }) token!: string;
}
