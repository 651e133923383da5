import { Injectable } from '@nestjs/common';
import { effectAt, isLocalDate, periodContaining } from '@olievlek/domain';
import type { Cadence } from '@olievlek/domain';
import type { MeasureDto } from '@olievlek/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AgreementEntity } from '../agreements/entities/agreement.entity';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { CaseAccess } from '../cases/case-access';
import { badRequest, conflict, forbidden, notFound } from '../common/api-exception';
import { OrgClock } from '../common/clock';
import { nowIso } from '../common/time';
import { updateVersioned } from '../common/versioned';
import { OrgUnitsService } from '../org-units/org-units.service';
import type { CreateMeasureBody, PutMeasureValueBody, UpdateMeasureBody } from './dto/measure.dto';
import { MeasureEntity, MeasureValueEntity } from './entities/measure.entity';

/** A value lies in this century: an earlier date is a typing error. */
const EARLIEST = '2000-01-01';

/**
 * Measures of a step and their values (docs/design.md Measure; the rules in libs/domain
 * `measures.ts`). Who reads them: admins, ambassadors, the team and its partner team, directors
 * whose scope holds the team. Who defines them: the case's ambassadors and admins, while the case
 * is open. Who enters values: those, and the members of the team or its partner team. Every
 * change is versioned (409 with what is saved) and audited.
 */
