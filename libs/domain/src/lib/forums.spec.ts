import fc from 'fast-check';
import { addDays, LocalDate } from './dates';
import {
  AttendanceMark,
  attendanceRate,
  cadenceDays,
  ForumFacts,
  houdVol,
  houdVolRadar,
  MeetingFacts,
  nextMeetingDue,
} from './forums';

const teams = ['t1', 't2', 't3', 't4'];

/** A meeting where the first `present` teams were there and the rest absent. */
function meeting(date: LocalDate, present: number, members = teams): MeetingFacts {
  const attendance: Record<string, AttendanceMark> = {};
  members.forEach((t, i) => (attendance[t] = i < present ? 'present' : 'absent'));
  return { date, attendance };
}

function forum(meetings: MeetingFacts[], overrides: Partial<ForumFacts> = {}): ForumFacts {
  return {
    id: 'f1',
    cadence: { kind: 'weeks', every: 6 },
    startDate: '2026-01-05',
    memberTeamIds: teams,
    meetings,
    ...overrides,
  };
}

/** Six-weekly meetings from 5 January 2026 with the given number of teams present. */
function sixWeekly(presents: number[]): MeetingFacts[] {
  return presents.map((p, i) => meeting(addDays('2026-01-05', i * 42), p));
}

describe('forum meetings', () => {
  it('is due one cadence period after the last meeting, a one-off only until it has met', () => {
    expect(nextMeetingDue({ kind: 'weeks', every: 6 }, '2026-01-05', '2026-03-02')).toBe(
      '2026-04-13',
    );
    expect(nextMeetingDue({ kind: 'weeks', every: 2 }, '2026-01-05', null)).toBe('2026-01-05');
    expect(nextMeetingDue({ kind: 'once' }, '2026-05-20', null)).toBe('2026-05-20');
    expect(nextMeetingDue({ kind: 'once' }, '2026-05-20', '2026-05-20')).toBeNull();
    expect(cadenceDays({ kind: 'monthly' })).toBe(31);
  });

  it('counts attendance per member team', () => {
    const m: MeetingFacts = {
      date: '2026-03-02',
      attendance: { t1: 'present', t2: 'apologised', t3: 'absent', t4: 'present' },
    };
    expect(attendanceRate(m)).toEqual({
      present: 2,
      apologised: 1,
      absent: 1,
      members: 4,
      rate: 0.5,
    });
    expect(attendanceRate({ date: '2026-03-02', attendance: {} }).rate).toBeNull();
  });
});

