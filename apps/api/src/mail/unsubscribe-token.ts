import { MAIL_KINDS, MailKind } from '@olievlek/shared';
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The one-click unsubscribe token of a mail: `<userId>.<kind>.<signature>`, the signature an
 * HMAC-SHA256 under the session secret with its own label, so it serves nothing else. It does
 * not expire — a link in last year's mail still works — and unsubscribing is all it can do.
 */
const LABEL = 'olievlek:mail-unsubscribe:v1';

function signature(secret: string, userId: string, kind: MailKind): Buffer {
  return createHmac('sha256', secret).update(`${LABEL}\n${userId}\n${kind}`).digest();
}

export function unsubscribeToken(secret: string, userId: string, kind: MailKind): string {
  return `${userId}.${kind}.${signature(secret, userId, kind).toString('base64url')}`;
}

/** The person and mail kind a token stands for, or null when it is malformed or forged. */
export function readUnsubscribeToken(
  secret: string,
  token: string,
): { userId: string; kind: MailKind } | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [userId, kind, given] = parts;
  if (!/^[0-9a-f-]{36}$/i.test(userId) || !(MAIL_KINDS as readonly string[]).includes(kind))
    return null;
  // Compared as text: every other spelling of the same bytes in base64 is refused too.
  const expected = Buffer.from(signature(secret, userId, kind as MailKind).toString('base64url'));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return { userId, kind: kind as MailKind };
}
