import { Formatter } from '../core/formatter';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  resource,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { ForumDto, MeetingDto } from '@olievlek/shared';
import { AuthService } from '../core/auth.service';
import { Feedback } from '../shell/feedback';
import { saveState } from '../shell/save-state';
import { ForumFormat } from './forum-format';
import { ForumsApi } from './forums-api.service';
import { MeetingCard } from './meeting-card';
import { loaded } from '../shell/load-status';

/** Held meetings shown before "show all": enough to see a trend, few enough for a phone. */
const RECENT_MEETINGS = 3;

/** One forum: its member teams and key users, its meetings, and for the host the controls. */
@Component({
  selector: 'ov-forum-page',
  imports: [RouterLink, ReactiveFormsModule, TranslocoPipe, Feedback, MeetingCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './forum.page.html',
})
export class ForumPage {
  protected readonly loaded = loaded;
  private readonly api = inject(ForumsApi);
  private readonly fmt = inject(Formatter);
  private readonly auth = inject(AuthService);
  private readonly transloco = inject(TranslocoService);
  protected readonly format = inject(ForumFormat);
  protected readonly save = saveState();

  /** The route's `:id`. */
  readonly id = input.required<string>();
  protected readonly today = this.fmt.today();
  protected readonly forum = resource({
    params: () => ({ id: this.id() }),
    loader: ({ params }) => this.api.get(params.id),
  });
  protected readonly teams = resource({
    params: () => (loaded(this.forum)?.canEdit ? true : undefined),
    loader: () => this.api.teams(),
  });

  /** Newest first: the planned meetings, then the latest held ones (all of them on request). */
  private readonly allMeetings = computed(() =>
    [...(loaded(this.forum)?.meetings ?? [])].sort(
      (a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id),
    ),
  );
  protected readonly showAll = signal(false);
  protected readonly hiddenCount = computed(() =>
    this.showAll() ? 0 : Math.max(0, this.allMeetings().length - this.shownCount()),
  );
  private readonly shownCount = computed(
    () => this.allMeetings().filter((m) => m.date > this.today).length + RECENT_MEETINGS,
  );
  protected readonly meetings = computed(() =>
    this.showAll() ? this.allMeetings() : this.allMeetings().slice(0, this.shownCount()),
  );
  protected readonly activeMembers = computed(() =>
    (loaded(this.forum)?.members ?? []).filter((m) => m.leftOn === null),
  );
  protected readonly formerMembers = computed(() =>
    (loaded(this.forum)?.members ?? []).filter((m) => m.leftOn !== null),
  );
  protected readonly candidateTeams = computed(() => {
    const taken = new Set(this.activeMembers().map((m) => m.team.id));
    return (loaded(this.teams) ?? [])
      .filter((t) => !taken.has(t.id))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  });
  protected readonly ownTeamIds = computed(() => {
    const me = this.auth.me()?.id;
    return this.activeMembers()
      .filter((m) => m.keyUser?.id === me)
      .map((m) => m.team.id);
  });

  protected readonly memberForm = new FormGroup({
    team: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly planForm = new FormGroup({
    date: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  private readonly teamToAdd = this.memberForm.controls.team;
  private readonly meetingDate = this.planForm.controls.date;

  protected icsUrl(forum: ForumDto): string {
    return this.api.forumIcsUrl(forum.id);
  }

  protected async addMember(forum: ForumDto): Promise<void> {
    if (this.teamToAdd.invalid) {
      this.save.invalid('member', { team: this.transloco.translate('forums.chooseTeam') });
      return;
    }
    const updated = await this.save.run(
      'member',
      () => this.api.addMember(forum.id, this.teamToAdd.value),
      (f) => this.fmt.plural('forums.memberAdded', f.memberCount),
    );
    if (updated) {
      this.teamToAdd.reset();
      this.forum.set(updated);
    }
  }

  protected async plan(forum: ForumDto): Promise<void> {
    if (this.meetingDate.invalid) {
      this.save.invalid('plan', { date: this.transloco.translate('forums.chooseDate') });
      return;
    }
    const meeting = await this.save.run(
      'plan',
      () => this.api.planMeeting(forum.id, this.meetingDate.value),
      (m) => this.transloco.translate('forums.plannedOn', { date: this.format.date(m.date) }),
    );
    if (meeting) {
      this.meetingDate.reset();
      this.replace(meeting);
    }
  }

  /** A meeting changed on the server: the page shows the new one without a reload. */
  protected replace(meeting: MeetingDto): void {
    this.forum.update((forum) => {
      if (!forum) return forum;
      const others = forum.meetings.filter((m) => m.id !== meeting.id);
      return { ...forum, meetings: [...others, meeting] };
    });
  }
}
