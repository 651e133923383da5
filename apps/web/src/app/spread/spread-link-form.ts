import { Formatter, PluralPipe } from '../core/formatter';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  OnInit,
  output,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { OrgUnitDto, PracticeDto, SpreadLinkDto } from '@olievlek/shared';
import { apiError } from '../core/api-error';
import { translateError, translateFields } from '../core/error-text';
import { LanguageService } from '../core/language.service';
import { OlievlekApi } from '../olievlek/olievlek-api.service';
import { Feedback } from '../shell/feedback';

type Field = 'sourceTeamId' | 'practiceId' | 'on' | 'note';

/** Which field a refusal of the server belongs next to. */
const FIELD_OF_CODE: Record<string, Field> = {
  SPREAD_LINK_SAME_TEAM: 'sourceTeamId',
  TEAM_NOT_FOUND: 'sourceTeamId',
  TEAM_ARCHIVED: 'sourceTeamId',
  SPREAD_LINK_INVALID_DATE: 'on',
  PRACTICE_NOT_FOUND: 'practiceId',
  PRACTICE_RETIRED: 'practiceId',
};

/**
 * "We took this from another team": records a spread link with the given team as the target.
 * The source is picked from a list that a search box narrows down (a plain select stays usable
 * with a keyboard and a screen reader); practice and note are optional, the date defaults to today.
 */
