import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { conflict, forbidden, notFound } from '../common/api-exception';
import { CaseAmbassadorEntity, CaseEntity } from './entities/case.entity';

/**
 * Who may do what with a case (docs/design.md): admins everything; the case's ambassadors read and
 * write it, notes included; other ambassadors read its stage and agreements, never its notes.
 * Checked on the record for every request — an id in the URL proves nothing.
 */
@Injectable()
export class CaseAccess {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<CaseEntity> {
    const found = await manager.getRepository(CaseEntity).findOneBy({ id });
    if (!found) throw notFound('CASE_NOT_FOUND', 'This case does not exist.');
    return found;
  }

  async canEdit(
    user: AuthUser,
    caseId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    if (user.roles.includes('admin')) return true;
    if (!user.roles.includes('ambassador')) return false;
    return (
      (await manager.getRepository(CaseAmbassadorEntity).countBy({ caseId, userId: user.id })) > 0
    );
  }

  /** The case, if the user may change it (and so read its private notes); 403 otherwise. */
  async findEditable(user: AuthUser, id: string, manager?: EntityManager): Promise<CaseEntity> {
    const found = await this.find(id, manager);
    if (!(await this.canEdit(user, id, manager))) {
      throw forbidden(
        'CASE_NOT_ASSIGNED',
        "Only this case's ambassadors and admins can change it or read its notes.",
      );
    }
    return found;
  }

  /** Like findEditable, and the case must still be open. */
  async findOpenEditable(user: AuthUser, id: string, manager?: EntityManager): Promise<CaseEntity> {
    const found = await this.findEditable(user, id, manager);
    if (found.status !== 'open')
      throw conflict('CASE_CLOSED', 'This case is closed; it can no longer be changed.');
    return found;
  }
}