@Injectable()
export class MeasuresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseAccess,
    private readonly orgUnits: OrgUnitsService,
    private readonly audit: AuditService,
    private readonly clock: OrgClock,
  ) {}

  async list(user: AuthUser, agreementId: string): Promise<MeasureDto[]> {
    const manager = this.dataSource.manager;
    const agreement = await this.agreement(manager, agreementId);
    await this.assertMayRead(user, agreement);
    const measures = await manager
      .getRepository(MeasureEntity)
      .find({ where: { agreementId }, order: { createdAt: 'ASC' } });
    return this.toDtos(manager, user, agreement, measures);
  }

  async create(
    user: AuthUser,
    agreementId: string,
    body: CreateMeasureBody,
    origin: string,
  ): Promise<MeasureDto> {
    return this.dataSource.transaction(async (manager) => {
      const agreement = await this.agreement(manager, agreementId);
      await this.cases.findOpenEditable(user, agreement.caseId, manager);
      const range = { minValue: body.minValue ?? null, maxValue: body.maxValue ?? null };
      checkRange(range.minValue, range.maxValue);
      const now = nowIso();
      const measure: MeasureEntity = {
        id: randomUUID(),
        agreementId,
        name: body.name,
        unit: body.unit ?? '',
        better: body.better,
        cadenceKind: body.cadence.kind,
        cadenceEvery: body.cadence.kind === 'weeks' ? (body.cadence.every ?? 1) : null,
        ...range,
        expectedResult: body.expectedResult ?? '',
        version: 1,
        createdBy: user.id,
        createdAt: now,
        updatedAt: now,
      };
      await manager.getRepository(MeasureEntity).insert({ ...measure });
      await this.record(manager, user, origin, 'measure.create', 'measure', measure.id, {
        agreementId,
      });
      return (await this.toDtos(manager, user, agreement, [measure]))[0];
    });
  }

  async update(
    user: AuthUser,
    id: string,
    body: UpdateMeasureBody,
    origin: string,
  ): Promise<MeasureDto> {
    return this.dataSource.transaction(async (manager) => {
      const measure = await this.measure(manager, id);
      const agreement = await this.agreement(manager, measure.agreementId);
      await this.cases.findOpenEditable(user, agreement.caseId, manager);
      if (body.version !== measure.version) throw await this.stale(manager, user, measure);

      const minValue = body.minValue !== undefined ? body.minValue : measure.minValue;
      const maxValue = body.maxValue !== undefined ? body.maxValue : measure.maxValue;
      checkRange(minValue, maxValue);
      const values = await manager.getRepository(MeasureValueEntity).findBy({ measureId: id });
      const cadence = body.cadence
        ? {
            cadenceKind: body.cadence.kind,
            cadenceEvery: body.cadence.kind === 'weeks' ? (body.cadence.every ?? 1) : null,
          }
        : { cadenceKind: measure.cadenceKind, cadenceEvery: measure.cadenceEvery };
      const cadenceChanged =
        cadence.cadenceKind !== measure.cadenceKind ||
        cadence.cadenceEvery !== measure.cadenceEvery;
      if (cadenceChanged && values.length) {
        throw conflict(
          'MEASURE_CADENCE_LOCKED',
          `"${measure.name}" already has ${values.length} value(s); its values belong to its periods, so its cadence stays. Add a new measure for another cadence.`,
        );
      }
      const outside = values.filter((v) => !withinRange(v.value, minValue, maxValue));
      if (outside.length) {
        throw badRequest(
          'MEASURE_VALUE_OUT_OF_RANGE',
          `${outside.length} value(s) already lie outside that range; change them first.`,
          { [body.minValue !== undefined ? 'minValue' : 'maxValue']: 'excludes saved values' },
        );
      }
      const changes: Partial<MeasureEntity> = {
        ...(body.name !== undefined && { name: body.name }),
        ...(body.unit !== undefined && { unit: body.unit }),
        ...(body.better !== undefined && { better: body.better }),
        ...(body.expectedResult !== undefined && { expectedResult: body.expectedResult }),
        ...cadence,
        minValue,
        maxValue,
      };
      await updateVersioned(manager, MeasureEntity, id, body.version, changes, () =>
        this.versionConflict(measure),
      );
      await this.record(manager, user, origin, 'measure.update', 'measure', id, {
        fields: Object.keys(body).filter((k) => k !== 'version'),
      });
      const saved = await this.measure(manager, id);
      return (await this.toDtos(manager, user, agreement, [saved]))[0];
    });
  }

  /** Enters or changes the value of the period that starts on `date`. */
  async putValue(
    user: AuthUser,
    id: string,
    date: string,
    body: PutMeasureValueBody,
    origin: string,
  ): Promise<MeasureDto> {
    return this.dataSource.transaction(async (manager) => {
      const { measure, agreement } = await this.forValues(manager, user, id);
      this.checkPeriodStart(measure, agreement, date);
      if (!withinRange(body.value, measure.minValue, measure.maxValue)) {
        throw badRequest(
          'MEASURE_VALUE_OUT_OF_RANGE',
          `A value of "${measure.name}" lies ${rangeWords(measure.minValue, measure.maxValue)}.`,
          { value: 'outside the range' },
        );
      }
      const repo = manager.getRepository(MeasureValueEntity);
      const existing = await repo.findOneBy({ measureId: id, periodStart: date });
      if (existing) {
        if (body.version !== existing.version) throw this.valueConflict(existing);
        await updateVersioned(
          manager,
          MeasureValueEntity,
          existing.id,
          existing.version,
          { value: body.value, recordedBy: user.id },
          () => this.valueConflict(existing),
        );
      } else {
        if (body.version !== undefined) {
          throw notFound(
            'MEASURE_VALUE_NOT_FOUND',
            'This value has been removed in the meantime; enter it again if it is still right.',
          );
        }
        try {
          await repo.insert({
            id: randomUUID(),
            measureId: id,
            periodStart: date,
            value: body.value,
            version: 1,
            recordedBy: user.id,
            updatedAt: nowIso(),
          });
        } catch {
          // The unique index: someone entered this period's value at the same moment.
          const saved = await repo.findOneByOrFail({ measureId: id, periodStart: date });
          throw this.valueConflict(saved);
        }
      }
      await this.record(manager, user, origin, 'measure_value.put', 'measure', id, { date });
      return (await this.toDtos(manager, user, agreement, [measure]))[0];
    });
  }

  async removeValue(
    user: AuthUser,
    id: string,
    date: string,
    version: number,
    origin: string,
  ): Promise<MeasureDto> {
    return this.dataSource.transaction(async (manager) => {
      const { measure, agreement } = await this.forValues(manager, user, id);
      const repo = manager.getRepository(MeasureValueEntity);
      const existing = isLocalDate(date)
        ? await repo.findOneBy({ measureId: id, periodStart: date })
        : null;
      if (!existing)
        throw notFound('MEASURE_VALUE_NOT_FOUND', 'There is no value for this period.');
      if (existing.version !== version) throw this.valueConflict(existing);
      const result = await repo.delete({ id: existing.id, version });
      if (!result.affected) throw this.valueConflict(existing);
      await this.record(manager, user, origin, 'measure_value.remove', 'measure', id, { date });
      return (await this.toDtos(manager, user, agreement, [measure]))[0];
    });
  }

  // --- access ------------------------------------------------------------------------------

  private async assertMayRead(user: AuthUser, agreement: AgreementEntity): Promise<void> {
    if (user.roles.includes('admin') || user.roles.includes('ambassador')) return;
    if (isMember(user, agreement)) return;
    if (
      user.roles.includes('director') &&
      user.scopeOrgUnitId &&
      (await this.orgUnits.subtree(user.scopeOrgUnitId)).has(agreement.teamId)
    )
      return;
    throw forbidden('FORBIDDEN_SCOPE', 'This step lies outside what you may see.');
  }

  /** The measure and its step, when the user may enter values and the case is open. */
  private async forValues(
    manager: EntityManager,
    user: AuthUser,
    id: string,
  ): Promise<{ measure: MeasureEntity; agreement: AgreementEntity }> {
    const measure = await this.measure(manager, id);
    const agreement = await this.agreement(manager, measure.agreementId);
    if (!isMember(user, agreement) && !(await this.cases.canEdit(user, agreement.caseId, manager)))
      throw forbidden(
        'FORBIDDEN_SCOPE',
        "Values are entered by the team, its partner team and the case's ambassadors.",
      );
    const caseFile = await this.cases.find(agreement.caseId, manager);
    if (caseFile.status !== 'open')
      throw conflict('CASE_CLOSED', 'This case is closed; its measures can no longer change.');
    return { measure, agreement };
  }

  // --- rules -------------------------------------------------------------------------------

  private checkPeriodStart(measure: MeasureEntity, agreement: AgreementEntity, date: string) {
    if (!isLocalDate(date) || date < EARLIEST) {
      throw badRequest('VALIDATION_FAILED', 'The period is a date as YYYY-MM-DD.', {
        date: 'must be a date as YYYY-MM-DD',
      });
    }
    const period = periodContaining(cadenceOf(measure), agreement.startDate, date);
    if (period.start !== date) {
      throw badRequest(
        'MEASURE_VALUE_NOT_PERIOD_START',
        `A value belongs to a period of "${measure.name}"; the period holding ${date} starts on ${period.start}.`,
        { date: `use ${period.start}` },
      );
    }
    if (date > this.clock.today()) {
      throw badRequest(
        'MEASURE_VALUE_IN_FUTURE',
        'A period that has not started yet has no value; enter it when it has begun.',
        { date: 'not in the future' },
      );
    }
  }

  private versionConflict(measure: MeasureEntity) {
    return conflict(
      'MEASURE_VERSION_CONFLICT',
      `Someone else changed "${measure.name}" in the meantime. Look at their version, then try again.`,
    );
  }

  private async stale(manager: EntityManager, user: AuthUser, measure: MeasureEntity) {
    const agreement = await this.agreement(manager, measure.agreementId);
    const [current] = await this.toDtos(manager, user, agreement, [measure]);
    return this.versionConflict(measure).withCurrent(current);
  }

  private valueConflict(saved: MeasureValueEntity) {
    return conflict(
      'MEASURE_VALUE_VERSION_CONFLICT',
      'Someone else entered a value for this period in the meantime. Look at theirs, then choose.',
    ).withCurrent({ date: saved.periodStart, value: saved.value, version: saved.version });
  }

  // --- reading -----------------------------------------------------------------------------

  private async agreement(manager: EntityManager, id: string): Promise<AgreementEntity> {
    const found = await manager.getRepository(AgreementEntity).findOneBy({ id });
    if (!found) throw notFound('AGREEMENT_NOT_FOUND', 'This improvement step does not exist.');
    return found;
  }

  private async measure(manager: EntityManager, id: string): Promise<MeasureEntity> {
    const found = await manager.getRepository(MeasureEntity).findOneBy({ id });
    if (!found) throw notFound('MEASURE_NOT_FOUND', 'This measure does not exist.');
    return found;
  }

  private async toDtos(
    manager: EntityManager,
    user: AuthUser,
    agreement: AgreementEntity,
    measures: readonly MeasureEntity[],
  ): Promise<MeasureDto[]> {
    if (!measures.length) return [];
    const values = await manager.getRepository(MeasureValueEntity).find({
      where: { measureId: In(measures.map((m) => m.id)) },
      order: { periodStart: 'ASC' },
    });
    const canEdit = await this.cases.canEdit(user, agreement.caseId, manager);
    const canEnterValues = canEdit || isMember(user, agreement);
    const today = this.clock.today();
    return [...measures]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      .map((m) => {
        const own = values.filter((v) => v.measureId === m.id);
        const cadence = cadenceOf(m);
        // The step's first period belongs to the step: its value is not a "before" value.
        const start = periodContaining(cadence, agreement.startDate, agreement.startDate).start;
        const effect = effectAt(
          m.better,
          start,
          own.map((v) => ({ date: v.periodStart, value: v.value })),
          today,
        );
        return {
          id: m.id,
          agreementId: m.agreementId,
          stepStartDate: agreement.startDate,
          name: m.name,
          unit: m.unit,
          better: m.better,
          cadence:
            m.cadenceKind === 'weeks'
              ? { kind: 'weeks', every: m.cadenceEvery ?? 1 }
              : { kind: 'monthly' },
          minValue: m.minValue,
          maxValue: m.maxValue,
          expectedResult: m.expectedResult,
          version: m.version,
          createdAt: m.createdAt,
          updatedAt: m.updatedAt,
          values: own.map((v) => ({
            date: v.periodStart,
            value: v.value,
            version: v.version,
            recordedAt: v.updatedAt,
          })),
          baseline: effect.baseline,
          effect: { verdict: effect.verdict, values: effect.values, signals: effect.signals },
          canEdit,
          canEnterValues,
        };
      });
  }

  private record(
    manager: EntityManager,
    user: AuthUser,
    origin: string,
    action: string,
    objectType: string,
    objectId: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(
      { actorId: user.id, action, objectType, objectId, result: 'success', origin, detail },
      manager,
    );
  }
}

function cadenceOf(measure: MeasureEntity): Cadence {
  return measure.cadenceKind === 'weeks'
    ? { kind: 'weeks', every: measure.cadenceEvery ?? 1 }
    : { kind: 'monthly' };
}

function isMember(user: AuthUser, agreement: AgreementEntity): boolean {
  return (
    user.teamIds.includes(agreement.teamId) ||
    (!!agreement.partnerTeamId && user.teamIds.includes(agreement.partnerTeamId))
  );
}

function checkRange(min: number | null, max: number | null): void {
  if (min !== null && max !== null && min >= max) {
    throw badRequest('MEASURE_INVALID_RANGE', 'The lowest value lies below the highest.', {
      maxValue: 'must be above minValue',
    });
  }
}

function withinRange(value: number, min: number | null, max: number | null): boolean {
  return (min === null || value >= min) && (max === null || value <= max);
}

function rangeWords(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `from ${min} to ${max}`;
  if (min !== null) return `at or above ${min}`;
  return `at or below ${max}`;
}