@Component({
  selector: 'ov-spread-link-form',
  imports: [Feedback, PluralPipe, ReactiveFormsModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ov-link-form .utrecht-select,
    .ov-link-form .utrecht-textbox {
      inline-size: 100%;
      max-inline-size: 32rem;
    }
    .ov-link-form .ov-input--date {
      max-inline-size: 12rem;
    }
    .ov-link-form__count {
      font-size: 0.875rem;
      margin: 0.25rem 0 0;
    }
  `,
  template: `
    <form
      class="ov-inline-form ov-link-form"
      [formGroup]="form"
      (ngSubmit)="submit()"
      [attr.aria-labelledby]="id('title')"
      novalidate
    >
      <h3 class="utrecht-heading-3" [id]="id('title')">{{ heading() }}</h3>
      <p class="utrecht-paragraph ov-muted">
        {{ 'olievlek.links.formIntro' | transloco: { team: target().name } }}
      </p>
      <ov-feedback [error]="error()" />

      <div class="utrecht-form-field">
        <label class="utrecht-form-label" [for]="id('search')">{{
          'olievlek.links.search' | transloco
        }}</label>
        <input
          [id]="id('search')"
          type="search"
          class="utrecht-textbox utrecht-textbox--html-input"
          autocomplete="off"
          [value]="search()"
          (input)="search.set($any($event.target).value)"
          [attr.aria-describedby]="id('count')"
        />
        <p class="ov-muted ov-link-form__count" [id]="id('count')" aria-live="polite">
          {{ 'olievlek.links.found' | ovPlural: options().length }}
        </p>
      </div>
      <div
        class="utrecht-form-field"
        [class.utrecht-form-field--invalid]="fieldError('sourceTeamId')"
      >
        <label class="utrecht-form-label" [for]="id('source')">{{
          'olievlek.links.source' | transloco
        }}</label>
        @if (fieldError('sourceTeamId'); as m) {
          <p class="utrecht-form-field-error-message" [id]="id('source-error')">{{ m }}</p>
        }
        <select
          [id]="id('source')"
          class="utrecht-select utrecht-select--html-select"
          formControlName="sourceTeamId"
          [attr.aria-invalid]="fieldError('sourceTeamId') ? true : null"
          [attr.aria-describedby]="fieldError('sourceTeamId') ? id('source-error') : null"
        >
          <option value="">{{ 'olievlek.links.chooseTeam' | transloco }}</option>
          @for (team of options(); track team.id) {
            <option [value]="team.id">{{ team.label }}</option>
          }
        </select>
      </div>
      <div
        class="utrecht-form-field"
        [class.utrecht-form-field--invalid]="fieldError('practiceId')"
      >
        <label class="utrecht-form-label" [for]="id('practice')">{{
          'olievlek.links.practice' | transloco
        }}</label>
        @if (fieldError('practiceId'); as m) {
          <p class="utrecht-form-field-error-message" [id]="id('practice-error')">{{ m }}</p>
        }
        <select
          [id]="id('practice')"
          class="utrecht-select utrecht-select--html-select"
          formControlName="practiceId"
          [attr.aria-invalid]="fieldError('practiceId') ? true : null"
          [attr.aria-describedby]="fieldError('practiceId') ? id('practice-error') : null"
        >
          <option value="">{{ 'olievlek.links.noPractice' | transloco }}</option>
          @for (p of activePractices(); track p.id) {
            <option [value]="p.id">{{ en() ? p.title.en : p.title.nl }}</option>
          }
        </select>
      </div>
      <div class="utrecht-form-field" [class.utrecht-form-field--invalid]="fieldError('on')">
        <label class="utrecht-form-label" [for]="id('on')">{{
          'olievlek.links.on' | transloco
        }}</label>
        @if (fieldError('on'); as m) {
          <p class="utrecht-form-field-error-message" [id]="id('on-error')">{{ m }}</p>
        }
        <input
          [id]="id('on')"
          type="date"
          class="utrecht-textbox utrecht-textbox--html-input ov-input--date"
          formControlName="on"
          [max]="today"
          [attr.aria-invalid]="fieldError('on') ? true : null"
          [attr.aria-describedby]="fieldError('on') ? id('on-error') : null"
        />
      </div>
      <div class="utrecht-form-field" [class.utrecht-form-field--invalid]="fieldError('note')">
        <label class="utrecht-form-label" [for]="id('note')">{{
          'olievlek.links.note' | transloco
        }}</label>
        @if (fieldError('note'); as m) {
          <p class="utrecht-form-field-error-message" [id]="id('note-error')">{{ m }}</p>
        }
        <textarea
          [id]="id('note')"
          rows="2"
          maxlength="2000"
          class="utrecht-textarea utrecht-textarea--html-textarea"
          formControlName="note"
          [attr.aria-describedby]="fieldError('note') ? id('note-error') : id('note-hint')"
        ></textarea>
        <p class="utrecht-form-field-description ov-muted" [id]="id('note-hint')">
          {{ 'olievlek.links.noteHint' | transloco }}
        </p>
      </div>
      <div class="ov-actions">
        <button
          type="submit"
          class="utrecht-button utrecht-button--primary-action"
          [disabled]="busy()"
        >
          {{ 'olievlek.links.submit' | transloco }}
        </button>
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          (click)="cancelled.emit()"
        >
          {{ 'app.cancel' | transloco }}
        </button>
      </div>
    </form>
  `,
})
export class SpreadLinkForm implements OnInit {
  private readonly api = inject(OlievlekApi);
  private readonly fmt = inject(Formatter);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly fb = inject(NonNullableFormBuilder);

  /** The team that took the practice up. */
  readonly target = input.required<{ id: string; name: string }>();
  /** All org units (teams to choose from, departments to tell equal names apart). */
  readonly units = input.required<OrgUnitDto[]>();
  readonly practices = input.required<PracticeDto[]>();
  readonly practiceId = input<string | null>(null);
  /** Makes the ids of the fields unique when a page shows several forms. */
  readonly idPrefix = input('link');
  readonly heading = input.required<string>();

  readonly recorded = output<SpreadLinkDto>();
  readonly cancelled = output<void>();

  protected readonly today = this.fmt.today();
  protected readonly search = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly fields = signal<Partial<Record<Field, string>>>({});
  protected readonly en = computed(() => this.language.current() === 'en');

  protected readonly form = this.fb.group({
    sourceTeamId: [''],
    practiceId: [''],
    on: [this.today],
    note: [''],
  });

  private readonly teams = computed(() => {
    const units = this.units();
    const byId = new Map(units.map((u) => [u.id, u]));
    return units
      .filter((u) => u.kind === 'team' && !u.archivedAt && u.id !== this.target().id)
      .map((u) => {
        const department = u.parentId ? byId.get(u.parentId)?.name : undefined;
        return { id: u.id, label: department ? `${u.name} — ${department}` : u.name };
      })
      .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  });

  /** The teams matching the search; the chosen one always stays in the list. */
  protected readonly options = computed(() => {
    const words = this.search().toLocaleLowerCase('nl').split(/\s+/).filter(Boolean);
    if (words.length === 0) return this.teams();
    const chosen = this.chosen();
    return this.teams().filter(
      (t) => t.id === chosen || words.every((w) => t.label.toLocaleLowerCase('nl').includes(w)),
    );
  });
  private readonly chosen = toSignal(this.form.controls.sourceTeamId.valueChanges, {
    initialValue: '',
  });

  protected readonly activePractices = computed(() =>
    this.practices().filter((p) => !p.retiredAt || p.id === this.practiceId()),
  );

  ngOnInit(): void {
    const practiceId = this.practiceId();
    if (practiceId) this.form.controls.practiceId.setValue(practiceId);
    setTimeout(() => document.getElementById(this.id('search'))?.focus());
  }

  protected id(part: string): string {
    return `${this.idPrefix()}-${part}`;
  }

  protected fieldError(field: Field): string | null {
    return this.fields()[field] ?? null;
  }

  protected async submit(): Promise<void> {
    const v = this.form.getRawValue();
    const problems: Partial<Record<Field, string>> = {};
    if (!v.sourceTeamId)
      problems.sourceTeamId = this.transloco.translate('olievlek.links.sourceRequired');
    if (!v.on) problems.on = this.transloco.translate('olievlek.links.dateRequired');
    else if (v.on > this.today) problems.on = this.transloco.translate('olievlek.links.dateFuture');
    if (Object.keys(problems).length > 0) {
      this.show(problems, this.transloco.translate('errors.VALIDATION_FAILED'));
      return;
    }
    this.busy.set(true);
    this.show({}, null);
    try {
      const link = await this.api.createSpreadLink({
        sourceTeamId: v.sourceTeamId,
        targetTeamId: this.target().id,
        practiceId: v.practiceId || null,
        on: v.on,
        note: v.note.trim() || null,
      });
      this.form.reset({
        sourceTeamId: '',
        practiceId: this.practiceId() ?? '',
        on: this.today,
        note: '',
      });
      this.search.set('');
      this.recorded.emit(link);
    } catch (e) {
      const error = apiError(e);
      const problems: Partial<Record<Field, string>> = {};
      for (const [name, message] of Object.entries(translateFields(this.transloco, error))) {
        const field = (name === 'targetTeamId' ? 'sourceTeamId' : name) as Field;
        problems[field] = message;
      }
      const field = FIELD_OF_CODE[error.code];
      const text = translateError(this.transloco, error);
      if (field && !problems[field]) problems[field] = text;
      this.show(problems, text);
    } finally {
      this.busy.set(false);
    }
  }

  /** Errors next to their fields, a summary above them, focus on the first field to fix. */
  private show(problems: Partial<Record<Field, string>>, summary: string | null): void {
    this.fields.set(problems);
    this.error.set(summary);
    const first = (['sourceTeamId', 'practiceId', 'on', 'note'] as const).find((f) => problems[f]);
    const element = { sourceTeamId: 'source', practiceId: 'practice', on: 'on', note: 'note' };
    if (first) setTimeout(() => document.getElementById(this.id(element[first]))?.focus());
  }
}
