import type { BoardDto, OrgUnitDto, PracticeDto } from '@olievlek/shared';
import { addDays, isoWeekKey } from '@olievlek/domain';
import { DEMO, expectApiError, HttpClient, startTestApp, TestApp } from '../../test/test-app';

describe('the team board over HTTP', () => {
  let t: TestApp;
  let admin: HttpClient;
  let ambassador: HttpClient;
  let today: string;
  let teamId: string;
  let otherTeamId: string;
  let caseId: string;
  const members: HttpClient[] = [];
  let practices: PracticeDto[];

  async function member(email: string, team: string): Promise<HttpClient> {
    const res = await admin.post('/api/users', {
      email,
      name: email.split('@')[0],
      roles: ['team'],
      password: 'een-lang-wachtwoord',
      teamIds: [team],
    });
    expect(res.status).toBe(201);
    const client = t.client();
    expect(
      (await client.post('/api/auth/login', { email, password: 'een-lang-wachtwoord' })).status,
    ).toBe(200);
    return client;
  }

  async function agreement(body: object): Promise<string> {
    const res = await ambassador.post(`/api/cases/${caseId}/agreements`, {
      cadence: { kind: 'weeks', every: 1 },
      status: 'running',
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn(DEMO.admin);
    ambassador = await t.signedIn(DEMO.ambassador);
    today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const units = (await admin.get('/api/org-units')).body as OrgUnitDto[];
    const department = units.find((u) => u.name === 'Belastingen') as OrgUnitDto;
    teamId = (
      await admin.post('/api/org-units', {
        parentId: department.id,
        name: 'Bordteam',
        headcount: 12,
      })
    ).body.id;
    otherTeamId = (
      await admin.post('/api/org-units', {
        parentId: department.id,
        name: 'Buurteam',
        headcount: 6,
      })
    ).body.id;
    caseId = (await ambassador.post('/api/cases', { teamId })).body.id;
    practices = (await admin.get('/api/practices')).body;
    for (let i = 0; i < 6; i++) members.push(await member(`lid${i}@voorbeeldstad.example`, teamId));
  });
  afterAll(() => t.close());

  it('shows the running steps due this period, and ticks one in one request', async () => {
    const id = await agreement({ practiceId: practices[0].id, startDate: addDays(today, -21) });
    const board = (await members[0].get('/api/board')).body as BoardDto;
    const step = board.teams[0].agreements.find((a) => a.id === id);
    expect(step?.current.key).toBe(isoWeekKey(today));
    expect(step?.grid).toHaveLength(4);
    const res = await members[0].put(`/api/agreements/${id}/check-offs/${isoWeekKey(today)}`, {
      state: 'done',
    });
    expect(res.status).toBe(200);
    expect(res.body.current.status).toBe('done');
    expect(res.body.habit.level).toBe('building');
  });

  it('gives one record when two members tick the same step at the same moment, and neither sees an error', async () => {
    const id = await agreement({ title: 'Samen tegelijk', startDate: today });
    const key = isoWeekKey(today);
    const results = await Promise.all(
      members
        .slice(0, 2)
        .map((m) => m.put(`/api/agreements/${id}/check-offs/${key}`, { state: 'done' })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const rows = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM check_off WHERE agreement_id = '${id}'`,
    );
    expect(Number(rows[0].n)).toBe(1);
  });

  it('loses nothing with 50 parallel tickers on different agreements', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 50; i++)
      ids.push(await agreement({ title: `Stap ${i}`, startDate: today }));
    const key = isoWeekKey(today);
    const results = await Promise.all(
      ids.map((id, i) =>
        members[i % members.length].put(`/api/agreements/${id}/check-offs/${key}`, {
          state: i % 5 === 0 ? 'skipped' : 'done',
          ...(i % 5 === 0 ? { reason: 'Vakantie' } : {}),
        }),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const rows = await t.dataSource.query(
      `SELECT agreement_id, state FROM check_off WHERE period_key = '${key}'`,
    );
    for (const [i, id] of ids.entries()) {
      expect(rows.find((r: { agreement_id: string }) => r.agreement_id === id)?.state).toBe(
        i % 5 === 0 ? 'skipped' : 'done',
      );
    }
  });

  it('undoes a tick, needs a reason to skip, and fills in a missed past week', async () => {
    const id = await agreement({ title: 'Inhalen', startDate: addDays(today, -28) });
    const lastWeek = isoWeekKey(addDays(today, -7));
    expectApiError(
      await members[1].put(`/api/agreements/${id}/check-offs/${lastWeek}`, { state: 'skipped' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(
      (
        await members[1].put(`/api/agreements/${id}/check-offs/${lastWeek}`, {
          state: 'skipped',
          reason: 'Ziek',
        })
      ).body.grid.find((c: { key: string }) => c.key === lastWeek),
    ).toMatchObject({ status: 'skipped', reason: 'Ziek' });
    const undone = await members[1].delete(`/api/agreements/${id}/check-offs/${lastWeek}`);
    expect(undone.body.grid.find((c: { key: string }) => c.key === lastWeek).status).toBe('missed');
    const filled = await members[1].put(`/api/agreements/${id}/check-offs/${lastWeek}`, {
      state: 'done',
    });
    expect(filled.body.grid.find((c: { key: string }) => c.key === lastWeek).status).toBe('done');
  });

  it('refuses ticks outside the team, in the future, before the start, too old, or on a paused or dropped step — and changes nothing', async () => {
    const id = await agreement({ title: 'Grenzen', startDate: addDays(today, -70) });
    const outsider = await member('buiten@voorbeeldstad.example', otherTeamId);
    const key = isoWeekKey(today);
    expectApiError(
      await outsider.put(`/api/agreements/${id}/check-offs/${key}`, { state: 'done' }),
      403,
      'CHECKOFF_NOT_MEMBER',
    );
    expectApiError(
      await members[2].put(`/api/agreements/${id}/check-offs/${isoWeekKey(addDays(today, 7))}`, {
        state: 'done',
      }),
      403,
      'CHECKOFF_FUTURE_PERIOD',
    );
    expectApiError(
      await members[2].put(`/api/agreements/${id}/check-offs/${isoWeekKey(addDays(today, -84))}`, {
        state: 'done',
      }),
      403,
      'CHECKOFF_BEFORE_START',
    );
    expectApiError(
      await members[2].put(`/api/agreements/${id}/check-offs/${isoWeekKey(addDays(today, -63))}`, {
        state: 'done',
      }),
      403,
      'CHECKOFF_TOO_OLD',
    );
    expectApiError(
      await members[2].put(`/api/agreements/${id}/check-offs/next-week`, { state: 'done' }),
      400,
      'CHECKOFF_UNKNOWN_PERIOD',
    );
    expectApiError(
      await ambassador.put(`/api/agreements/${id}/check-offs/${key}`, { state: 'done' }),
      403,
      'FORBIDDEN_ROLE',
    );
    const current = (await ambassador.get(`/api/agreements/${id}`)).body;
    await ambassador.post(`/api/agreements/${id}/status`, {
      version: current.version,
      status: 'paused',
      reason: 'Druk',
    });
    expectApiError(
      await members[2].put(`/api/agreements/${id}/check-offs/${key}`, { state: 'done' }),
      403,
      'CHECKOFF_AGREEMENT_NOT_RUNNING',
    );
    const rows = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM check_off WHERE agreement_id = '${id}'`,
    );
    expect(Number(rows[0].n)).toBe(0);
  });

  it('lets the partner team of a hand-off agreement tick it too', async () => {
    const partner = await member('partner@voorbeeldstad.example', otherTeamId);
    const id = await agreement({
      title: 'Overdracht',
      startDate: today,
      partnerTeamId: otherTeamId,
    });
    const board = (await partner.get('/api/board')).body as BoardDto;
    expect(board.teams[0].agreements.map((a) => a.id)).toContain(id);
    expect(
      (
        await partner.put(`/api/agreements/${id}/check-offs/${isoWeekKey(today)}`, {
          state: 'done',
        })
      ).status,
    ).toBe(200);
  });

  it('keeps one reflection per member and period, shown to the team', async () => {
    const id = await agreement({ title: 'Reflecteren', startDate: today });
    const key = isoWeekKey(today);
    await members[3].put(`/api/agreements/${id}/reflections/${key}`, { text: 'Eerste versie' });
    const res = await members[3].put(`/api/agreements/${id}/reflections/${key}`, {
      text: 'Het overleg was korter.',
    });
    expect(res.body.reflections).toEqual([
      expect.objectContaining({ periodKey: key, text: 'Het overleg was korter.' }),
    ]);
    const seen = (await members[4].get('/api/board')).body as BoardDto;
    expect(
      seen.teams[0].agreements.find((a) => a.id === id)?.reflections.map((r) => r.text),
    ).toEqual(['Het overleg was korter.']);
    // The case's ambassadors see the team's reflections on the case page.
    const detail = (await ambassador.get(`/api/cases/${caseId}`)).body;
    expect(
      detail.agreements
        .find((a: { id: string }) => a.id === id)
        .reflections.map((r: { text: string }) => r.text),
    ).toEqual(['Het overleg was korter.']);
    expectApiError(
      await members[3].put(`/api/agreements/${id}/reflections/${isoWeekKey(addDays(today, 7))}`, {
        text: 'x',
      }),
      400,
      'CHECKOFF_UNKNOWN_PERIOD',
    );
  });

  it('collects pulse answers anonymously, once per member, and shows figures only for a closed round with k answers', async () => {
    const round = (await ambassador.post('/api/pulse-rounds', { teamId })).body;
    expect(round.questions).toHaveLength(4);
    const answers = (score: number) => ({
      answers: round.questions.map((q: { question: { id: string } }) => ({
        questionId: q.question.id,
        score,
      })),
    });
    for (let i = 0; i < 4; i++)
      expect(
        (await members[i].post(`/api/pulse-rounds/${round.id}/answers`, answers(i + 2))).status,
      ).toBe(204);
    expectApiError(
      await members[0].post(`/api/pulse-rounds/${round.id}/answers`, answers(5)),
      409,
      'PULSE_ALREADY_ANSWERED',
    );
    expectApiError(
      await members[5].post(`/api/pulse-rounds/${round.id}/answers`, {
        answers: [{ questionId: round.questions[0].question.id, score: 9 }],
      }),
      400,
      'VALIDATION_FAILED',
    );
    const outsider = t.client();
    await outsider.post('/api/auth/login', {
      email: 'buiten@voorbeeldstad.example',
      password: 'een-lang-wachtwoord',
    });
    expectApiError(
      await outsider.post(`/api/pulse-rounds/${round.id}/answers`, answers(1)),
      403,
      'PULSE_NOT_MEMBER',
    );

    // The answer rows hold no person.
    const columns = Object.keys((await t.dataSource.query('SELECT * FROM pulse_answer'))[0]);
    expect(columns.sort()).toEqual(['id', 'question_id', 'round_id', 'score']);

    // Open round: never a figure, only how many answered.
    let results = (await ambassador.get(`/api/pulse-rounds?teamId=${teamId}`)).body;
    expect(
      results[0].questions.every((q: { figure: { withheld: boolean } }) => q.figure.withheld),
    ).toBe(true);
    expect(results[0].respondents).toBe(4);

    // Closed with 4 < k = 5 answers: still withheld, with how many more were needed.
    await ambassador.post(`/api/pulse-rounds/${round.id}/close`);
    results = (await members[0].get(`/api/pulse-rounds?teamId=${teamId}`)).body;
    expect(results[0].questions[0].figure).toEqual({ withheld: true, count: 4, needed: 1 });
    expect(JSON.stringify(results)).not.toMatch(/mean/);
    expectApiError(
      await members[5].post(`/api/pulse-rounds/${round.id}/answers`, answers(3)),
      409,
      'PULSE_CLOSED',
    );

    // A round with six answers shows the figures once closed.
    const second = (await ambassador.post('/api/pulse-rounds', { teamId })).body;
    for (const m of members)
      await m.post(`/api/pulse-rounds/${second.id}/answers`, {
        answers: second.questions.map((q: { question: { id: string } }) => ({
          questionId: q.question.id,
          score: 4,
        })),
      });
    await ambassador.post(`/api/pulse-rounds/${second.id}/close`);
    results = (await members[0].get(`/api/pulse-rounds?teamId=${teamId}`)).body;
    const shown = results.find((r: { id: string }) => r.id === second.id);
    expect(shown.questions[0].figure).toEqual({
      withheld: false,
      count: 6,
      mean: 4,
      distribution: [0, 0, 0, 6, 0],
    });

    // A director outside the team's directorate sees nothing; the demo director's scope is Sociaal Domein.
    expectApiError(
      await (await t.signedIn(DEMO.director)).get(`/api/pulse-rounds?teamId=${teamId}`),
      403,
      'FORBIDDEN_SCOPE',
    );
  });

  it('gives the demo team member a believable board: open steps this week, one to catch up on, an open pulse', async () => {
    const board = (await (await t.signedIn(DEMO.team)).get('/api/board')).body as BoardDto;
    const [team] = board.teams;
    expect(team.team.name).toBe('Klantmanagement Werk');
    expect(team.agreements.length).toBeGreaterThanOrEqual(3);
    expect(team.agreements.every((a) => a.current.status === 'open')).toBe(true);
    expect(team.agreements.some((a) => a.grid.some((c) => c.status === 'missed'))).toBe(true);
    expect(team.agreements.some((a) => a.reflections.length > 0)).toBe(true);
    expect(team.pulses).toEqual([expect.objectContaining({ answered: false })]);
    const results = (
      await (await t.signedIn(DEMO.team)).get(`/api/pulse-rounds?teamId=${team.team.id}`)
    ).body;
    expect(
      results.map(
        (r: { questions: Array<{ figure: { withheld: boolean } }> }) =>
          r.questions[0].figure.withheld,
      ),
    ).toEqual([true, true, false]);
  });

  it('lets admins edit the question set; new rounds take the active questions, old rounds keep theirs', async () => {
    const before = (await ambassador.get('/api/pulse-questions')).body as Array<{
      id: string;
      active: boolean;
    }>;
    expect(before).toHaveLength(4);
    const added = await admin.post('/api/pulse-questions', {
      text: {
        nl: 'Ik weet wat andere teams van ons nodig hebben.',
        en: 'I know what other teams need from us.',
      },
    });
    expect(added.status).toBe(201);
    expect(
      (await admin.patch(`/api/pulse-questions/${before[0].id}`, { active: false })).status,
    ).toBe(200);
    expectApiError(
      await ambassador.post('/api/pulse-questions', { text: { nl: 'x', en: 'x' } }),
      403,
      'FORBIDDEN_ROLE',
    );
    expectApiError(
      await admin.post('/api/pulse-questions', { text: { nl: '', en: 'x' } }),
      400,
      'VALIDATION_FAILED',
    );
    const round = (await ambassador.post('/api/pulse-rounds', { teamId })).body;
    const ids = round.questions.map((q: { question: { id: string } }) => q.question.id);
    expect(ids).toContain(added.body.id);
    expect(ids).not.toContain(before[0].id);
    expect(ids).toHaveLength(4);
  });
});
