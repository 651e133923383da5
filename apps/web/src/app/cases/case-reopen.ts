import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CaseDetailDto } from '@olievlek/shared';
import { DatePipe } from '../core/formatter';
import { disclosure } from '../shell/disclosure';
import { Feedback } from '../shell/feedback';
import { FieldError } from '../shell/field-error';
import { saveState } from '../shell/save-state';
import { CasesApi } from './cases-api.service';

/**
 * A closed case's way on: the cases of the same team before and after it, reopening it (a
 * reason, then a confirmation — it is audited), or opening a new case for the team linked to it.
 */
@Component({
  selector: 'ov-case-reopen',
  imports: [FormsModule, RouterLink, TranslocoPipe, DatePipe, Feedback, FieldError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let c = case();
    @if (c.previousCase; as p) {
      <p class="utrecht-paragraph">
        <a class="utrecht-link" [routerLink]="['/casussen', p.id]">{{
          'reopen.previous' | transloco: { date: (p.closedOn | ovDate) }
        }}</a>
      </p>
    }
    @if (c.nextCase; as n) {
      <p class="utrecht-paragraph">
        <a class="utrecht-link" [routerLink]="['/casussen', n.id]">{{
          'reopen.next' | transloco: { date: (n.openedOn | ovDate) }
        }}</a>
      </p>
    }
    @if (c.status === 'closed' && c.canEdit) {
      @if (asking.isOpen()) {
        <form class="ov-inline-form" (ngSubmit)="ask()" novalidate aria-labelledby="reopen-heading">
          <h2 class="utrecht-heading-3" id="reopen-heading">{{ 'reopen.heading' | transloco }}</h2>
          <div
            class="utrecht-form-field"
            [class.utrecht-form-field--invalid]="save.fieldError('reopen', 'reason')"
          >
            <label class="utrecht-form-label" for="reopen-reason">{{
              'reopen.reason' | transloco
            }}</label>
            <ov-field-error
              messageId="reopen-reason-error"
              [text]="save.fieldError('reopen', 'reason')"
            />
            <input
              #reasonField
              id="reopen-reason"
              name="reason"
              class="utrecht-textbox utrecht-textbox--html-input"
              aria-required="true"
              [attr.aria-invalid]="save.fieldError('reopen', 'reason') ? true : null"
              [attr.aria-describedby]="
                save.fieldError('reopen', 'reason') ? 'reopen-reason-error' : null
              "
              [ngModel]="reason()"
              (ngModelChange)="reason.set($event); confirming.set(false)"
              maxlength="1000"
            />
          </div>
          @if (confirming()) {
            <div class="utrecht-alert utrecht-alert--warning" role="alert">
              <p class="utrecht-paragraph">{{ 'reopen.confirm' | transloco }}</p>
            </div>
            <div class="ov-actions">
              <button
                #confirmButton
                type="button"
                class="utrecht-button utrecht-button--primary-action"
                [disabled]="save.busy()"
                (click)="reopen()"
              >
                {{ 'reopen.confirmSubmit' | transloco }}
              </button>
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                (click)="cancel()"
              >
                {{ 'app.cancel' | transloco }}
              </button>
            </div>
          } @else {
            <div class="ov-actions">
              <button type="submit" class="utrecht-button utrecht-button--primary-action">
                {{ 'reopen.submit' | transloco }}
              </button>
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                (click)="cancel()"
              >
                {{ 'app.cancel' | transloco }}
              </button>
            </div>
          }
        </form>
      } @else {
        <p class="ov-actions">
          <button
            #opener
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            (click)="start()"
          >
            {{ 'reopen.open' | transloco }}
          </button>
          @if (!c.nextCase) {
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action"
              [disabled]="save.busy()"
              (click)="openNew()"
            >
              {{ 'reopen.newCase' | transloco: { team: c.team.name } }}
            </button>
          }
        </p>
      }
    }
    <ov-feedback [state]="save" at="reopen" />
  `,
})
export class CaseReopen {
  private readonly api = inject(CasesApi);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);

  readonly case = input.required<CaseDetailDto>();
  readonly reopened = output<CaseDetailDto>();

  protected readonly save = saveState();
  protected readonly reason = signal('');
  protected readonly confirming = signal(false);
  private readonly reasonField = viewChild<ElementRef<HTMLElement>>('reasonField');
  private readonly opener = viewChild<ElementRef<HTMLElement>>('opener');
  private readonly confirmButton = viewChild<ElementRef<HTMLElement>>('confirmButton');
  protected readonly asking = disclosure(this.reasonField, this.opener);
  private readonly confirmation = disclosure(this.confirmButton, this.reasonField);

  protected start(): void {
    this.save.clear();
    this.reason.set('');
    this.confirming.set(false);
    this.asking.open();
  }

  protected cancel(): void {
    this.confirming.set(false);
    this.asking.close();
  }

  /** First the reason, then a confirmation: reopening is not undone with a click. */
  protected ask(): void {
    if (!this.reason().trim()) {
      this.save.invalid('reopen', { reason: this.transloco.translate('reopen.reasonEmpty') });
      this.reasonField()?.nativeElement.focus();
      return;
    }
    this.save.clear();
    this.confirming.set(true);
    this.confirmation.open();
  }

  protected async reopen(): Promise<void> {
    const c = this.case();
    const done = await this.save.run(
      'reopen',
      () => this.api.reopen(c.id, { version: c.version, reason: this.reason().trim() }),
      () => this.transloco.translate('reopen.done'),
    );
    if (done) {
      this.confirming.set(false);
      this.asking.isOpen.set(false);
      this.reopened.emit(done);
    }
  }

  protected async openNew(): Promise<void> {
    const opened = await this.save.run(
      'reopen',
      () => this.api.open(this.case().team.id),
      () => this.transloco.translate('reopen.opened'),
    );
    if (opened) await this.router.navigate(['/casussen', opened.id]);
  }
}
