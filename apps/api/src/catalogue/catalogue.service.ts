import { Injectable } from '@nestjs/common';
import { updateVersioned } from '../common/versioned';
import type { CadenceDto, PracticeDto, ThemeDto } from '@olievlek/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { conflict, notFound } from '../common/api-exception';
import { cadenceColumns, toCadence } from '../common/cadence.dto';
import { nowIso } from '../common/time';
import type { CreatePracticeDto, UpdatePracticeDto } from './dto/practice.dto';
import { PracticeEntity, ThemeEntity } from './entities/practice.entity';

export function toPracticeDto(p: PracticeEntity): PracticeDto {
  return {
    id: p.id,
    title: { nl: p.titleNl, en: p.titleEn },
    description: { nl: p.descriptionNl, en: p.descriptionEn },
    why: { nl: p.whyNl, en: p.whyEn },
    cadence: toCadence(p.cadenceKind, p.cadenceEvery) as CadenceDto,
    category: p.category,
    needsPartner: p.needsPartner,
    retiredAt: p.retiredAt,
    version: p.version,
  };
}

@Injectable()
export class CatalogueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(includeRetired: boolean): Promise<PracticeDto[]> {
    const practices = await this.dataSource.getRepository(PracticeEntity).find({
      where: includeRetired ? {} : { retiredAt: IsNull() },
      order: { titleNl: 'ASC' },
    });
    return practices.map(toPracticeDto);
  }

  async get(id: string): Promise<PracticeDto> {
    return toPracticeDto(await this.find(id));
  }

  async themes(): Promise<ThemeDto[]> {
    const themes = await this.dataSource
      .getRepository(ThemeEntity)
      .find({ order: { nameNl: 'ASC' } });
    return themes.map((t) => ({ id: t.id, name: { nl: t.nameNl, en: t.nameEn } }));
  }

  async create(dto: CreatePracticeDto, actor: AuthUser, origin: string): Promise<PracticeDto> {
    const now = nowIso();
    const practice: PracticeEntity = {
      id: randomUUID(),
      titleNl: dto.title.nl,
      titleEn: dto.title.en,
      descriptionNl: dto.description.nl,
      descriptionEn: dto.description.en,
      whyNl: dto.why.nl,
      whyEn: dto.why.en,
      ...cadenceColumns(dto.cadence as CadenceDto),
      category: dto.category,
      needsPartner: dto.needsPartner,
      retiredAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(PracticeEntity).insert({ ...practice });
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'practice.create',
          objectType: 'practice',
          objectId: practice.id,
          result: 'success',
          origin,
        },
        manager,
      );
    });
    return toPracticeDto(practice);
  }

  async update(
    id: string,
    dto: UpdatePracticeDto,
    actor: AuthUser,
    origin: string,
  ): Promise<PracticeDto> {
    const practice = await this.find(id);
    const changes: Partial<PracticeEntity> = {};
    if (dto.title) Object.assign(changes, { titleNl: dto.title.nl, titleEn: dto.title.en });
    if (dto.description)
      Object.assign(changes, {
        descriptionNl: dto.description.nl,
        descriptionEn: dto.description.en,
      });
    if (dto.why) Object.assign(changes, { whyNl: dto.why.nl, whyEn: dto.why.en });
    if (dto.cadence) Object.assign(changes, cadenceColumns(dto.cadence as CadenceDto));
    if (dto.category !== undefined) changes.category = dto.category;
    if (dto.needsPartner !== undefined) changes.needsPartner = dto.needsPartner;
    return this.saveVersioned(practice, dto.version, changes, actor, origin, 'practice.update');
  }

  async setRetired(
    id: string,
    version: number,
    retired: boolean,
    actor: AuthUser,
    origin: string,
  ): Promise<PracticeDto> {
    const practice = await this.find(id);
    return this.saveVersioned(
      practice,
      version,
      { retiredAt: retired ? nowIso() : null },
      actor,
      origin,
      retired ? 'practice.retire' : 'practice.restore',
    );
  }

  private async find(id: string): Promise<PracticeEntity> {
    const practice = await this.dataSource.getRepository(PracticeEntity).findOneBy({ id });
    if (!practice) throw notFound('PRACTICE_NOT_FOUND', 'This practice is not in the catalogue.');
    return practice;
  }

  private async saveVersioned(
    practice: PracticeEntity,
    version: number,
    changes: Partial<PracticeEntity>,
    actor: AuthUser,
    origin: string,
    action: string,
  ): Promise<PracticeDto> {
    return this.dataSource.transaction(async (manager) => {
      const stamp = await updateVersioned(
        manager,
        PracticeEntity,
        practice.id,
        version,
        changes,
        () =>
          conflict(
            'PRACTICE_VERSION_CONFLICT',
            `Someone else changed "${practice.titleNl}" in the meantime. Reload and try again.`,
          ),
      );
      const next = { ...changes, ...stamp };
      await this.audit.record(
        {
          actorId: actor.id,
          action,
          objectType: 'practice',
          objectId: practice.id,
          result: 'success',
          origin,
        },
        manager,
      );
      return toPracticeDto({ ...practice, ...next });
    });
  }
}
