import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a team measures to see whether a step helped (docs/design.md Measure). */
@Entity({ name: 'measure' })
export class MeasureEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'agreement_id', type: 'varchar', length: 36 }) agreementId!: string;
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ type: 'varchar', length: 40 }) unit!: string;
  @Column({ type: 'varchar', length: 6 }) better!: 'higher' | 'lower';
  @Column({ name: 'cadence_kind', type: 'varchar', length: 8 }) cadenceKind!: 'weeks' | 'monthly';
  @Column({ name: 'cadence_every', type: 'integer', nullable: true }) cadenceEvery!: number | null;
  @Column({ name: 'min_value', type: 'double precision', nullable: true }) minValue!: number | null;
  @Column({ name: 'max_value', type: 'double precision', nullable: true }) maxValue!: number | null;
  @Column({ name: 'expected_result', type: 'text' }) expectedResult!: string;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @Column({ name: 'created_by', type: 'varchar', length: 36 }) createdBy!: string;
  @Column({ name: 'created_at', type: 'varchar', length: 24 }) createdAt!: string;
  @Column({ name: 'updated_at', type: 'varchar', length: 24 }) updatedAt!: string;
}

/** One value of a measure: at most one per period, keyed by the period's first day. */
@Entity({ name: 'measure_value' })
export class MeasureValueEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'measure_id', type: 'varchar', length: 36 }) measureId!: string;
  @Column({ name: 'period_start', type: 'varchar', length: 10 }) periodStart!: string;
  @Column({ type: 'double precision' }) value!: number;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @Column({ name: 'recorded_by', type: 'varchar', length: 36 }) recordedBy!: string;
  @Column({ name: 'updated_at', type: 'varchar', length: 24 }) updatedAt!: string;
}
