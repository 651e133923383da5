import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * The one way a screen reports the outcome of a save: a polite status for success, an alert for
 * a failure, and a reload button when someone else changed the record first (409).
 */
@Component({
  selector: 'ov-feedback',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div aria-live="polite" class="ov-live">
      @if (notice(); as text) {
        <div class="utrecht-alert utrecht-alert--ok" role="status">
          <p class="utrecht-paragraph">{{ text }}</p>
          <ng-content />
        </div>
      }
    </div>
    @if (error(); as text) {
      <div class="utrecht-alert utrecht-alert--error" role="alert">
        <p class="utrecht-paragraph">{{ text }}</p>
        @if (conflict()) {
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
  readonly notice = input<string | null>(null);
  readonly error = input<string | null>(null);
  readonly conflict = input(false);
  readonly reload = output<void>();
}
