import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { parseDatabaseUrl } from '../config/config';
import {
  FreshDatabase,
  freePort,
  freshDatabase,
  ServerProcess,
  startServerProcess,
} from '../../test/server-process';
import { startSmtpServer, TestSmtpServer } from '../../test/smtp-server';
import { MailDeliveryEntity } from './entities/mail.entities';

const EVERY_SECOND = '* * * * * *';

/**
 * Two real server processes on one database (an SQLite file, or PostgreSQL under
 * with-postgres.sh), every mail job scheduled every second in both, and a real SMTP server that
 * is down at first and comes up while both instances keep firing: each person gets each of their
 * mails exactly once.
 */
describe('mail: two instances on one database send each mail once', () => {
  let database: FreshDatabase;
  const servers: ServerProcess[] = [];
  let smtp: TestSmtpServer | null = null;

  afterAll(async () => {
    for (const server of servers) await server.kill('SIGTERM');
    await smtp?.stop();
    await database?.drop();
  });

  it('claims every (mail, period, person) once while both fire at the same moments', async () => {
    database = await freshDatabase();
    const port = await freePort();
    const env = {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      PUBLIC_URL: 'https://olievlek.test',
      MAIL_TEAM_REMINDER_CRON: EVERY_SECOND,
      MAIL_AMBASSADOR_DIGEST_CRON: EVERY_SECOND,
      MAIL_DIRECTOR_SUMMARY_CRON: EVERY_SECOND,
      MAIL_RETRY_CRON: EVERY_SECOND,
    };
    // The first one migrates and loads the demo organisation; the second joins it.
    servers.push(await startServerProcess(database.url, env));
    servers.push(await startServerProcess(database.url, env));
    // Both are firing every second against an SMTP server that is not there yet.
    await new Promise((r) => setTimeout(r, 2_000));
    smtp = await startSmtpServer(port);

    // Wait until no mail has arrived for 4 seconds (both instances fired several times since).
    let seen = -1;
    const deadline = Date.now() + 90_000;
    while (seen !== smtp.mails.length || seen === 0) {
      seen = smtp.mails.length;
      if (Date.now() > deadline) throw new Error(`Mail did not settle: ${seen} arrived`);
      await new Promise((r) => setTimeout(r, 4_000));
    }

    const count = new Map<string, number>();
    for (const mail of smtp.mails) {
      const key = `${mail.headers['x-olievlek-mail']} ${mail.to}`;
      count.set(key, (count.get(key) ?? 0) + 1);
    }
    const twice = [...count].filter(([, n]) => n !== 1);
    expect(twice).toEqual([]);

    const data = new DataSource({
      ...dataSourceOptions(parseDatabaseUrl(database.url, process.cwd())),
      migrationsRun: false,
    });
    await data.initialize();
    try {
      const rows = await data.getRepository(MailDeliveryEntity).find();
      const sent = rows.filter((r) => r.status === 'sent');
      expect(rows.filter((r) => r.status === 'sending' || r.status === 'failed')).toEqual([]);
      expect(sent).toHaveLength(smtp.mails.length);
      // All three mails went out: nine team members, the ambassadors with cases, the director.
      const kinds = new Set(sent.map((r) => r.kind));
      expect(kinds).toEqual(new Set(['team-reminder', 'ambassador-digest', 'director-summary']));
      expect(sent.filter((r) => r.kind === 'team-reminder')).toHaveLength(9);
      expect(smtp.to('directeur@voorbeeldstad.example')).toHaveLength(1);
    } finally {
      await data.destroy();
    }
    for (const server of servers) expect(server.running()).toBe(true);
  }, 240_000);
});
