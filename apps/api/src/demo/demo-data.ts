import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { localDateIn } from '@olievlek/domain';
import { hashPassword } from '../auth/auth.service';
import { PulseQuestionEntity } from '../board/entities/board.entities';
import { PracticeEntity } from '../catalogue/entities/practice.entity';
import { buildDemoHistory, insertDemoHistory } from './demo-history';
import { nowIso } from '../common/time';
import { exclusiveTransaction, INSTANCE_LOCK } from '../database/instance-locks';
import { OrgUnitEntity } from '../org-units/entities/org-unit.entity';
import { TeamMembershipEntity } from '../users/entities/team-membership.entity';
import { buildDemoForums, insertDemoForums } from './demo-forums';
import { UserEntity } from '../users/entities/user.entity';

import { DEMO_PASSWORD } from './demo-password';

export { DEMO_PASSWORD };
export const DEMO_ORGANISATION = 'Gemeente Voorbeeldstad';

/** A fictional municipality: directorate → department → teams (with headcounts). */
const DEMO_TREE: Record<string, Record<string, Array<[string, number]>>> = {
  'Directie Sociaal Domein': {
    'Werk en Inkomen': [
      ['Klantmanagement Werk', 18],
      ['Uitkeringsadministratie', 14],
      ['Re-integratie Jongeren', 9],
      ['Schuldhulpverlening', 11],
      ['Poortwachters Inkomen', 7],
      ['Werkgeversdienstverlening', 8],
    ],
    'Zorg en Welzijn': [
      ['Wmo-consulenten', 16],
      ['Jeugdhulp Toegang', 13],
      ['Beschermd Wonen', 6],
      ['Mantelzorgondersteuning', 5],
      ['Sociaal Wijkteam Noord', 12],
      ['Sociaal Wijkteam Zuid', 12],
    ],
    'Onderwijs en Jeugd': [
      ['Leerplicht', 8],
      ['Voortijdig Schoolverlaten', 5],
      ['Kinderopvang en VVE', 6],
      ['Jongerenwerk', 10],
    ],
  },
  'Directie Fysieke Leefomgeving': {
    'Ruimtelijke Ontwikkeling': [
      ['Omgevingsplan', 9],
      ['Gebiedsontwikkeling Centrum', 7],
      ['Omgevingsvisie', 5],
      ['Grondzaken', 6],
      ['Projectbureau Woningbouw', 11],
    ],
    'Vergunningen, Toezicht en Handhaving': [
      ['Vergunningverlening Wonen', 12],
      ['Bouwtoezicht', 9],
      ['Handhaving Openbare Ruimte', 22],
      ['Milieutoezicht', 7],
      ['Evenementenvergunningen', 4],
    ],
    'Beheer Openbare Ruimte': [
      ['Groenbeheer', 26],
      ['Wegen en Riolering', 15],
      ['Afvalinzameling', 28],
      ['Verkeer en Parkeren', 10],
      ['Buitendienst West', 24],
      ['Buitendienst Oost', 21],
    ],
  },
  'Directie Dienstverlening': {
    Publiekszaken: [
      ['Burgerzaken Balie', 17],
      ['Klantcontactcentrum', 25],
      ['Burgerlijke Stand', 6],
      ['Verkiezingen en Basisregistraties', 8],
      ['Reisdocumenten en Rijbewijzen', 9],
    ],
    Belastingen: [
      ['Heffing en Invordering', 12],
      ['WOZ-waardering', 9],
      ['Bezwaar en Beroep', 6],
      ['Klantcontact Belastingen', 7],
    ],
    Informatievoorziening: [
      ['Applicatiebeheer', 11],
      ['Datateam', 7],
      ['Informatiebeveiliging en Privacy', 5],
      ['Servicedesk ICT', 13],
      ['Digitale Dienstverlening', 8],
    ],
  },
  'Directie Bedrijfsvoering': {
    HRM: [
      ['HR-advies', 10],
      ['Salarisadministratie', 6],
      ['Leren en Ontwikkelen', 5],
      ['Arbo en Verzuim', 4],
      ['Facilitaire Zaken', 14],
    ],
    Financiën: [
      ['Planning en Control', 9],
      ['Financiële Administratie', 12],
      ['Inkoop en Aanbesteding', 7],
      ['Subsidies', 5],
    ],
    'Juridische Zaken en Communicatie': [
      ['Juridisch Advies', 8],
      ['Communicatie en Woordvoering', 9],
      ['Bestuursondersteuning', 7],
      ['Archief en DIV', 6],
      ['Klachtenbehandeling', 3],
    ],
  },
};

export const DEMO_TEAM_OF_MEMBER = 'Klantmanagement Werk';
export const DEMO_SCOPE_OF_DIRECTOR = 'Directie Sociaal Domein';

