import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, MoreThan } from 'typeorm';
import { isoMinus, nowIso } from '../common/time';
import { LoginFailureEntity } from './entities/login-attempt.entity';

export const FAILURE_WINDOW_MS = 15 * 60_000;
/** Wrong passwords for one account from one address within the window. */
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
/** Wrong passwords from one address, whichever accounts, within the window. */
export const MAX_FAILURES_PER_ADDRESS = 30;

/** The attempt's own rows: kept when the password was wrong, removed when it was right. */
export interface LoginReservation {
  readonly ids: readonly string[];
}

/**
 * The sign-in limits, race-free across requests and instances: an attempt is written down
 * *before* the ~300 ms password check and only then counted, so of any number of parallel
 * attempts at most the limit see a count within it (the last of them to count sees all the
 * others' rows). Counting first and writing after the check let 20 parallel guesses through.
 *
 * The account limit is per account *and* address: a stranger's wrong passwords lock the
 * stranger's address out of that account, not the person signing in from their own.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly dataSource: DataSource) {}

  /** Reserves an attempt; null when a limit is reached (nothing then stays reserved). */
  async reserve(email: string, address: string): Promise<LoginReservation | null> {
    const failures = this.dataSource.getRepository(LoginFailureEntity);
    const at = nowIso();
    const reservation = { ids: [randomUUID(), randomUUID()] };
    await failures.insert([
      { id: reservation.ids[0], key: `email:${email}`, origin: address, at },
      { id: reservation.ids[1], key: `ip:${address}`, origin: null, at },
    ]);
    const since = MoreThan(isoMinus(at, FAILURE_WINDOW_MS));
    const [perAccountAndAddress, perAddress] = await Promise.all([
      failures.countBy({ key: `email:${email}`, origin: address, at: since }),
      failures.countBy({ key: `ip:${address}`, origin: IsNull(), at: since }),
    ]);
    if (
      perAccountAndAddress > MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS ||
      perAddress > MAX_FAILURES_PER_ADDRESS
    ) {
      await this.release(reservation);
      return null;
    }
    return reservation;
  }

  /**
   * The password was right: this attempt does not count. Earlier failures stay until they age
   * out — wiping them would also wipe the rows of wrong guesses still in flight beside it.
   */
  async release(reservation: LoginReservation): Promise<void> {
    await this.dataSource
      .getRepository(LoginFailureEntity)
      .delete({ id: In([...reservation.ids]) });
  }
}
