import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The message under a field that was left empty or refused. The field points at it with
 * `aria-describedby` and `aria-invalid`; nothing is red before someone submitted.
 */
@Component({
  selector: 'ov-field-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (text(); as message) {
      <p class="utrecht-form-field-error-message" [id]="messageId()">{{ message }}</p>
    }
  `,
})
export class FieldError {
  readonly messageId = input.required<string>();
  readonly text = input<string | null>(null);
}
