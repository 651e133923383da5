import { Logger } from '@nestjs/common';
import type {
  BoardDto,
  CaseloadDto,
  MailPreferencesDto,
  OlievlekViewDto,
  UserDto,
} from '@olievlek/shared';
import { addDays, localDateIn } from '@olievlek/domain';
import { freePort } from '../../test/server-process';
import { startSmtpServer, TestSmtpServer } from '../../test/smtp-server';
import { DEMO, expectApiError, HttpClient, startTestApp, TestApp } from '../../test/test-app';

/** Never fires during a test: the jobs are run through the admin endpoint here. */
const NEVER = '0 0 0 1 1 *';
const QUIET = {
  MAIL_TEAM_REMINDER_CRON: NEVER,
  MAIL_AMBASSADOR_DIGEST_CRON: NEVER,
  MAIL_DIRECTOR_SUMMARY_CRON: NEVER,
  MAIL_RETRY_CRON: NEVER,
  PUBLIC_URL: 'https://olievlek.test',
};
const TEAM_MEMBERS = 9;
/** Texts that only the case's ambassadors and admins may ever receive. */
const PRIVATE_MARKERS = [
  'Spanning in het MT',
  'Het team ervaart veel werkdruk',
  'wantrouwen richting het MT',
];

const unsubscribeUrl = (mail: { headers: Record<string, unknown> }) =>
  String(mail.headers['list-unsubscribe']).replace(/^<|>$/g, '');

