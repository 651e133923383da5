import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { API, PulseQuestionDto } from '@olievlek/shared';
import { firstValueFrom } from 'rxjs';
import { apiError } from '../core/api-error';
import { translateError } from '../core/error-text';
import { loaded, LoadStatus } from '../shell/load-status';

type Question = PulseQuestionDto & { active: boolean };

/** Admins keep the pulse's question set: new rounds take the active questions. */
@Component({
  selector: 'ov-pulse-questions',
  imports: [LoadStatus, FormsModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="ov-card" aria-labelledby="pq-heading">
      <h2 class="utrecht-heading-2" id="pq-heading">{{ 'pulseQuestions.heading' | transloco }}</h2>
      <p class="utrecht-paragraph ov-muted">{{ 'pulseQuestions.intro' | transloco }}</p>
      @if (message(); as text) {
        <div class="utrecht-alert utrecht-alert--info" role="status">
          <p class="utrecht-paragraph">{{ text }}</p>
        </div>
      }
      <ov-load-status [resource]="questions" />
      <ul class="ov-list">
        @for (q of loaded(questions) ?? []; track q.id) {
          <li class="ov-list__item">
            <div class="utrecht-form-field utrecht-form-field--checkbox">
              <input
                type="checkbox"
                class="utrecht-checkbox utrecht-checkbox--html-input"
                [id]="'pq-' + q.id"
                [checked]="q.active"
                (change)="toggle(q)"
              />
              <label class="utrecht-form-label utrecht-form-label--checkbox" [for]="'pq-' + q.id"
                >{{ q.text.nl }} <span class="ov-muted" lang="en">({{ q.text.en }})</span></label
              >
            </div>
          </li>
        }
      </ul>
      <form class="ov-inline-form" (ngSubmit)="add()">
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="pq-nl">{{
            'pulseQuestions.textNl' | transloco
          }}</label>
          <input
            id="pq-nl"
            name="nl"
            class="utrecht-textbox utrecht-textbox--html-input"
            [ngModel]="nl()"
            (ngModelChange)="nl.set($event)"
            maxlength="300"
          />
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="pq-en">{{
            'pulseQuestions.textEn' | transloco
          }}</label>
          <input
            id="pq-en"
            name="en"
            lang="en"
            class="utrecht-textbox utrecht-textbox--html-input"
            [ngModel]="en()"
            (ngModelChange)="en.set($event)"
            maxlength="300"
          />
        </div>
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {{ 'pulseQuestions.add' | transloco }}
        </button>
      </form>
    </section>
  `,
})
export class PulseQuestions {
  protected readonly loaded = loaded;
  private readonly http = inject(HttpClient);
  private readonly transloco = inject(TranslocoService);
  protected readonly questions = resource({
    loader: () => firstValueFrom(this.http.get<Question[]>(API.pulseQuestions)),
  });
  protected readonly nl = signal('');
  protected readonly en = signal('');
  protected readonly message = signal<string | null>(null);

  protected async toggle(q: Question): Promise<void> {
    await this.save(
      () => firstValueFrom(this.http.patch(API.pulseQuestion(q.id), { active: !q.active })),
      q.active ? 'pulseQuestions.deactivated' : 'pulseQuestions.activated',
    );
  }

  protected async add(): Promise<void> {
    if (!this.nl().trim() || !this.en().trim()) {
      this.message.set(this.transloco.translate('pulseQuestions.bothTexts'));
      return;
    }
    await this.save(
      () =>
        firstValueFrom(
          this.http.post(API.pulseQuestions, { text: { nl: this.nl(), en: this.en() } }),
        ),
      'pulseQuestions.added',
    );
    this.nl.set('');
    this.en.set('');
  }

  private async save(action: () => Promise<unknown>, key: string): Promise<void> {
    try {
      await action();
      this.message.set(this.transloco.translate(key));
      this.questions.reload();
    } catch (e) {
      this.message.set(translateError(this.transloco, apiError(e)));
    }
  }
}
