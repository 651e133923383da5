import { isLocalDate, LocalDate } from '@olievlek/domain';
import type { UnitRefDto } from '@olievlek/shared';
import type { AuthUser } from '../auth/auth-user';
import { badRequest, forbidden, notFound } from '../common/api-exception';
import type { OrgSnapshot } from './olievlek-facts';

/**
 * Who is looking, and at how much of the organisation (docs/design.md): admins and ambassadors at the
 * whole organisation, directors at their scope's subtree only. Checked on every request against
 * the tree as it is now — never trusted from the URL.
 */
export interface Viewer {
  /** The top of what the user may see: the organisation, or the director's scope. */
  top: string;
  wholeOrganisation: boolean;
  /** Spread-link notes are free text: admins and ambassadors read them, directors do not. */
  seesNotes: boolean;
}

/** The organisation: the root of kind `organisation`, else the first root by name. */
export function organisationRoot(org: OrgSnapshot): string {
  const root =
    org.roots.find((id) => org.units.get(id)?.kind === 'organisation') ?? org.roots.at(0);
  if (root === undefined) {
    throw notFound('ORG_UNIT_NOT_FOUND', 'There is no organisation yet: add its units first.');
  }
  return root;
}

export function viewerOf(user: AuthUser, org: OrgSnapshot): Viewer {
  if (user.roles.includes('admin') || user.roles.includes('ambassador')) {
    return { top: organisationRoot(org), wholeOrganisation: true, seesNotes: true };
  }
  if (user.roles.includes('director')) {
    const scope = user.scopeOrgUnitId;
    if (scope === null || !org.units.has(scope)) {
      throw forbidden(
        'FORBIDDEN_SCOPE',
        'You have no part of the organisation to look at yet: ask an admin to set your scope.',
      );
    }
    return { top: scope, wholeOrganisation: false, seesNotes: false };
  }
  throw forbidden('FORBIDDEN_ROLE', 'This needs one of these roles: admin, ambassador, director.');
}

/** True when `unitId` is `ancestorId` or lies below it. Stops on a loop in corrupted data. */
export function isWithin(org: OrgSnapshot, unitId: string, ancestorId: string): boolean {
  const seen = new Set<string>();
  for (let id: string | null = unitId; id !== null && !seen.has(id);) {
    if (id === ancestorId) return true;
    seen.add(id);
    id = org.units.get(id)?.parentId ?? null;
  }
  return false;
}

/** The unit asked for (default: the top of the viewer's scope): 404 unknown, 403 outside. */
export function unitFor(viewer: Viewer, org: OrgSnapshot, unitId: string | undefined): string {
  if (unitId === undefined) return viewer.top;
  if (!org.units.has(unitId)) {
    throw notFound('ORG_UNIT_NOT_FOUND', 'This unit does not exist.');
  }
  if (!isWithin(org, unitId, viewer.top)) {
    throw forbidden(
      'FORBIDDEN_SCOPE',
      'This unit lies outside the part of the organisation you may see.',
    );
  }
  return unitId;
}

export function unitRef(org: OrgSnapshot, id: string): UnitRefDto {
  const unit = org.units.get(id);
  return { id, name: unit?.name ?? '?', kind: unit?.kind ?? 'team' };
}

/** From the top of the viewer's scope down to the unit, for the breadcrumb. */
export function pathTo(org: OrgSnapshot, top: string, unitId: string): UnitRefDto[] {
  const path: UnitRefDto[] = [];
  const seen = new Set<string>();
  for (let id: string | null = unitId; id !== null && !seen.has(id);) {
    seen.add(id);
    path.push(unitRef(org, id));
    if (id === top) break;
    id = org.units.get(id)?.parentId ?? null;
  }
  return path.reverse();
}

/** Every unit of a subtree, the root first, each parent before its children. */
export function subtreeOf(org: OrgSnapshot, unitId: string): string[] {
  const result = [unitId];
  const seen = new Set(result);
  for (let i = 0; i < result.length; i++) {
    for (const child of org.children.get(result[i]) ?? []) {
      if (!seen.has(child)) {
        seen.add(child);
        result.push(child);
      }
    }
  }
  return result;
}

/** The programme's figures start in this century: earlier dates are typing errors. */
export const EARLIEST_DATE = '2000-01-01';

function tooEarly(field: string): never {
  throw badRequest('VALIDATION_FAILED', `${field} must be ${EARLIEST_DATE} or later.`, {
    [field]: `must be ${EARLIEST_DATE} or later`,
  });
}

/** The date the figures are asked for: today by default, never in the future. */
export function dateFor(date: string | undefined, today: LocalDate, field = 'date'): LocalDate {
  if (date === undefined) return today;
  if (date < EARLIEST_DATE) tooEarly(field);
  if (date > today) {
    throw badRequest(
      'OLIEVLEK_DATE_IN_FUTURE',
      `The olievlek view shows what has happened: choose ${today} or earlier.`,
      { [field]: 'not in the future' },
    );
  }
  return date;
}

/** `YYYY-MM` or `YYYY-MM-DD` → the first day of that month; undefined stays undefined. */
export function monthStart(value: string | undefined, field: string): LocalDate | undefined {
  if (value === undefined) return undefined;
  const day = /^\d{4}-\d{2}$/.test(value) ? `${value}-01` : value;
  if (!isLocalDate(day)) {
    throw badRequest('VALIDATION_FAILED', `${field} must be a month as YYYY-MM.`, {
      [field]: 'must be a month as YYYY-MM',
    });
  }
  if (day < EARLIEST_DATE) tooEarly(field);
  return `${day.slice(0, 7)}-01`;
}
