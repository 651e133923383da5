import { LOCALES, ROLES, type Locale, type Role } from '@olievlek/shared';
import type { OidcConfig } from '../../config/config';

/** The value at a claim name or dotted path (`realm_access.roles`). */
export function claimAt(claims: Record<string, unknown>, path: string): unknown {
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The groups (or roles) the provider sent: an array of strings, or one string. */
export function groupsIn(claims: Record<string, unknown>, path: string): string[] {
  const value = claimAt(claims, path);
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** The Olievlek roles those groups give (exact match), in the order of ROLES, each once. */
export function mappedRoles(groups: readonly string[], roleMap: OidcConfig['roleMap']): Role[] {
  const held = new Set(groups);
  const roles = new Set(roleMap.filter((m) => held.has(m.group)).map((m) => m.role));
  return ROLES.filter((role) => roles.has(role));
}

export interface SsoProfile {
  /** Lower-case; null when the provider sent none, or one it did not verify (if that is required). */
  email: string | null;
  name: string | null;
  locale: Locale;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function profileFrom(
  claims: Record<string, unknown>,
  requireVerifiedEmail: boolean,
): SsoProfile {
  const rawEmail = typeof claims['email'] === 'string' ? claims['email'].trim().toLowerCase() : '';
  const verified = claims['email_verified'] === true || claims['email_verified'] === 'true';
  const email =
    EMAIL.test(rawEmail) && rawEmail.length <= 320 && (verified || !requireVerifiedEmail)
      ? rawEmail
      : null;
  const text = (name: string) =>
    typeof claims[name] === 'string' ? (claims[name] as string).trim() : '';
  const name =
    text('name') || [text('given_name'), text('family_name')].filter(Boolean).join(' ') || null;
  const language = text('locale').slice(0, 2).toLowerCase();
  return {
    email,
    name: name ? name.slice(0, 200) : null,
    locale: (LOCALES as readonly string[]).includes(language) ? (language as Locale) : 'nl',
  };
}