describe('mail: reminders, digests and summaries over real SMTP', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let admin: HttpClient;
  let team: HttpClient;
  let users: UserDto[];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({
      ...QUIET,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Olievlek <olievlek@gemeente.test>',
    });
    admin = await t.signedIn(DEMO.admin);
    team = await t.signedIn(DEMO.team);
    users = (await admin.get('/api/users')).body;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('shows each person only the mails of their roles, and keeps their choice', async () => {
    expect((await team.get('/api/mail/preferences')).body).toEqual({
      mailEnabled: true,
      locale: 'nl',
      kinds: [{ kind: 'team-reminder', enabled: true }],
    });
    const director = await t.signedIn(DEMO.director);
    expect((await director.get('/api/mail/preferences')).body.kinds).toEqual([
      { kind: 'director-summary', enabled: true },
    ]);

    expectApiError(
      await team.put('/api/mail/preferences', {
        kinds: [{ kind: 'director-summary', enabled: true }],
      }),
      400,
      'MAIL_KIND_NOT_APPLICABLE',
    );
    expectApiError(
      await team.put('/api/mail/preferences', { kinds: [{ kind: 'weekly-spam', enabled: true }] }),
      400,
      'VALIDATION_FAILED',
    );
    expectApiError(await t.client().get('/api/mail/preferences'), 401, 'NOT_AUTHENTICATED');

    // A colleague switches the reminder off; the demo member reads mail in English.
    const colleague = await t.signedIn('e.dekker@voorbeeldstad.example');
    const saved = await colleague.put('/api/mail/preferences', {
      kinds: [{ kind: 'team-reminder', enabled: false }],
    });
    expect(saved.status).toBe(200);
    expect((saved.body as MailPreferencesDto).kinds).toEqual([
      { kind: 'team-reminder', enabled: false },
    ]);
    expect((await team.patch('/api/auth/me', { locale: 'en' })).status).toBe(200);

    const audit = await admin.get('/api/audit?action=mail.preferences');
    expect(audit.body.events.length).toBeGreaterThanOrEqual(1);
  });

  it('sends the weekly reminder once per member, with one link per open step that ticks nothing', async () => {
    const boardBefore = (await team.get('/api/board')).body as BoardDto;
    const open = boardBefore.teams[0].agreements.filter(
      (a) => a.current.status === 'open' && a.current.start <= boardBefore.today,
    );
    expect(open.length).toBeGreaterThan(0);

    const run = await admin.post('/api/admin/mail/run', { kind: 'team-reminder' });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({
      kind: 'team-reminder',
      recipients: TEAM_MEMBERS - 1,
      sent: TEAM_MEMBERS - 1,
      alreadySent: 0,
      failed: 0,
    });
    await smtp.waitFor(TEAM_MEMBERS - 1);
    expect(smtp.to('e.dekker@voorbeeldstad.example')).toEqual([]);

    // The member chose English; a colleague who did not gets Dutch.
    const [mail] = smtp.to(DEMO.team);
    expect(mail.from).toBe('olievlek@gemeente.test');
    expect(mail.subject).toMatch(/^Olievlek: \d+ steps? (is|are) open this week$/);
    expect(mail.headers['x-olievlek-mail']).toBe('team-reminder');
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(unsubscribeUrl(mail)).toMatch(
      /^https:\/\/olievlek\.test\/api\/mail\/unsubscribe\?token=/,
    );
    const [dutch] = smtp.to('t.vanleeuwen@voorbeeldstad.example');
    expect(dutch.subject).toMatch(/^Olievlek: \d+ stap(pen)? sta(at|an) deze week open$/);
    expect(dutch.html).toContain('<html lang="nl">');

    for (const step of open) {
      const link = `https://olievlek.test/bord?stap=${step.id}`;
      expect(mail.text).toContain(link);
      expect(mail.html).toContain(`href="${link}"`);
    }
    const links = [...mail.text.matchAll(/\/bord\?stap=([\w-]+)/g)].map((m) => m[1]);
    expect(new Set(links)).toEqual(new Set(open.map((s) => s.id)));
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.text).toContain('Dear Mohamed El Amrani,');

    // Following every link (as the member, signed in) changes nothing on the board.
    for (const id of links) await team.get(`/bord?stap=${id}`);
    const boardAfter = (await team.get('/api/board')).body as BoardDto;
    expect(boardAfter.teams[0].agreements.map((a) => a.current)).toEqual(
      boardBefore.teams[0].agreements.map((a) => a.current),
    );
    const ticks = await admin.get('/api/audit?action=checkoff.set');
    const tickCount = ticks.body.events.length;

    // A second run in the same week sends nothing new.
    const again = await admin.post('/api/admin/mail/run', { kind: 'team-reminder' });
    expect(again.body).toMatchObject({ sent: 0, alreadySent: TEAM_MEMBERS - 1, failed: 0 });
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails).toHaveLength(TEAM_MEMBERS - 1);
    const ticksAfter = await admin.get('/api/audit?action=checkoff.set');
    expect(ticksAfter.body.events.length).toBe(tickCount);
  });

  it('escapes what people typed and never carries a private note', async () => {
    for (const mail of smtp.mails) {
      expect(mail.html).not.toMatch(/<script/i);
      for (const marker of PRIVATE_MARKERS) {
        expect(mail.text).not.toContain(marker);
        expect(mail.html).not.toContain(marker);
      }
    }
  });

  it('sends ambassadors the stalled radar of their own cases, linked to each case', async () => {
    smtp.clear();
    const ambassadors = users.filter((u) => u.roles.includes('ambassador') && u.active);
    const run = await admin.post('/api/admin/mail/run', { kind: 'ambassador-digest' });
    expect(run.body).toMatchObject({ kind: 'ambassador-digest', failed: 0 });
    expect(run.body.sent + run.body.nothingToSend).toBe(ambassadors.length);
    await smtp.waitFor(run.body.sent);

    const ambassador = await t.signedIn(DEMO.ambassador);
    const caseload = (await ambassador.get('/api/cases/caseload')).body as CaseloadDto;
    const [mail] = smtp.to(DEMO.ambassador);
    expect(mail.headers['x-olievlek-mail']).toBe('ambassador-digest');
    expect(mail.text).toContain(`${caseload.cases.length} lopende`);
    // The radar in the mail is the radar on screen, longest silence first.
    const radarTeams = caseload.stalledRadar.map((r) => r.case.team.name);
    const positions = radarTeams.map((name) => mail.text.indexOf(`Casus ${name}`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const entry of caseload.stalledRadar) {
      expect(mail.html).toContain(`href="https://olievlek.test/casussen/${entry.case.id}"`);
    }
    // Only the ambassador's own cases.
    const others = (await admin.get('/api/cases?status=open')).body as CaseloadDto['cases'];
    const own = new Set(caseload.cases.map((c) => c.id));
    for (const other of others.filter((c) => !own.has(c.id))) {
      expect(mail.text).not.toContain(`/casussen/${other.id}`);
    }
    for (const marker of PRIVATE_MARKERS) expect(mail.text).not.toContain(marker);
  });

  it("sends the director last month's figures of their scope only, naming no one", async () => {
    smtp.clear();
    const run = await admin.post('/api/admin/mail/run', { kind: 'director-summary' });
    const today = localDateIn(new Date(), 'Europe/Amsterdam');
    const lastDay = addDays(`${today.slice(0, 7)}-01`, -1);
    expect(run.body).toMatchObject({
      kind: 'director-summary',
      period: lastDay.slice(0, 7),
      sent: 1,
      failed: 0,
    });
    const [mail] = await smtp.waitFor(1);
    expect(mail.to).toBe(DEMO.director);

    const director = await t.signedIn(DEMO.director);
    const view = (await director.get(`/api/olievlek?date=${lastDay}`)).body as OlievlekViewDto;
    const pct = (f: { value: number } | null) => (f ? `${Math.round(f.value * 100)}%` : '–');
    expect(mail.subject).toContain(view.unit.name);
    expect(mail.text).toContain(
      `Onderdeel: ${view.unit.name}, Teams: ${view.figures.teams}, ` +
        `Bereik (experimenteert of verder): ${pct(view.figures.reach)}, ` +
        `Geworteld (praktiseert of verder): ${pct(view.figures.rooted)}`,
    );
    expect(mail.text).toContain(`Stilgevallen afspraken: ${view.figures.stalledAgreements}`);
    for (const child of view.children) {
      expect(mail.text).toContain(`Onderdeel: ${child.unit.name}, Teams: ${child.teams},`);
    }
    // Other directorates are not in it, and no person but the addressee is named.
    const wholeOrg = (await admin.get('/api/olievlek')).body as OlievlekViewDto;
    for (const directorate of wholeOrg.children.filter((c) => c.unit.id !== view.unit.id)) {
      expect(mail.text).not.toContain(directorate.unit.name);
    }
    for (const person of users.filter((u) => u.email !== DEMO.director)) {
      expect(mail.text).not.toContain(person.name);
      expect(mail.html).not.toContain(person.name);
    }
    expect(mail.html).toContain('href="https://olievlek.test/olievlek"');
  });

  it('unsubscribes with one click, without signing in; twice is the same; a forged link is refused', async () => {
    const [mail] = smtp.mails.length ? smtp.mails : await smtp.waitFor(1);
    const url = new URL(unsubscribeUrl(mail));
    const path = `${url.pathname}${url.search}`;
    const token = url.searchParams.get('token') as string;
    const anonymous = t.client();
    anonymous.csrf = false;

    expect((await anonymous.get(path, { accept: 'application/json' })).body).toEqual({
      kind: 'director-summary',
      subscribed: true,
    });
    // A browser opening the link gets the confirm page.
    const browser = await anonymous.get(path, { accept: 'text/html,application/xhtml+xml' });
    expect(browser.status).toBe(303);
    expect(browser.headers.get('location')).toBe(
      `https://olievlek.test/afmelden?token=${encodeURIComponent(token)}`,
    );
    // Opening it changed nothing.
    const director = await t.signedIn(DEMO.director);
    expect((await director.get('/api/mail/preferences')).body.kinds[0].enabled).toBe(true);

    // RFC 8058: the mail program POSTs a form, with no cookie and no CSRF token.
    const oneClick = await anonymous.post(path, 'List-Unsubscribe=One-Click', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(oneClick.status).toBe(200);
    expect(oneClick.body).toEqual({ kind: 'director-summary', subscribed: false });
    const twice = await anonymous.post(path, {});
    expect(twice.status).toBe(200);
    expect(twice.body).toEqual({ kind: 'director-summary', subscribed: false });
    expect((await director.get('/api/mail/preferences')).body.kinds).toEqual([
      { kind: 'director-summary', enabled: false },
    ]);
    const audit = (await admin.get('/api/audit?action=mail.unsubscribe')).body;
    expect(audit.events.length).toBe(1);

    // Unsubscribed: the next summary run sends the director nothing.
    const run = await admin.post('/api/admin/mail/run', { kind: 'director-summary' });
    expect(run.body).toMatchObject({ recipients: 0, sent: 0 });

    const [userId, kind, signature] = token.split('.');
    const forged = [
      `${userId}.team-reminder.${signature}`,
      `${userId}.${kind}.${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`,
      `${token}x`,
      `${users[0].id}.${kind}.${signature}`,
      'not-a-token',
    ];
    for (const bad of forged) {
      const res = await anonymous.post(`/api/mail/unsubscribe?token=${encodeURIComponent(bad)}`);
      expectApiError(res, 400, 'MAIL_TOKEN_INVALID');
      expect(res.body.message).toMatch(/not valid/);
    }
    expectApiError(await anonymous.post('/api/mail/unsubscribe'), 400, 'VALIDATION_FAILED');
  });

  it('refuses to run a job for anyone but an admin, and an unknown kind', async () => {
    expectApiError(
      await team.post('/api/admin/mail/run', { kind: 'team-reminder' }),
      403,
      'FORBIDDEN_ROLE',
    );
    expectApiError(
      await admin.post('/api/admin/mail/run', { kind: 'newsletter' }),
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('mail: SMTP down and mail off', () => {
  it('logs an unreachable SMTP server, keeps the mails and sends each once when it is back', async () => {
    const port = await freePort();
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const t = await startTestApp({ ...QUIET, SMTP_URL: `smtp://127.0.0.1:${port}` });
    let smtp: TestSmtpServer | null = null;
    try {
      const admin = await t.signedIn(DEMO.admin);
      const down = await admin.post('/api/admin/mail/run', { kind: 'team-reminder' });
      expect(down.status).toBe(200);
      expect(down.body).toMatchObject({ sent: 0, failed: 1 });
      expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(
        /SMTP server is not reachable.*wait for the next run/,
      );

      smtp = await startSmtpServer(port);
      // The retry job resumes unfinished runs of this period; here it is asked directly.
      const back = await admin.post('/api/admin/mail/run', { kind: 'team-reminder' });
      expect(back.body).toMatchObject({ sent: TEAM_MEMBERS, failed: 0 });
      await smtp.waitFor(TEAM_MEMBERS);
      const again = await admin.post('/api/admin/mail/run', { kind: 'team-reminder' });
      expect(again.body).toMatchObject({ sent: 0, alreadySent: TEAM_MEMBERS });
      await new Promise((r) => setTimeout(r, 300));
      const perRecipient = new Map<string, number>();
      for (const m of smtp.mails) perRecipient.set(m.to, (perRecipient.get(m.to) ?? 0) + 1);
      expect(perRecipient.size).toBe(TEAM_MEMBERS);
      expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
    } finally {
      warn.mockRestore();
      await t.close();
      await smtp?.stop();
    }
  });

  it('with SMTP_URL unset keeps preferences but sends nothing, and says so', async () => {
    const t = await startTestApp(QUIET);
    try {
      const admin = await t.signedIn(DEMO.admin);
      expectApiError(
        await admin.post('/api/admin/mail/run', { kind: 'team-reminder' }),
        409,
        'MAIL_OFF',
      );
      const team = await t.signedIn(DEMO.team);
      expect((await team.get('/api/mail/preferences')).body.mailEnabled).toBe(false);
    } finally {
      await t.close();
    }
  });
});
