import { addDays, isoWeekKey } from '@olievlek/domain';
import type {
  BoardDto,
  CaseDetailDto,
  DataExportDto,
  OrgUnitDto,
  PracticeDto,
  UserDto,
} from '@olievlek/shared';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { LoginFailureEntity } from '../auth/entities/login-attempt.entity';
import { SessionEntity } from '../auth/entities/session.entity';
import {
  CaseEntity,
  IntakeEntity,
  IntakeRevisionEntity,
  ObservationEntity,
} from '../cases/entities/case.entity';
import { DEMO, expectApiError, HttpClient, startTestApp, TestApp } from '../../test/test-app';
import { RetentionService } from './retention.service';

const PASSWORD = 'een-lang-wachtwoord';
const SITUATION_V1 = 'Geheime eerste versie: spanning tussen teamleider en MT';
const SITUATION_V2 = 'Geheime tweede versie: het team vertrouwt de planning niet';
const HOSTILE = '<script>alert("xss")</script> & <img src=x onerror=alert(1)>';

/** What a user sees as the figures of a case: stage, steps and their rhythm — not names. */
function caseFigures(c: CaseDetailDto) {
  return {
    status: c.status,
    stage: c.stage,
    agreementCount: c.agreementCount,
    stalled: c.stalled,
    agreements: c.agreements.map((a) => ({
      id: a.id,
      status: a.status,
      habit: a.habit,
      rhythm: a.rhythm,
      stalledSilence: a.stalledSilence,
    })),
  };
}
function boardFigures(b: BoardDto) {
  return b.teams.map((t) => ({
    team: t.team.id,
    agreements: t.agreements.map((a) => ({
      id: a.id,
      current: a.current,
      grid: a.grid,
      habit: a.habit,
    })),
  }));
}

