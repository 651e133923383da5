import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One named level of the organisation's tree (ADR 0007): depth 1 is just below the organisation. */
@Entity({ name: 'org_level' })
export class OrgLevelEntity {
  @PrimaryColumn({ type: 'integer' }) depth!: number;
  @Column({ name: 'name_nl', type: 'varchar', length: 60 }) nameNl!: string;
  @Column({ name: 'name_en', type: 'varchar', length: 60 }) nameEn!: string;
  @Column({ name: 'is_department_level', type: 'boolean', default: false })
  isDepartmentLevel!: boolean;
}
