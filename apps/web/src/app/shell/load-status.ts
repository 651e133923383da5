import { ChangeDetectionStrategy, Component, inject, input, type Resource } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { apiError } from '../core/api-error';
import { translateError } from '../core/error-text';

/**
 * What a resource holds now, or `undefined` while it loads or after it failed. Angular's
 * `value()` throws in the failed state, which would stop the whole template from drawing: read a
 * resource through this (or `hasValue()`) wherever a failure is possible.
 */
export function loaded<T>(resource: Resource<T>): T | undefined {
  return resource.hasValue() ? resource.value() : undefined;
}

/** The part of a resource this component reads: its state, and a way to ask again. */
interface Reloadable {
  error(): unknown;
  isLoading(): boolean;
  hasValue(): boolean;
  reload(): boolean;
}

/**
 * Where a resource's data would appear: "Bezig met laden…" while it loads, and when it failed the
 * server's reason with a way to try again — never an endless spinner or an empty list that looks
 * like "nothing here".
 */
@Component({
  selector: 'ov-load-status',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (resource().error()) {
      <div class="utrecht-alert utrecht-alert--error ov-feedback" role="alert">
        <p class="utrecht-paragraph">{{ reason() }}</p>
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action ov-button--small"
          (click)="resource().reload()"
        >
          {{ 'app.retry' | transloco }}
        </button>
      </div>
    } @else if (resource().isLoading() && !resource().hasValue()) {
      <p class="utrecht-paragraph ov-muted" role="status">{{ 'app.loading' | transloco }}</p>
    }
  `,
})
export class LoadStatus {
  private readonly transloco = inject(TranslocoService);
  readonly resource = input.required<Reloadable>();

  protected reason(): string {
    return translateError(this.transloco, apiError(this.resource().error()));
  }
}
