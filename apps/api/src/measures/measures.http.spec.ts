import type { CaseDetailDto, MeasureDto, OrgUnitDto } from '@olievlek/shared';
import { addDays, mondayOf } from '@olievlek/domain';
import { DEMO, expectApiError, HttpClient, startTestApp, TestApp } from '../../test/test-app';

const PASSWORD = 'een-lang-wachtwoord';

describe('measures of a step: define, enter values, baseline and effect', () => {
  let t: TestApp;
  let admin: HttpClient;
  let ambassador: HttpClient;
  let member: HttpClient;
  let today: string;
  let caseFile: CaseDetailDto;
  let stepId: string;
  /** The Monday of the step's first week: its first period starts there. */
  let firstWeek: string;
  const users: Record<string, HttpClient> = {};

  async function person(email: string, body: Record<string, unknown>): Promise<HttpClient> {
    const res = await admin.post('/api/users', { email, name: email, password: PASSWORD, ...body });
    expect(res.status).toBe(201);
    return t.signedIn(email, PASSWORD);
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn(DEMO.admin);
    ambassador = await t.signedIn(DEMO.ambassador);
    today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const units = (await admin.get('/api/org-units')).body as OrgUnitDto[];
    const department = units.find((u) => u.name === 'Belastingen') as OrgUnitDto;
    const elsewhere = units.find(
      (u) => u.kind === 'directorate' && u.id !== department.parentId,
    ) as OrgUnitDto;
    const teamId = (
      await admin.post('/api/org-units', {
        parentId: department.id,
        name: 'Meetteam',
        headcount: 4,
      })
    ).body.id;
    caseFile = (await ambassador.post('/api/cases', { teamId })).body;
    const start = addDays(today, -70);
    firstWeek = mondayOf(start);
    stepId = (
      await ambassador.post(`/api/cases/${caseFile.id}/agreements`, {
        title: 'Formulier op één pagina',
        cadence: { kind: 'weeks', every: 1 },
        startDate: start,
        status: 'running',
      })
    ).body.id;
    member = await person('meetlid@voorbeeldstad.example', { roles: ['team'], teamIds: [teamId] });
    users['director in scope'] = await person('meetdirecteur@voorbeeldstad.example', {
      roles: ['director'],
      scopeOrgUnitId: department.parentId,
    });
    users['director elsewhere'] = await person('anderedirecteur@voorbeeldstad.example', {
      roles: ['director'],
      scopeOrgUnitId: elsewhere.id,
    });
    users['other ambassador'] = await person('andereambassadeur@voorbeeldstad.example', {
      roles: ['ambassador'],
    });
    users['other team'] = await t.signedIn(DEMO.team);
  }, 60_000);
  afterAll(() => t.close());

  const measures = () => `/api/agreements/${stepId}/measures`;
  const value = (id: string, date: string) => `/api/measures/${id}/values/${date}`;
  const dropOut = {
    name: 'Afhakers op het formulier',
    unit: '%',
    better: 'lower',
    cadence: { kind: 'weeks', every: 1 },
    minValue: 0,
    maxValue: 100,
    expectedResult: 'Van 80 % afhakers naar minder dan 40 %',
  };

  it("lets the case's ambassador define a measure and refuses a bad one with a clear code", async () => {
    const created = await ambassador.post(measures(), dropOut);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...dropOut,
      agreementId: stepId,
      version: 1,
      values: [],
      baseline: { median: null, count: 0, source: 'none' },
      effect: { verdict: 'too-few-values', signals: [] },
      canEdit: true,
      canEnterValues: true,
    });

    expectApiError(
      await ambassador.post(measures(), { ...dropOut, name: '  ' }),
      400,
      'VALIDATION_FAILED',
    );
    expectApiError(
      await ambassador.post(measures(), { ...dropOut, cadence: { kind: 'once' } }),
      400,
      'VALIDATION_FAILED',
    );
    expectApiError(
      await ambassador.post(measures(), { ...dropOut, better: 'sideways' }),
      400,
      'VALIDATION_FAILED',
    );
    expectApiError(
      await ambassador.post(measures(), { ...dropOut, minValue: 50, maxValue: 50 }),
      400,
      'MEASURE_INVALID_RANGE',
    );
    expectApiError(
      await ambassador.post(measures(), { ...dropOut, maxValue: 1e12 }),
      400,
      'VALIDATION_FAILED',
    );
    expectApiError(
      await ambassador.post(
        '/api/agreements/00000000-0000-0000-0000-000000000000/measures',
        dropOut,
      ),
      404,
      'AGREEMENT_NOT_FOUND',
    );
    expectApiError(
      await users['other ambassador'].post(measures(), dropOut),
      403,
      'CASE_NOT_ASSIGNED',
    );
  });

  it('shows the measures to the team and to directors of its scope, to nobody else', async () => {
    const seen = (await member.get(measures())).body as MeasureDto[];
    expect(seen.map((m) => m.name)).toEqual([dropOut.name]);
    expect(seen[0]).toMatchObject({ canEdit: false, canEnterValues: true });

    const director = await users['director in scope'].get(measures());
    expect(director.status).toBe(200);
    expect(director.body[0]).toMatchObject({ canEdit: false, canEnterValues: false });
    expectApiError(await users['director elsewhere'].get(measures()), 403, 'FORBIDDEN_SCOPE');
    expectApiError(await users['other team'].get(measures()), 403, 'FORBIDDEN_SCOPE');
    // Any ambassador may read (as they read cases); only the case's ambassadors change it.
    const other = (await users['other ambassador'].get(measures())).body as MeasureDto[];
    expect(other[0]).toMatchObject({ canEdit: false, canEnterValues: false });
  });

  it('takes one value per period from the team, and judges it against the frozen baseline', async () => {
    const [measure] = (await member.get(measures())).body as MeasureDto[];
    // Six weeks before the step: 80 % drop-out. Then, from the step's first week on, 30 %.
    for (let i = 6; i >= 1; i--) {
      const res = await member.put(value(measure.id, addDays(firstWeek, -7 * i)), { value: 80 });
      expect(res.status).toBe(200);
    }
    let latest: MeasureDto | undefined;
    for (let i = 0; i < 8; i++) {
      const res = await member.put(value(measure.id, addDays(firstWeek, 7 * i)), { value: 30 });
      expect(res.status).toBe(200);
      latest = res.body;
    }
    expect(latest?.values).toHaveLength(14);
    expect(latest?.baseline).toEqual({ median: 80, count: 6, source: 'before-start' });
    expect(latest?.effect.verdict).toBe('improved');
    expect(latest?.effect.values).toBe(8);
    expect(latest?.effect.signals).toContainEqual({
      kind: 'shift',
      side: 'better',
      from: firstWeek,
      to: addDays(firstWeek, 7 * 7),
      count: 8,
    });
  });

  it('refuses a value off its period, in the future, outside the range, or over a newer one', async () => {
    const [measure] = (await member.get(measures())).body as MeasureDto[];
    const tuesday = addDays(firstWeek, 1);
    const notStart = await member.put(value(measure.id, tuesday), { value: 10 });
    expectApiError(notStart, 400, 'MEASURE_VALUE_NOT_PERIOD_START');
    expect(notStart.body.fields.date).toBe(`use ${firstWeek}`);
    expectApiError(
      await member.put(value(measure.id, addDays(mondayOf(today), 7)), { value: 10 }),
      400,
      'MEASURE_VALUE_IN_FUTURE',
    );
    expectApiError(
      await member.put(value(measure.id, 'not-a-date'), { value: 10 }),
      400,
      'VALIDATION_FAILED',
    );
    expectApiError(
      await member.put(value(measure.id, firstWeek), { value: 101, version: 1 }),
      400,
      'MEASURE_VALUE_OUT_OF_RANGE',
    );
    expectApiError(
      await member.put(value(measure.id, firstWeek), { value: Number.NaN }),
      400,
      'VALIDATION_FAILED',
    );
    expectApiError(
      await users['other team'].put(value(measure.id, firstWeek), { value: 10 }),
      403,
      'FORBIDDEN_SCOPE',
    );

    // Entering a period's value blindly over one that is there: 409 with what is saved.
    const blind = await ambassador.put(value(measure.id, firstWeek), { value: 35 });
    expectApiError(blind, 409, 'MEASURE_VALUE_VERSION_CONFLICT');
    expect(blind.body.current).toEqual({ date: firstWeek, value: 30, version: 1 });
    const changed = await ambassador.put(value(measure.id, firstWeek), { value: 35, version: 1 });
    expect(changed.status).toBe(200);
    const stale = await member.put(value(measure.id, firstWeek), { value: 40, version: 1 });
    expectApiError(stale, 409, 'MEASURE_VALUE_VERSION_CONFLICT');
    expect(stale.body.current).toEqual({ date: firstWeek, value: 35, version: 2 });

    // Removing takes the version too; then the period is empty again.
    expectApiError(
      await member.delete(`${value(measure.id, firstWeek)}?version=1`),
      409,
      'MEASURE_VALUE_VERSION_CONFLICT',
    );
    const removed = await member.delete(`${value(measure.id, firstWeek)}?version=2`);
    expect(removed.status).toBe(200);
    expect((removed.body as MeasureDto).values.map((v) => v.date)).not.toContain(firstWeek);
    expectApiError(
      await member.delete(`${value(measure.id, firstWeek)}?version=2`),
      404,
      'MEASURE_VALUE_NOT_FOUND',
    );
    expectApiError(
      await member.put(value(measure.id, firstWeek), { value: 30, version: 2 }),
      404,
      'MEASURE_VALUE_NOT_FOUND',
    );
    expect((await member.put(value(measure.id, firstWeek), { value: 30 })).status).toBe(200);
  });

  it('changes a definition only from its latest version, and keeps values and cadence together', async () => {
    const [measure] = (await ambassador.get(measures())).body as MeasureDto[];
    const renamed = await ambassador.patch(`/api/measures/${measure.id}`, {
      version: measure.version,
      name: 'Afhakers (%)',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Afhakers (%)', version: measure.version + 1 });

    const stale = await admin.patch(`/api/measures/${measure.id}`, {
      version: measure.version,
      name: 'Iets anders',
    });
    expectApiError(stale, 409, 'MEASURE_VERSION_CONFLICT');
    expect(stale.body.current).toMatchObject({
      name: 'Afhakers (%)',
      version: measure.version + 1,
    });

    expectApiError(
      await ambassador.patch(`/api/measures/${measure.id}`, {
        version: measure.version + 1,
        cadence: { kind: 'monthly' },
      }),
      409,
      'MEASURE_CADENCE_LOCKED',
    );
    expectApiError(
      await ambassador.patch(`/api/measures/${measure.id}`, {
        version: measure.version + 1,
        maxValue: 50,
      }),
      400,
      'MEASURE_VALUE_OUT_OF_RANGE',
    );
    expectApiError(
      await member.patch(`/api/measures/${measure.id}`, { version: 1, name: 'x' }),
      403,
      'FORBIDDEN_ROLE',
    );
    expectApiError(
      await ambassador.patch('/api/measures/unknown', { version: 1, name: 'x' }),
      404,
      'MEASURE_NOT_FOUND',
    );
  });

  it('audits every change, and freezes the measures with the case', async () => {
    const events = (await admin.get('/api/audit?objectType=measure')).body.events as Array<{
      action: string;
    }>;
    const actions = new Set(events.map((e) => e.action));
    expect([...actions].sort()).toEqual([
      'measure.create',
      'measure.update',
      'measure_value.put',
      'measure_value.remove',
    ]);

    const [measure] = (await member.get(measures())).body as MeasureDto[];
    const current = (await ambassador.get(`/api/cases/${caseFile.id}`)).body as CaseDetailDto;
    const closed = await ambassador.post(`/api/cases/${caseFile.id}/close`, {
      version: current.version,
      closingSummary: 'Het formulier is kort gebleven.',
    });
    expect(closed.status).toBe(200);
    expectApiError(
      await member.put(value(measure.id, addDays(firstWeek, 7 * 8)), { value: 25 }),
      409,
      'CASE_CLOSED',
    );
    expectApiError(await ambassador.post(measures(), dropOut), 409, 'CASE_CLOSED');
    // What was measured stays readable.
    expect(((await member.get(measures())).body as MeasureDto[])[0].values.length).toBe(14);
  });
});
