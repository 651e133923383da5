import type { ForumKind } from '@olievlek/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A recurring or one-off meeting between teams (docs/design.md §Between teams, Forum). */
@Entity({ name: 'forum' })
export class ForumEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ type: 'varchar', length: 20 }) kind!: ForumKind;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'text' }) purpose!: string;
  @Column({ name: 'cadence_kind', type: 'varchar', length: 8 }) cadenceKind!:
    'once' | 'weeks' | 'monthly';
  @Column({ name: 'cadence_every', type: 'integer', nullable: true }) cadenceEvery!: number | null;
  @Column({ name: 'start_date', type: 'varchar', length: 10 }) startDate!: string;
  @Column({ name: 'host_id', type: 'varchar', length: 36 }) hostId!: string;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @Column({ name: 'created_at', type: 'varchar', length: 24 }) createdAt!: string;
  @Column({ name: 'updated_at', type: 'varchar', length: 24 }) updatedAt!: string;
}