/** Loads the demo organisation and accounts into an empty database. Returns false if not empty. */
export async function loadDemoData(
  dataSource: DataSource,
  timeZone = 'Europe/Amsterdam',
): Promise<boolean> {
  const logger = new Logger('DemoData');
  if ((await dataSource.getRepository(OrgUnitEntity).count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  // Instances that start together on an empty database: one loads, the others find it loaded.
  return exclusiveTransaction(dataSource, INSTANCE_LOCK.demoData, async (manager) => {
    if ((await manager.getRepository(OrgUnitEntity).count()) > 0) return false;
    const now = nowIso();
    const units: OrgUnitEntity[] = [];
    const add = (
      parentId: string | null,
      kind: OrgUnitEntity['kind'],
      name: string,
      headcount: number | null,
    ) => {
      const unit: OrgUnitEntity = {
        id: randomUUID(),
        parentId,
        kind,
        name,
        headcount,
        archivedAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      units.push(unit);
      return unit;
    };
    const root = add(null, 'organisation', DEMO_ORGANISATION, null);
    for (const [directorate, departments] of Object.entries(DEMO_TREE)) {
      const dir = add(root.id, 'directorate', directorate, null);
      for (const [department, teams] of Object.entries(departments)) {
        const dep = add(dir.id, 'department', department, null);
        for (const [team, headcount] of teams) add(dep.id, 'team', team, headcount);
      }
    }
    const idByName = new Map(units.map((u) => [u.name, u.id]));
    // Parents first, so the foreign key on parent_id holds on every insert.
    for (let i = 0; i < units.length; i += 100) {
      await manager
        .getRepository(OrgUnitEntity)
        .insert(units.slice(i, i + 100).map((u) => ({ ...u })));
    }
    const byName = (name: string) => {
      const id = idByName.get(name);
      if (!id) throw new Error(`Demo unit ${name} missing`);
      return { id };
    };
    const user = (
      email: string,
      name: string,
      roles: string,
      scopeOrgUnitId: string | null = null,
    ): UserEntity => ({
      id: randomUUID(),
      email,
      name,
      passwordHash,
      roles,
      locale: 'nl',
      scopeOrgUnitId,
      active: true,
      anonymisedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    const admin = user('admin@voorbeeldstad.example', 'Anouk de Vries', 'admin');
    const ambassadors = [
      user('ambassadeur@voorbeeldstad.example', 'Sanne Bakker', 'ambassador'),
      user('r.vermeulen@voorbeeldstad.example', 'Ruben Vermeulen', 'ambassador'),
      user('f.ouali@voorbeeldstad.example', 'Fatima Ouali', 'ambassador'),
      user('j.deboer@voorbeeldstad.example', 'Jeroen de Boer', 'ambassador'),
    ];
    const member = user('team@voorbeeldstad.example', 'Mohamed El Amrani', 'team');
    const colleagues = [
      ['e.dekker', 'Emma Dekker'],
      ['t.vanleeuwen', 'Thijs van Leeuwen'],
      ['n.yilmaz', 'Nadia Yılmaz'],
      ['b.smits', 'Bas Smits'],
      ['l.hendriks', 'Lisa Hendriks'],
      ['k.mulder', 'Kevin Mulder'],
      ['s.boukhari', 'Samira Boukhari'],
      ['j.vos', 'Joris Vos'],
    ].map(([local, name]) => user(`${local}@voorbeeldstad.example`, name, 'team'));
    const colleagueIds = colleagues.map((c) => c.id);
    const director = user(
      'directeur@voorbeeldstad.example',
      'Petra Jansen',
      'director',
      byName(DEMO_SCOPE_OF_DIRECTOR).id,
    );
    // Read ids before insert(): TypeORM writes generated values back into the objects it inserts.
    const adminId = admin.id;
    const ambassadorIds = ambassadors.map((a) => a.id);
    const memberId = member.id;
    await manager
      .getRepository(UserEntity)
      .insert([admin, ...ambassadors, member, ...colleagues, director].map((u) => ({ ...u })));
    await manager.getRepository(TeamMembershipEntity).insert(
      [memberId, ...colleagueIds].map((userId) => ({
        userId,
        orgUnitId: byName(DEMO_TEAM_OF_MEMBER).id,
      })),
    );

    const history = buildDemoHistory(
      {
        today: localDateIn(new Date(), timeZone),
        teams: units
          .filter((u) => u.kind === 'team')
          .map((u) => ({ ...u, id: idByName.get(u.name) as string })),
        ambassadorIds,
        adminId,
        memberTeamId: byName(DEMO_TEAM_OF_MEMBER).id,
        memberId,
        colleagueIds,
        pulseQuestionIds: (
          await manager.getRepository(PulseQuestionEntity).find({ order: { position: 'ASC' } })
        ).map((q) => q.id),
        directorateOfTeam: new Map(
          units
            .filter((u) => u.kind === 'team')
            .map((team) => {
              const department = units.find((u) => u.id === team.parentId);
              return [idByName.get(team.name) as string, department?.parentId ?? ''];
            }),
        ),
      },
      await manager.getRepository(PracticeEntity).find(),
    );
    await insertDemoHistory(manager, history);
    const forums = buildDemoForums({
      today: localDateIn(new Date(), timeZone),
      teamIds: units.filter((u) => u.kind === 'team').map((u) => idByName.get(u.name) as string),
      memberTeamId: byName(DEMO_TEAM_OF_MEMBER).id,
      memberId,
      ambassadorIds,
      at: now,
    });
    await insertDemoForums(manager, forums);
    logger.log(
      `Loaded demo organisation "${DEMO_ORGANISATION}": ${units.length} units, 16 accounts, ` +
        `${history.cases.length} cases, ${history.agreements.length} agreements, ${history.checkOffs.length} check-offs, ${history.spreadLinks.length} spread links, ${forums.forums.length} forums.`,
    );
    return true;
  });
}
