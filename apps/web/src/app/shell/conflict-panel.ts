import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** One field of a record in a conflict: the person's draft beside what is saved now. */
export interface ConflictRow {
  label: string;
  mine: string;
  theirs: string;
}

/**
 * Shown on a 409: what the other person saved beside the person's own draft, and the three ways
 * on — take theirs, keep mine and save again (over the fresh version), or copy mine to paste
 * elsewhere. Nothing is overwritten until the person chooses.
 */
@Component({
  selector: 'ov-conflict-panel',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ov-conflict {
      scroll-margin-block-start: 0.5rem;
      border: 2px solid var(--ov-warning-border, #b35900);
      border-radius: 4px;
      padding: 0.75rem;
      margin-block: 0.75rem;
    }
    .ov-conflict__grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
      gap: 0.75rem;
    }
    .ov-conflict__side {
      margin: 0;
    }
    .ov-conflict__side dd {
      margin-inline-start: 0;
      margin-block-end: 0.5rem;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .ov-conflict__side dt {
      font-weight: bold;
    }
  `,
  template: `
    <section class="ov-conflict" [attr.aria-labelledby]="id() + '-heading'" #panel>
      <h3 class="utrecht-heading-3" [id]="id() + '-heading'" tabindex="-1" #heading>
        {{ 'trust.conflictHeading' | transloco: { name: by() } }}
      </h3>
      <p class="utrecht-paragraph" role="alert">{{ message() }}</p>
      <div class="ov-conflict__grid">
        <div>
          <h4 class="utrecht-heading-4">{{ 'trust.theirs' | transloco: { name: by() } }}</h4>
          <dl class="ov-conflict__side" [attr.data-side]="'theirs'">
            @for (row of rows(); track row.label) {
              <dt>{{ row.label }}</dt>
              <dd>{{ row.theirs || '—' }}</dd>
            }
          </dl>
        </div>
        <div>
          <h4 class="utrecht-heading-4">{{ 'trust.mine' | transloco }}</h4>
          <dl class="ov-conflict__side" [attr.data-side]="'mine'">
            @for (row of rows(); track row.label) {
              <dt>{{ row.label }}</dt>
              <dd>{{ row.mine || '—' }}</dd>
            }
          </dl>
        </div>
      </div>
      <div class="ov-actions">
        <button
          type="button"
          class="utrecht-button utrecht-button--primary-action"
          (click)="takeTheirs.emit()"
        >
          {{ 'trust.takeTheirs' | transloco }}
        </button>
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          (click)="keepMine.emit()"
        >
          {{ 'trust.keepMine' | transloco }}
        </button>
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          (click)="copyMine()"
        >
          {{ 'trust.copyMine' | transloco }}
        </button>
      </div>
      <div aria-live="polite" class="ov-live">
        @if (copied()) {
          <p class="utrecht-paragraph" role="status">{{ 'trust.copied' | transloco }}</p>
        }
      </div>
    </section>
  `,
})
export class ConflictPanel {
  readonly id = input.required<string>();
  /** Who saved the version now stored. */
  readonly by = input.required<string>();
  readonly rows = input.required<ConflictRow[]>();
  /** What happened, said once, at the top of the panel. */
  readonly message = input.required<string>();
  readonly takeTheirs = output<void>();
  readonly keepMine = output<void>();

  protected readonly copied = signal(false);
  private readonly panel = viewChild.required<ElementRef<HTMLElement>>('panel');
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  constructor() {
    // The panel answers the person's "save": its top comes into view and its heading takes the
    // focus, so both the message and the choices are where the person looks.
    afterNextRender(() => {
      this.panel().nativeElement.scrollIntoView({ block: 'start' });
      this.heading().nativeElement.focus({ preventScroll: true });
    });
  }

  protected async copyMine(): Promise<void> {
    const text = this.rows()
      .map((row) => `${row.label}:\n${row.mine}`)
      .join('\n\n');
    try {
      await navigator.clipboard.writeText(text);
      this.copied.set(true);
    } catch {
      // No clipboard (an insecure origin or a refusal): the draft stays on the screen to select.
      this.copied.set(false);
    }
  }
}
