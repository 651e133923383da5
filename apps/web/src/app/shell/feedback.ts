import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  input,
  output,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { SaveState } from './save-state';

/**
 * The one way a screen reports the outcome of an action, placed beside the control that caused
 * it: a polite status for success, an alert for a failure, and a reload button when someone else
 * changed the record first (409). Either bound to a page's `SaveState` and a place
 * (`[state]="save" at="intake"`), or given the texts directly.
 */
@Component({
  selector: 'ov-feedback',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div aria-live="polite" class="ov-live">
      @if (noticeText(); as text) {
        <div class="utrecht-alert utrecht-alert--ok ov-feedback" role="status" #message>
          <p class="utrecht-paragraph">{{ text }}</p>
          <ng-content />
        </div>
      }
    </div>
    @if (errorText(); as text) {
      <div class="utrecht-alert utrecht-alert--error ov-feedback" role="alert" #message>
        <p class="utrecht-paragraph">{{ text }}</p>
        @if (isConflict()) {
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            (click)="reload.emit()"
          >
            {{ 'app.reload' | transloco }}
          </button>
        }
      </div>
    }
  `,
})
export class Feedback {
  readonly state = input<SaveState | null>(null);
  /** The place on the page this message belongs to (with `state`). */
  readonly at = input('');
  readonly notice = input<string | null>(null);
  readonly error = input<string | null>(null);
  readonly conflict = input(false);
  /** A conflict panel shows this place's conflict, with its choices: nothing is said twice. */
  readonly panelShown = input(false);
  readonly reload = output<void>();

  private readonly outcome = computed(() => this.state()?.outcomeAt(this.at()) ?? null);
  protected readonly noticeText = computed(() => {
    const o = this.outcome();
    return o ? (o.kind === 'done' ? o.text : null) : this.notice();
  });
  protected readonly errorText = computed(() => {
    const o = this.outcome();
    if (!o) return this.error();
    return o.kind === 'done' || (o.kind === 'conflict' && this.panelShown()) ? null : o.text;
  });
  protected readonly isConflict = computed(() => {
    const o = this.outcome();
    return o ? o.kind === 'conflict' : this.conflict();
  });

  private readonly message = viewChild<ElementRef<HTMLElement>>('message');

  constructor() {
    // A new message is brought into view where it appeared, however long the page.
    afterRenderEffect(() => {
      this.noticeText();
      this.errorText();
      this.message()?.nativeElement.scrollIntoView({ block: 'nearest' });
    });
  }
}
