import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  ATTENDANCE_MARK_VALUES,
  AttendanceMarkDto,
  ForumDto,
  ForumMemberDto,
  MeetingDto,
} from '@olievlek/shared';
import { ConflictPanel, ConflictRow } from '../shell/conflict-panel';
import { Feedback } from '../shell/feedback';
import { saveState } from '../shell/save-state';
import { ForumFormat } from './forum-format';
import { ForumsApi } from './forums-api.service';

/**
 * One meeting of a forum: attendance per member team, minutes and tips. The host and admins
 * edit everything; a key user marks their own team while the host has not. A stale save (409)
 * shows what the other person saved beside the draft and overwrites nothing.
 */
@Component({
  selector: 'ov-meeting-card',
  imports: [ReactiveFormsModule, TranslocoPipe, Feedback, ConflictPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meeting-card.html',
  styles: `
    .ov-prewrap {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    /* On a phone the team and its mark share the width; long names wrap, the select shrinks. */
    .ov-attendance {
      inline-size: 100%;
      table-layout: fixed;
    }
    .ov-attendance th,
    .ov-attendance td {
      overflow-wrap: anywhere;
      white-space: normal;
    }
    .ov-attendance select {
      inline-size: 100%;
      min-inline-size: 0;
      max-inline-size: 100%;
    }
  `,
})
export class MeetingCard {
  private readonly api = inject(ForumsApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly format = inject(ForumFormat);
  protected readonly save = saveState();

  readonly forum = input.required<ForumDto>();
  readonly meeting = input.required<MeetingDto>();
  readonly today = input.required<string>();
  /** Teams whose key user is the signed-in person. */
  readonly ownTeamIds = input<readonly string[]>([]);
  readonly changed = output<MeetingDto>();

  protected readonly marks = ATTENDANCE_MARK_VALUES;
  protected readonly held = computed(() => this.meeting().date <= this.today());
  protected readonly form = new FormGroup({
    minutes: new FormControl('', { nonNullable: true }),
    tips: new FormControl('', { nonNullable: true }),
  });
  /** The version the draft was started from; a save sends it, so a stale one gets a 409. */
  private version = 0;
  protected readonly theirs = signal<MeetingDto | null>(null);
  protected readonly conflictRows = computed<ConflictRow[]>(() => {
    const theirs = this.theirs();
    if (!theirs) return [];
    const mine = this.form.getRawValue();
    return [
      {
        label: this.transloco.translate('forums.minutes'),
        mine: mine.minutes,
        theirs: theirs.minutes,
      },
      { label: this.transloco.translate('forums.tips'), mine: mine.tips, theirs: theirs.tips },
    ];
  });

  /** Member teams on the meeting's date (a team that left keeps its marks at earlier ones). */
  protected readonly teams = computed(() =>
    this.forum().members.filter(
      (m) => m.joinedOn <= this.meeting().date && (!m.leftOn || m.leftOn > this.meeting().date),
    ),
  );

  constructor() {
    effect(() => {
      const meeting = this.meeting();
      if (this.form.dirty && this.version !== 0) return;
      this.version = meeting.version;
      this.form.reset({ minutes: meeting.minutes, tips: meeting.tips });
    });
  }

  protected markOf(teamId: string): AttendanceMarkDto | '' {
    return this.meeting().attendance.find((a) => a.teamId === teamId)?.mark ?? '';
  }

  protected mayMark(member: ForumMemberDto): boolean {
    return this.forum().canEdit || this.ownTeamIds().includes(member.team.id);
  }

  protected async mark(member: ForumMemberDto, value: string): Promise<void> {
    const mark = value as AttendanceMarkDto;
    const updated = await this.save.run(
      `attendance-${member.team.id}`,
      () => this.api.setAttendance(this.meeting().id, member.team.id, mark),
      () =>
        this.transloco.translate('forums.attendanceSaved', {
          team: member.team.name,
          mark: this.transloco.translate(`forums.marks.${mark}`),
        }),
    );
    if (updated) this.changed.emit(updated);
  }

  protected async saveNotes(version = this.version): Promise<void> {
    const { minutes, tips } = this.form.getRawValue();
    const updated = await this.save.run(
      'notes',
      () => this.api.updateMeeting(this.meeting().id, { version, minutes, tips }),
      () => this.transloco.translate('forums.notesSaved'),
    );
    if (updated) {
      this.theirs.set(null);
      this.version = updated.version;
      this.form.reset({ minutes: updated.minutes, tips: updated.tips });
      this.changed.emit(updated);
    } else if (this.save.conflictAt('notes')) {
      // The other person's version, fetched fresh: shown beside the draft, nothing overwritten.
      const fresh = await this.api.get(this.forum().id).catch(() => null);
      this.theirs.set(fresh?.meetings.find((m) => m.id === this.meeting().id) ?? null);
    }
  }

  protected takeTheirs(): void {
    const theirs = this.theirs();
    if (!theirs) return;
    this.version = theirs.version;
    this.form.reset({ minutes: theirs.minutes, tips: theirs.tips });
    this.theirs.set(null);
    this.save.clear();
    this.changed.emit(theirs);
  }

  protected keepMine(): void {
    const theirs = this.theirs();
    if (theirs) void this.saveNotes(theirs.version);
  }

  protected icsUrl(): string {
    return this.api.meetingIcsUrl(this.meeting().id);
  }
}
