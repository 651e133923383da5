import type { AuthUser } from '../auth/auth-user';
import { forbidden, notFound } from '../common/api-exception';
import type { ForumEntity } from './entities/forum.entity';

/**
 * Who may do what with a forum (docs/design.md §Between teams): admins and ambassadors read every
 * forum; team members read the forums their team belongs to (minutes are shared with the
 * members); the host and admins change a forum and record its meetings; a key user may mark their
 * own team's attendance while the host has not. Directors have no route here: they see counts and
 * rates in the olievlek view, never who was absent.
 */
export const forumAccess = {
  readsAll(user: AuthUser): boolean {
    return user.roles.includes('admin') || user.roles.includes('ambassador');
  },

  /** Throws 404 for a forum the person may not see, so its existence is not told either. */
  assertRead(user: AuthUser, activeTeamIds: readonly string[]): void {
    if (forumAccess.readsAll(user)) return;
    if (user.teamIds.some((id) => activeTeamIds.includes(id))) return;
    throw notFound('FORUM_NOT_FOUND', 'This forum does not exist.');
  },

  canEdit(user: AuthUser, forum: ForumEntity): boolean {
    return (
      user.roles.includes('admin') ||
      (user.roles.includes('ambassador') && forum.hostId === user.id)
    );
  },

  assertEdit(user: AuthUser, forum: ForumEntity): void {
    if (!forumAccess.canEdit(user, forum)) {
      throw forbidden(
        'FORUM_NOT_HOST',
        "Only this forum's host and admins can change it and record its meetings.",
      );
    }
  },
};
