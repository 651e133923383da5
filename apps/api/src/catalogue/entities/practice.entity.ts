import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A catalogue entry: a practice teams can agree to try. Retired ones stay on agreements. */
@Entity({ name: 'practice' })
export class PracticeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'title_nl', type: 'varchar', length: 200 }) titleNl!: string;
  @Column({ name: 'title_en', type: 'varchar', length: 200 }) titleEn!: string;
  @Column({ name: 'description_nl', type: 'text' }) descriptionNl!: string;
  @Column({ name: 'description_en', type: 'text' }) descriptionEn!: string;
  @Column({ name: 'why_nl', type: 'text' }) whyNl!: string;
  @Column({ name: 'why_en', type: 'text' }) whyEn!: string;
  @Column({ name: 'cadence_kind', type: 'varchar', length: 8 }) cadenceKind!:
    'once' | 'weeks' | 'monthly';
  @Column({ name: 'cadence_every', type: 'integer', nullable: true }) cadenceEvery!: number | null;
  @Column({ type: 'varchar', length: 40 }) category!: string;
  @Column({ name: 'needs_partner', type: 'boolean', default: false }) needsPartner!: boolean;
  @Column({ name: 'retired_at', type: 'varchar', length: 24, nullable: true }) retiredAt!:
    string | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @Column({ name: 'created_at', type: 'varchar', length: 24 }) createdAt!: string;
  @Column({ name: 'updated_at', type: 'varchar', length: 24 }) updatedAt!: string;
}

@Entity({ name: 'theme' })
export class ThemeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'name_nl', type: 'varchar', length: 80 }) nameNl!: string;
  @Column({ name: 'name_en', type: 'varchar', length: 80 }) nameEn!: string;
}