describe('houd vol radar', () => {
  it('has nothing to say about a forum that meets on time with everyone there', () => {
    const f = forum(sixWeekly([4, 4, 3, 4]));
    expect(houdVol(f, addDays('2026-01-05', 3 * 42 + 10))).toBeNull();
  });

  it('warns when fewer than half were present at the latest two meetings', () => {
    const f = forum(sixWeekly([4, 1, 1]));
    expect(houdVol(f, '2026-03-10')?.reasons ?? []).not.toContainEqual(
      expect.objectContaining({ kind: 'low-attendance' }),
    );
    expect(houdVol(f, '2026-04-01')?.reasons).toContainEqual({
      kind: 'low-attendance',
      meetings: ['2026-02-16', '2026-03-30'],
      rates: [0.25, 0.25],
    });
  });

  it('does not warn for one low meeting after a good one, nor for exactly half', () => {
    expect(houdVol(forum(sixWeekly([4, 4, 1])), '2026-03-31')).toBeNull();
    const half = houdVol(forum(sixWeekly([2, 2])), '2026-02-17');
    expect(half?.reasons.map((r) => r.kind)).toEqual(['key-user-dropping', 'key-user-dropping']);
  });

  it('warns when attendance fell at each of the latest three meetings', () => {
    const members = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    const meetings = [10, 9, 8, 7].map((p, i) =>
      meeting(addDays('2026-01-05', i * 42), p, members),
    );
    const entry = houdVol(forum(meetings, { memberTeamIds: [] }), '2026-05-12');
    expect(entry?.reasons).toEqual([
      {
        kind: 'falling-attendance',
        meetings: ['2026-01-05', '2026-02-16', '2026-03-30', '2026-05-11'],
        rates: [1, 0.9, 0.8, 0.7],
      },
    ]);
  });

  it('calls a forum silent after one and a half cadence periods without a meeting', () => {
    const f = forum(sixWeekly([4]));
    expect(houdVol(f, addDays('2026-01-05', 63))).toBeNull();
    expect(houdVol(f, addDays('2026-01-05', 64))?.reasons).toEqual([
      { kind: 'silent', since: '2026-01-05', days: 64, dueBy: '2026-03-09' },
    ]);
    const never = forum([], { startDate: '2026-01-05' });
    expect(houdVol(never, '2026-03-10')?.reasons[0]).toMatchObject({ kind: 'silent', days: 64 });
  });

  it('never calls a one-off forum silent once it has met, but does before its date has passed', () => {
    const conference = forum([meeting('2026-05-20', 4)], {
      cadence: { kind: 'once' },
      startDate: '2026-05-20',
    });
    expect(houdVol(conference, '2027-05-20')).toBeNull();
    const notHeld = forum([], { cadence: { kind: 'once' }, startDate: '2026-05-20' });
    expect(houdVol(notHeld, '2026-05-20')).toBeNull();
    expect(houdVol(notHeld, '2026-05-21')?.reasons[0]).toMatchObject({ kind: 'silent', days: 1 });
  });

  it('names a key user whose team missed two of its latest three meetings, apologised or not', () => {
    const meetings: MeetingFacts[] = [
      { date: '2026-01-05', attendance: { t1: 'present', t2: 'present', t3: 'present' } },
      { date: '2026-02-16', attendance: { t1: 'present', t2: 'apologised', t3: 'present' } },
      { date: '2026-03-30', attendance: { t1: 'present', t2: 'absent', t3: 'present' } },
    ];
    const entry = houdVol(forum(meetings, { memberTeamIds: ['t1', 't2', 't3'] }), '2026-04-01');
    expect(entry?.reasons).toEqual([{ kind: 'key-user-dropping', teamId: 't2', missed: 2, of: 3 }]);
    // A team that has left keeps its history but is not a warning.
    expect(houdVol(forum(meetings, { memberTeamIds: ['t1', 't3'] }), '2026-04-01')).toBeNull();
  });

  it('ignores planned meetings after today', () => {
    const f = forum([...sixWeekly([4]), meeting('2026-12-01', 0)]);
    expect(houdVol(f, '2026-02-01')).toBeNull();
  });

  it('lists the longest silent forum first', () => {
    const quiet = forum(sixWeekly([4]), { id: 'quiet' });
    const low = forum(sixWeekly([1, 1]), { id: 'low' });
    const radar = houdVolRadar([low, quiet], '2026-03-20');
    expect(radar.map((e) => e.forumId)).toEqual(['quiet', 'low']);
    expect(radar[0].silentDays).toBe(74);
  });

  const markArb = fc.constantFrom<AttendanceMark>('present', 'apologised', 'absent');
  const forumArb = fc
    .array(fc.array(markArb, { minLength: 1, maxLength: 6 }), { maxLength: 12 })
    .map((rows) =>
      forum(
        rows.map((marks, i) => ({
          date: addDays('2026-01-05', i * 42),
          attendance: Object.fromEntries(marks.map((m, j) => [`t${j}`, m])),
        })),
        { memberTeamIds: ['t0', 't1', 't2', 't3', 't4', 't5'] },
      ),
    );

  it('holding a meeting today with everyone present never adds a reason (property)', () => {
    fc.assert(
      fc.property(forumArb, fc.integer({ min: 0, max: 400 }), (f, offset) => {
        const today = addDays('2026-01-05', 12 * 42 + offset);
        const all = Object.fromEntries(f.memberTeamIds.map((t) => [t, 'present' as const]));
        const after = houdVol(
          { ...f, meetings: [...f.meetings, { date: today, attendance: all }] },
          today,
        );
        expect(
          after?.reasons.some(
            (r) =>
              r.kind === 'silent' || r.kind === 'low-attendance' || r.kind === 'falling-attendance',
          ) ?? false,
        ).toBe(false);
        expect(after?.silentDays ?? 0).toBe(0);
      }),
    );
  });

  it('keeps every rate within [0, 1] and the radar sorted by silence (property)', () => {
    fc.assert(
      fc.property(
        fc.array(forumArb, { maxLength: 6 }),
        fc.integer({ min: 0, max: 800 }),
        (forums, offset) => {
          const today = addDays('2026-01-05', offset);
          const radar = houdVolRadar(
            forums.map((f, i) => ({ ...f, id: `f${i}` })),
            today,
          );
          for (let i = 1; i < radar.length; i++) {
            expect(radar[i - 1].silentDays).toBeGreaterThanOrEqual(radar[i].silentDays);
          }
          for (const f of forums)
            for (const m of f.meetings) {
              const { rate } = attendanceRate(m);
              expect(rate).toBeGreaterThanOrEqual(0);
              expect(rate).toBeLessThanOrEqual(1);
            }
        },
      ),
    );
  });
});