describe('AVG rights and retention over HTTP', () => {
  let t: TestApp;
  let admin: HttpClient;
  let ambassador: HttpClient;
  let today: string;
  let teamId: string;
  let caseId: string;
  let agreementId: string;
  const people: Record<string, { id: string; client: HttpClient; email: string }> = {};

  async function createUser(key: string, email: string, name: string, body: object) {
    const res = await admin.post('/api/users', { email, name, password: PASSWORD, ...body });
    expect(res.status).toBe(201);
    const client = t.client();
    expect((await client.post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
    people[key] = { id: res.body.id, client, email };
  }
  const getUser = async (id: string) => (await admin.get(`/api/users/${id}`)).body as UserDto;
  const exportOf = async (id: string) =>
    (await admin.get(`/api/users/${id}/data-export`)).body as DataExportDto;

  beforeAll(async () => {
    // The shortest retention the configuration allows, so a back-dated closure can pass it.
    t = await startTestApp({ NOTE_RETENTION_DAYS: '30' });
    admin = await t.signedIn(DEMO.admin);
    ambassador = await t.signedIn(DEMO.ambassador);
    today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const units = (await admin.get('/api/org-units')).body as OrgUnitDto[];
    const department = units.find((u) => u.name === 'Belastingen') as OrgUnitDto;
    teamId = (await admin.post('/api/org-units', { parentId: department.id, name: 'AVG-team' }))
      .body.id;
    caseId = (await ambassador.post('/api/cases', { teamId })).body.id;
    const practices = (await admin.get('/api/practices')).body as PracticeDto[];
    const step = await ambassador.post(`/api/cases/${caseId}/agreements`, {
      practiceId: practices[0].id,
      cadence: { kind: 'weeks', every: 1 },
      startDate: addDays(today, -28),
      status: 'running',
    });
    expect(step.status).toBe(201);
    agreementId = step.body.id;
    const intake = { heldOn: today, participants: 'Het hele team', wishes: 'Rust', themes: [] };
    expect(
      (
        await ambassador.put(`/api/cases/${caseId}/intake`, {
          ...intake,
          version: 0,
          situation: SITUATION_V1,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await ambassador.put(`/api/cases/${caseId}/intake`, {
          ...intake,
          version: 1,
          situation: SITUATION_V2,
        })
      ).status,
    ).toBe(200);

    await createUser('lotte', 'lotte.avg@voorbeeldstad.example', 'Lotte Avg', {
      roles: ['team'],
      teamIds: [teamId],
    });
    await createUser('kees', 'kees.avg@voorbeeldstad.example', 'Kees Blijft', {
      roles: ['team'],
      teamIds: [teamId],
    });
    await createUser('pieter', 'pieter.avg@voorbeeldstad.example', 'Pieter Avg', {
      roles: ['ambassador'],
    });

    // Lotte ticks two weeks, skips one and writes a reflection; Kees ticks one.
    const lotte = people['lotte'].client;
    for (const [days, state] of [
      [-7, 'done'],
      [-14, 'done'],
      [-21, 'skipped'],
    ] as const) {
      const res = await lotte.put(
        `/api/agreements/${agreementId}/check-offs/${isoWeekKey(addDays(today, days))}`,
        state === 'done' ? { state } : { state, reason: 'Vakantie' },
      );
      expect(res.status).toBe(200);
    }
    expect(
      (
        await people['kees'].client.put(
          `/api/agreements/${agreementId}/check-offs/${isoWeekKey(today)}`,
          { state: 'done' },
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await lotte.put(`/api/agreements/${agreementId}/reflections/${isoWeekKey(today)}`, {
          text: 'Het doel vooraf scheelt ons veel tijd.',
        })
      ).status,
    ).toBe(200);

    // Pieter joins the case and writes an observation (a private note), one with markup in it.
    expect(
      (await ambassador.post(`/api/cases/${caseId}/ambassadors`, { userId: people['pieter'].id }))
        .status,
    ).toBe(200);
    for (const text of ['Pieters observatie: het team is open.', HOSTILE]) {
      expect(
        (
          await people['pieter'].client.post(`/api/cases/${caseId}/observations`, {
            observedOn: today,
            text,
          })
        ).status,
      ).toBe(201);
    }

    // Lotte answers a pulse round: that she answered is kept, her scores are not linked to her.
    const round = (await ambassador.post('/api/pulse-rounds', { teamId })).body;
    const answers = round.questions.map((q: { question: { id: string } }) => ({
      questionId: q.question.id,
      score: 4,
    }));
    expect((await lotte.post(`/api/pulse-rounds/${round.id}/answers`, { answers })).status).toBe(
      204,
    );
  });
  afterAll(() => t.close());

  describe('data export', () => {
    it('holds profile, roles, teams, sessions, check-offs, reflections and pulse participation — never secrets or pulse answers', async () => {
      const res = await admin.get(`/api/users/${people['lotte'].id}/data-export`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const data = res.body as DataExportDto;
      expect(data).toMatchObject({
        kind: 'olievlek-data-export',
        person: {
          id: people['lotte'].id,
          name: 'Lotte Avg',
          email: 'lotte.avg@voorbeeldstad.example',
          hasPassword: true,
          anonymisedAt: null,
        },
        roles: ['team'],
        teams: [{ id: teamId, name: 'AVG-team' }],
        scope: null,
      });
      expect(data.sessions.length).toBeGreaterThanOrEqual(1);
      expect(Object.keys(data.sessions[0]).sort()).toEqual([
        'createdAt',
        'expiresAt',
        'lastSeenAt',
      ]);
      expect(data.checkOffs.map((c) => [c.periodKey, c.state, c.reason])).toEqual([
        [isoWeekKey(addDays(today, -7)), 'done', null],
        [isoWeekKey(addDays(today, -14)), 'done', null],
        [isoWeekKey(addDays(today, -21)), 'skipped', 'Vakantie'],
      ]);
      expect(data.reflections).toEqual([
        expect.objectContaining({
          agreementId,
          text: 'Het doel vooraf scheelt ons veel tijd.',
          team: expect.objectContaining({ name: 'AVG-team' }),
        }),
      ]);
      expect(data.pulseParticipation).toHaveLength(1);
      expect(data.explanations.join(' ')).toMatch(/pulspeilingen.*zonder naam/i);
      expect(data.auditEvents.map((e) => e.action)).toEqual(
        expect.arrayContaining(['auth.login', 'checkoff.set']),
      );
      // No password hash, no session token or its hash, no pulse score.
      expect(res.text).not.toMatch(/argon2|passwordHash|password_hash|tokenHash|token_hash/i);
      expect(res.text).not.toMatch(/"score"/);
      const [session] = await t.dataSource
        .getRepository(SessionEntity)
        .findBy({ userId: people['lotte'].id });
      expect(res.text).not.toContain(session.tokenHash);
    });

    it("includes an ambassador's cases and the private notes they wrote, and audits the export", async () => {
      const data = await exportOf(people['pieter'].id);
      expect(data.cases).toEqual([
        expect.objectContaining({ id: caseId, status: 'open', involvement: ['ambassador'] }),
      ]);
      expect(data.observations.map((o) => o.text)).toEqual([
        'Pieters observatie: het team is open.',
        HOSTILE,
      ]);
      const sanne = await exportOf(
        ((await admin.get('/api/users')).body as UserDto[]).find((u) => u.email === DEMO.ambassador)
          ?.id as string,
      );
      expect(sanne.intakes.find((i) => i.caseId === caseId)?.situation).toBe(SITUATION_V2);
      expect(sanne.intakeRevisions.find((r) => r.caseId === caseId)?.intake).toMatchObject({
        situation: SITUATION_V1,
      });

      const events = await t.dataSource
        .getRepository(AuditEventEntity)
        .findBy({ action: 'user.data_export', objectId: people['pieter'].id });
      expect(events).toHaveLength(1);
      expect(JSON.parse(events[0].detail ?? '{}')).toMatchObject({ format: 'json', notes: 2 });
      // Showing the notes counts as reading them (ADR 0003).
      const reads = await t.dataSource
        .getRepository(AuditEventEntity)
        .findBy({ action: 'note.read', objectId: data.observations[0].id });
      expect(reads.length).toBeGreaterThanOrEqual(1);
    });

    it('renders a self-contained Dutch page in which every stored text is escaped', async () => {
      const res = await admin.get(`/api/users/${people['pieter'].id}/data-export?format=html`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.text).toMatch(/^<!doctype html>\n<html lang="nl">/);
      expect(res.text).toContain('Gegevensoverzicht van Pieter Avg');
      expect(res.text).toContain(
        '&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;',
      );
      expect(res.text).not.toMatch(/<script|<img|onerror=alert\(1\)>/i);
      expect(res.text).not.toMatch(/<link|src="http|href="http/i);
      const event = await t.dataSource
        .getRepository(AuditEventEntity)
        .find({ where: { action: 'user.data_export' }, order: { at: 'DESC' }, take: 1 });
      expect(JSON.parse(event[0].detail ?? '{}')).toMatchObject({ format: 'html' });
    });

    it('refuses an unknown format, an unknown user and everyone but admins', async () => {
      expectApiError(
        await admin.get(`/api/users/${people['lotte'].id}/data-export?format=pdf`),
        400,
        'VALIDATION_FAILED',
      );
      expectApiError(await admin.get('/api/users/unknown/data-export'), 404, 'USER_NOT_FOUND');
      for (const email of [DEMO.ambassador, DEMO.team, DEMO.director]) {
        const client = await t.signedIn(email);
        expectApiError(
          await client.get(`/api/users/${people['lotte'].id}/data-export`),
          403,
          'FORBIDDEN_ROLE',
        );
        expectApiError(
          await client.post(`/api/users/${people['lotte'].id}/anonymise`, {
            version: 1,
            confirm: true,
          }),
          403,
          'FORBIDDEN_ROLE',
        );
        expectApiError(await client.post('/api/admin/retention/run'), 403, 'FORBIDDEN_ROLE');
      }
      expectApiError(
        await t.client().get(`/api/users/${people['lotte'].id}/data-export`),
        401,
        'NOT_AUTHENTICATED',
      );
    });
  });

  describe('anonymisation', () => {
    it('validates the body, refuses a stale version, an unknown user and the admin themself', async () => {
      const lotte = await getUser(people['lotte'].id);
      const url = `/api/users/${lotte.id}/anonymise`;
      for (const body of [
        {},
        { version: lotte.version },
        { version: lotte.version, confirm: false },
        { version: lotte.version, confirm: 'true' },
        { version: 0, confirm: true },
        { version: lotte.version, confirm: true, name: 'x' },
      ]) {
        expectApiError(await admin.post(url, body), 400, 'VALIDATION_FAILED');
      }
      expectApiError(
        await admin.post(url, { version: lotte.version + 1, confirm: true }),
        409,
        'USER_VERSION_CONFLICT',
      );
      expectApiError(
        await admin.post('/api/users/unknown/anonymise', { version: 1, confirm: true }),
        404,
        'USER_NOT_FOUND',
      );
      const me = (await admin.get('/api/auth/me')).body;
      const self = await getUser(me.id);
      const refused = await admin.post(`/api/users/${me.id}/anonymise`, {
        version: self.version,
        confirm: true,
      });
      expectApiError(refused, 409, 'USER_CANNOT_ANONYMISE_SELF');
      expect(refused.body.message).toMatch(/another admin/);
      expect((await getUser(lotte.id)).name).toBe('Lotte Avg');
    });

    it('replaces name and e-mail, ends sessions and sign-in, keeps the notes as a former user and leaves every figure as it was', async () => {
      const kees = people['kees'].client;
      const caseBefore = (await admin.get(`/api/cases/${caseId}`)).body as CaseDetailDto;
      const boardBefore = (await kees.get('/api/board')).body as BoardDto;
      expect(caseBefore.agreements[0].rhythm.filter((c) => c.status === 'done')).toHaveLength(3);

      const results: Record<string, { body: Record<string, unknown> & { user: UserDto } }> = {};
      for (const key of ['lotte', 'pieter']) {
        const { id } = people[key];
        const res = await admin.post(`/api/users/${id}/anonymise`, {
          version: (await getUser(id)).version,
          confirm: true,
        });
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 200 });
        results[key] = res;
        expect(res.body.user).toMatchObject({
          id,
          name: expect.stringMatching(/^Voormalig gebruiker [0-9a-f]{6}$/),
          email: expect.stringMatching(/@anoniem\.invalid$/),
          roles: [],
          teamIds: [],
          scopeOrgUnitId: null,
          active: false,
          anonymisedAt: expect.any(String),
        });
        expect(res.body['sessionsEnded']).toBeGreaterThanOrEqual(1);
        // Their session ended at once; the old e-mail and password no longer sign in.
        expectApiError(await people[key].client.get('/api/auth/me'), 401, 'NOT_AUTHENTICATED');
        expectApiError(
          await t
            .client()
            .post('/api/auth/login', { email: people[key].email, password: PASSWORD }),
          401,
          'INVALID_CREDENTIALS',
        );
      }
      expect(results['lotte'].body).toMatchObject({ membershipsEnded: 1 });
      expect(results['pieter'].body).toMatchObject({ openCasesAsAmbassador: 1 });
      const pieterName = results['pieter'].body.user.name;
      const lotteName = results['lotte'].body.user.name;

      // The case's ambassador still reads Pieter's notes, now signed by a former user.
      const seen = (await ambassador.get(`/api/cases/${caseId}`)).body as CaseDetailDto;
      const notes = seen.observations ?? [];
      expect(notes.map((o) => o.text)).toEqual(
        expect.arrayContaining(['Pieters observatie: het team is open.', HOSTILE]),
      );
      expect(notes.every((o) => o.author.name === pieterName)).toBe(true);
      expect(seen.ambassadors.map((a) => a.name)).toEqual(
        expect.arrayContaining(['Sanne Bakker', pieterName]),
      );
      expect(JSON.stringify(seen)).not.toMatch(/Pieter Avg|Lotte Avg/);

      // Figures: identical, on the case page and on the team's board.
      const caseAfter = (await admin.get(`/api/cases/${caseId}`)).body as CaseDetailDto;
      expect(caseFigures(caseAfter)).toEqual(caseFigures(caseBefore));
      const boardAfter = (await kees.get('/api/board')).body as BoardDto;
      expect(boardFigures(boardAfter)).toEqual(boardFigures(boardBefore));
      const reflection = boardAfter.teams[0].agreements[0].reflections[0];
      expect(reflection).toMatchObject({
        text: 'Het doel vooraf scheelt ons veel tijd.',
        author: { name: lotteName },
      });

      // Nothing about the person is left to export; the audit event names no one.
      const exported = await admin.get(`/api/users/${people['lotte'].id}/data-export`);
      expect(exported.text).not.toMatch(/Lotte Avg|lotte\.avg/);
      expect(exported.body.person.hasPassword).toBe(false);
      expect(exported.body.sessions).toEqual([]);
      const [event] = await t.dataSource
        .getRepository(AuditEventEntity)
        .findBy({ action: 'user.anonymise', objectId: people['lotte'].id });
      expect(event.detail).not.toMatch(/Lotte|lotte/);

      // The e-mail address is free again: the person could return as a new account.
      expect(
        (
          await admin.post('/api/users', {
            email: people['lotte'].email,
            name: 'Lotte Terug',
            roles: ['team'],
            teamIds: [teamId],
          })
        ).status,
      ).toBe(201);
    });

    it('refuses a second anonymisation and any later edit of the account', async () => {
      const lotte = await getUser(people['lotte'].id);
      expectApiError(
        await admin.post(`/api/users/${lotte.id}/anonymise`, {
          version: lotte.version,
          confirm: true,
        }),
        409,
        'USER_ANONYMISED',
      );
      expectApiError(
        await admin.patch(`/api/users/${lotte.id}`, {
          version: lotte.version,
          active: true,
          password: 'weer-een-lang-wachtwoord',
        }),
        409,
        'USER_ANONYMISED',
      );
    });
  });

  describe('retention of private notes', () => {
    const notesOf = async (id: string) => {
      const intake = await t.dataSource.getRepository(IntakeEntity).findOneByOrFail({ caseId: id });
      return {
        observations: await t.dataSource.getRepository(ObservationEntity).countBy({ caseId: id }),
        situation: intake.situation,
        wishes: intake.wishes,
        revisions: (
          await t.dataSource.getRepository(IntakeRevisionEntity).findBy({ intakeId: intake.id })
        ).map((r) => JSON.parse(r.snapshot)),
      };
    };

    it('keeps the notes of a case closed within the retention period', async () => {
      const c = (await ambassador.get(`/api/cases/${caseId}`)).body as CaseDetailDto;
      const closed = await ambassador.post(`/api/cases/${caseId}/close`, {
        version: c.version,
        closingSummary: 'Het team werkt nu zelf met doel vooraf.',
      });
      expect(closed.status).toBe(200);
      await t.app.get(RetentionService).purge(null, null);
      expect(await notesOf(caseId)).toMatchObject({ observations: 2, situation: SITUATION_V2 });
    });

    it('removes them after the period, and leaves the case, its steps and figures', async () => {
      // Back-date the closure past the 30 days this app was started with.
      await t.dataSource
        .getRepository(CaseEntity)
        .update({ id: caseId }, { closedOn: addDays(today, -31) });
      const before = (await admin.get(`/api/cases/${caseId}`)).body as CaseDetailDto;
      // Stale sign-in data goes in the same run.
      await t.dataSource.getRepository(SessionEntity).insert({
        tokenHash: 'f'.repeat(64),
        userId: people['kees'].id,
        createdAt: '2020-01-01T00:00:00.000Z',
        lastSeenAt: '2020-01-01T00:00:00.000Z',
        expiresAt: '2020-01-01T08:00:00.000Z',
      });
      await t.dataSource.getRepository(LoginFailureEntity).insert({
        id: 'old-failure',
        key: 'email:x@voorbeeldstad.example',
        at: '2020-01-01T00:00:00.000Z',
      });

      const run = await admin.post('/api/admin/retention/run');
      expect(run.status).toBe(200);
      expect(run.body).toMatchObject({
        retentionDays: 30,
        closedBefore: addDays(today, -30),
      });
      expect(run.body.cases).toBeGreaterThanOrEqual(1);
      expect(run.body.observationsDeleted).toBeGreaterThanOrEqual(2);
      expect(run.body.intakeSituationsCleared).toBeGreaterThanOrEqual(1);
      expect(run.body.intakeRevisionsCleared).toBeGreaterThanOrEqual(1);
      expect(run.body.expiredSessionsDeleted).toBeGreaterThanOrEqual(1);
      expect(run.body.loginFailuresDeleted).toBeGreaterThanOrEqual(1);

      const notes = await notesOf(caseId);
      expect(notes).toMatchObject({ observations: 0, situation: '', wishes: 'Rust' });
      expect(notes.revisions).toEqual([
        expect.objectContaining({ situation: '', participants: 'Het hele team' }),
      ]);

      const after = (await admin.get(`/api/cases/${caseId}`)).body as CaseDetailDto;
      expect(caseFigures(after)).toEqual(caseFigures(before));
      expect(after).toMatchObject({
        closingSummary: 'Het team werkt nu zelf met doel vooraf.',
        observations: [],
        intake: { situation: '', wishes: 'Rust' },
      });
      expect(JSON.stringify(after)).not.toMatch(/Geheime|Pieters observatie/);

      const [event] = await t.dataSource
        .getRepository(AuditEventEntity)
        .find({ where: { action: 'retention.purge' }, order: { at: 'DESC' }, take: 1 });
      expect(JSON.parse(event.detail ?? '{}')).toMatchObject({
        observationsDeleted: run.body.observationsDeleted,
      });
    });

    it('changes nothing when it runs again, also when asked twice at once', async () => {
      const [a, b] = await Promise.all([
        t.app.get(RetentionService).purge(null, null),
        t.app.get(RetentionService).purge(null, null),
      ]);
      for (const run of [a, b]) {
        expect(run).toMatchObject({
          observationsDeleted: 0,
          intakeSituationsCleared: 0,
          intakeRevisionsCleared: 0,
        });
      }
    });
  });
});
