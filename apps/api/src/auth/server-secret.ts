import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { nowIso } from '../common/time';
import { APP_CONFIG, AppConfig } from '../config/config';

const ROW = 'session';

/**
 * The key behind session tokens, signed cookies, CSRF tokens, unsubscribe links and the SSO
 * transaction: SESSION_SECRET when it is set (required in production), otherwise a random key
 * this database made for itself on first start (table `server_secret`) and every instance on it
 * reads back. Never a constant from the repository (issue 20, finding 11): a token signed with
 * anything public is refused.
 */
@Injectable()
export class ServerSecret implements OnModuleInit {
  private secret: string | null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secret = config.sessionSecret;
  }

  /** Runs after the migrations (they run when the data source opens). */
  async onModuleInit(): Promise<void> {
    if (this.secret === null) this.secret = await this.databaseSecret();
  }

  get value(): string {
    if (this.secret === null) throw new Error('The server secret is read before the app started.');
    return this.secret;
  }

  /** Instances that start together race to insert: the first row wins and all read it back. */
  private async databaseSecret(): Promise<string> {
    const postgres = this.dataSource.options.type === 'postgres';
    const [a, b, c] = postgres ? ['$1', '$2', '$3'] : ['?', '?', '?'];
    await this.dataSource.query(
      `INSERT INTO server_secret (name, value, created_at) VALUES (${a}, ${b}, ${c}) ON CONFLICT (name) DO NOTHING`,
      [ROW, randomBytes(48).toString('base64url'), nowIso()],
    );
    const rows: Array<{ value: string }> = await this.dataSource.query(
      `SELECT value FROM server_secret WHERE name = ${a}`,
      [ROW],
    );
    return rows[0].value;
  }
}
