import type { OrgUnitDto, UserDto } from '@olievlek/shared';
import { DEMO, expectApiError, HttpClient, startTestApp, TestApp } from '../../test/test-app';

describe('users over HTTP', () => {
  let t: TestApp;
  let admin: HttpClient;
  let units: OrgUnitDto[];
  const unit = (name: string) => units.find((u) => u.name === name) as OrgUnitDto;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn(DEMO.admin);
    units = (await admin.get('/api/org-units')).body;
  });
  afterAll(() => t.close());

  it('lists the demo accounts for admins, without password hashes', async () => {
    const res = await admin.get('/api/users');
    expect(res.status).toBe(200);
    expect(res.body.map((u: UserDto) => u.email)).toEqual(
      expect.arrayContaining(Object.values(DEMO)),
    );
    expect(res.body.filter((u: UserDto) => u.roles.includes('ambassador'))).toHaveLength(4);
    expect(res.text).not.toMatch(/argon2|password/i);
    const member = res.body.find((u: UserDto) => u.email === DEMO.team);
    expect(member.teamIds).toEqual([unit('Klantmanagement Werk').id]);
  });

  it('searches by name or e-mail and filters by role and team, on the server', async () => {
    const list = async (query: string): Promise<UserDto[]> => {
      const res = await admin.get(`/api/users?${query}`);
      expect(res.status).toBe(200);
      return res.body;
    };
    const all = await list('');
    const byName = await list('q=DE VRIES');
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((u) => /de vries/i.test(u.name) || /de vries/i.test(u.email))).toBe(true);
    expect(byName.length).toBeLessThan(all.length);
    expect((await list('q=%40voorbeeldstad.example')).length).toBe(all.length);
    // LIKE's wildcards are searched for literally.
    expect(await list('q=%25')).toEqual([]);
    expect(await list('q=_')).toEqual([]);

    const directors = await list('role=director');
    expect(directors.map((u) => u.email)).toContain(DEMO.director);
    expect(directors.every((u) => u.roles.includes('director'))).toBe(true);
    expect(directors.length).toBe(all.filter((u) => u.roles.includes('director')).length);

    const team = unit('Klantmanagement Werk').id;
    const members = await list(`teamId=${team}`);
    expect(members.map((u) => u.email)).toContain(DEMO.team);
    expect(members.every((u) => u.teamIds.includes(team))).toBe(true);
    expect(await list(`teamId=${team}&role=director`)).toEqual([]);
    expect(await list('teamId=unknown-team')).toEqual([]);
    // Blank filters are no filters.
    expect((await list('q=%20&role=&teamId=')).length).toBe(all.length);
  });

  it.each([
    ['role=boss', 'role'],
    [`q=${'x'.repeat(201)}`, 'q'],
    [`teamId=${'x'.repeat(37)}`, 'teamId'],
    ['role=team&role=admin', 'role'],
    ['sort=name', 'sort'],
  ])('answers ?%s with a 400 naming %s', async (query, field) => {
    const res = await admin.get(`/api/users?${query}`);
    expectApiError(res, 400, 'VALIDATION_FAILED');
    expect(Object.keys(res.body.fields ?? {})).toContain(field);
  });

  it('creates a team member who can then sign in and sees their team', async () => {
    const res = await admin.post('/api/users', {
      email: 'L.Visser@Voorbeeldstad.example',
      name: 'Lotte Visser',
      roles: ['team'],
      password: 'een-lang-wachtwoord',
      teamIds: [unit('Groenbeheer').id],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: 'l.visser@voorbeeldstad.example',
      roles: ['team'],
      active: true,
      version: 1,
    });

    const lotte = t.client();
    const login = await lotte.post('/api/auth/login', {
      email: 'l.visser@voorbeeldstad.example',
      password: 'een-lang-wachtwoord',
    });
    expect(login.status).toBe(200);
    expect(login.body.teams.map((u: { name: string }) => u.name)).toEqual(['Groenbeheer']);
  });

  it('creates a director with a scope and a user with several roles', async () => {
    const res = await admin.post('/api/users', {
      email: 'k.smit@voorbeeldstad.example',
      name: 'Karin Smit',
      roles: ['director', 'ambassador'],
      scopeOrgUnitId: unit('Directie Bedrijfsvoering').id,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      roles: ['director', 'ambassador'],
      scopeOrgUnitId: unit('Directie Bedrijfsvoering').id,
    });
  });

  it('refuses a taken e-mail address, a team member without a team and a director without a scope', async () => {
    expectApiError(
      await admin.post('/api/users', {
        email: DEMO.team.toUpperCase(),
        name: 'Dubbel',
        roles: ['ambassador'],
      }),
      409,
      'USER_EMAIL_TAKEN',
    );
    const noTeam = await admin.post('/api/users', {
      email: 'a@voorbeeldstad.example',
      name: 'A',
      roles: ['team'],
    });
    expectApiError(noTeam, 400, 'USER_INVALID_TEAM');
    expect(noTeam.body.fields).toHaveProperty('teamIds');
    expectApiError(
      await admin.post('/api/users', {
        email: 'b@voorbeeldstad.example',
        name: 'B',
        roles: ['team'],
        teamIds: [unit('HRM').id],
      }),
      400,
      'USER_INVALID_TEAM',
    );
    const noScope = await admin.post('/api/users', {
      email: 'c@voorbeeldstad.example',
      name: 'C',
      roles: ['director'],
    });
    expectApiError(noScope, 400, 'USER_INVALID_SCOPE');
    expect(noScope.body.fields).toHaveProperty('scopeOrgUnitId');
    const list = (await admin.get('/api/users')).body as UserDto[];
    expect(
      list.some(
        (u) =>
          ['a', 'b', 'c'].includes(u.email[0]) &&
          u.email.endsWith('@voorbeeldstad.example') &&
          u.name.length === 1,
      ),
    ).toBe(false);
  });

  it('refuses blank, repetitive and common passwords on creation and change (issue 20, finding 8)', async () => {
    const weak: Array<[string, string]> = [
      ['            ', 'PASSWORD_BLANK'],
      ['aaaaaaaaaaaa', 'PASSWORD_REPETITIVE'],
      ['123456789012', 'PASSWORD_TOO_COMMON'],
      ['password1234', 'PASSWORD_TOO_COMMON'],
      // The demo accounts' password is public: only the demo data may set it.
      ['olievlek-demo', 'PASSWORD_TOO_COMMON'],
    ];
    for (const [password, code] of weak) {
      const email = `zwak-${code.length}-${password.charCodeAt(0)}@voorbeeldstad.example`;
      const res = await admin.post('/api/users', {
        email,
        name: 'Zwak Wachtwoord',
        roles: ['ambassador'],
        password,
      });
      expectApiError(res, 400, code);
      expect(Object.keys(res.body.fields)).toEqual(['password']);
      expect((await t.client().post('/api/auth/login', { email, password })).status).toBe(401);
    }
    const created = await admin.post('/api/users', {
      email: 'sterk@voorbeeldstad.example',
      name: 'Sterk Wachtwoord',
      roles: ['ambassador'],
      password: 'tulp vijver lantaarn',
    });
    expect(created.status).toBe(201);
    for (const [password, code] of weak) {
      expectApiError(
        await admin.patch(`/api/users/${created.body.id}`, {
          version: created.body.version,
          password,
        }),
        400,
        code,
      );
    }
    const user = t.client();
    expect(
      (
        await user.post('/api/auth/login', {
          email: 'sterk@voorbeeldstad.example',
          password: 'tulp vijver lantaarn',
        })
      ).status,
    ).toBe(200);
  });

  it('validates fields and names them', async () => {
    const res = await admin.post('/api/users', {
      email: 'not-an-email',
      name: '',
      roles: ['king'],
      password: 'short',
    });
    expectApiError(res, 400, 'VALIDATION_FAILED');
    expect(Object.keys(res.body.fields).sort()).toEqual(['email', 'name', 'password', 'roles']);
  });

  it("updates roles with the current version and ends the user's sessions so new rights apply", async () => {
    const ambassador = await t.signedIn(DEMO.ambassador);
    const users = (await admin.get('/api/users')).body as UserDto[];
    const target = users.find((u) => u.email === DEMO.ambassador) as UserDto;
    const res = await admin.patch(`/api/users/${target.id}`, {
      version: target.version,
      roles: ['ambassador', 'director'],
      scopeOrgUnitId: unit('Directie Dienstverlening').id,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      roles: ['ambassador', 'director'],
      version: target.version + 1,
    });
    expectApiError(await ambassador.get('/api/auth/me'), 401, 'NOT_AUTHENTICATED');

    const stale = await admin.patch(`/api/users/${target.id}`, {
      version: target.version,
      name: 'Overschreven',
    });
    expectApiError(stale, 409, 'USER_VERSION_CONFLICT');
    expect((await admin.get(`/api/users/${target.id}`)).body.name).toBe(target.name);
  });

  it('deactivates a user: they can no longer sign in', async () => {
    const users = (await admin.get('/api/users')).body as UserDto[];
    const target = users.find((u) => u.email === DEMO.director) as UserDto;
    expect(
      (await admin.patch(`/api/users/${target.id}`, { version: target.version, active: false }))
        .status,
    ).toBe(200);
    expectApiError(
      await t.client().post('/api/auth/login', { email: DEMO.director, password: 'olievlek-demo' }),
      401,
      'INVALID_CREDENTIALS',
    );
  });

  it('does not let an admin remove their own admin role', async () => {
    const me = (await admin.get('/api/auth/me')).body;
    const self = (await admin.get(`/api/users/${me.id}`)).body as UserDto;
    expectApiError(
      await admin.patch(`/api/users/${self.id}`, { version: self.version, roles: ['ambassador'] }),
      409,
      'USER_CANNOT_REMOVE_OWN_ADMIN',
    );
  });

  it('answers 404 for an unknown user and 403 for non-admins', async () => {
    expectApiError(await admin.get('/api/users/unknown'), 404, 'USER_NOT_FOUND');
    const member = await t.signedIn(DEMO.team);
    expectApiError(await member.get('/api/users'), 403, 'FORBIDDEN_ROLE');
    expectApiError(
      await member.post('/api/users', {
        email: 'x@voorbeeldstad.example',
        name: 'X',
        roles: ['admin'],
      }),
      403,
      'FORBIDDEN_ROLE',
    );
  });
});
