import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { OrgUnitKind } from '@olievlek/shared';

/**
 * One node of `organisation > directorate > department > team`.
 * Timestamps are ISO-8601 UTC strings (see docs/adr/0002-portable-schema.md).
 */
@Entity({ name: 'org_unit' })
@Index('idx_org_unit_parent', ['parentId'])
export class OrgUnitEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'parent_id', type: 'varchar', length: 36, nullable: true })
  parentId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind!: OrgUnitKind;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'integer', nullable: true })
  headcount!: number | null;

  /** HR's code for the unit (set by the import): recognises a renamed or moved team. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  code?: string | null;

  @Column({ name: 'archived_at', type: 'varchar', length: 24, nullable: true })
  archivedAt!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt!: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt!: string;
}
