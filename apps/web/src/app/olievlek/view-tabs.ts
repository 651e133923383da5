import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  output,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { OLIEVLEK_TABS, OlievlekTab } from './olievlek-query';

/**
 * The tabs of the olievlek view (WAI-ARIA tabs pattern, automatic activation): one tab stop,
 * arrow keys, Home and End move between the tabs and open the one they land on. The page owns
 * the panels (`olievlek-panel-<tab>`), and the open tab lives in the address.
 */
@Component({
  selector: 'ov-view-tabs',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ov-tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      border-block-end: 2px solid var(--ov-line);
      margin-block: 0 1rem;
    }
    .ov-tab {
      font: inherit;
      font-weight: 600;
      min-block-size: 2.75rem;
      padding: 0.5rem 1rem;
      border: 1px solid transparent;
      border-block-end: none;
      border-radius: 0.375rem 0.375rem 0 0;
      background: transparent;
      color: var(--ov-accent);
      cursor: pointer;
      margin-block-end: -2px;
    }
    .ov-tab[aria-selected='true'] {
      background: var(--ov-surface);
      border-color: var(--ov-line);
      border-block-end: 2px solid var(--ov-surface);
      color: inherit;
    }
    .ov-tab:focus-visible {
      outline: 3px solid var(--ov-focus);
      outline-offset: 2px;
    }
  `,
  template: `
    <div class="ov-tabs" role="tablist" [attr.aria-label]="'olievlek.tabs.label' | transloco">
      @for (tab of tabs; track tab) {
        <button
          type="button"
          role="tab"
          class="ov-tab"
          [id]="'olievlek-tab-' + tab"
          [attr.aria-selected]="tab === open()"
          [attr.aria-controls]="'olievlek-panel-' + tab"
          [tabIndex]="tab === open() ? 0 : -1"
          (click)="choose.emit(tab)"
          (keydown)="key($event, tab)"
        >
          {{ 'olievlek.tabs.' + tab | transloco }}
        </button>
      }
    </div>
  `,
})
export class ViewTabs {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly open = input.required<OlievlekTab>();
  readonly choose = output<OlievlekTab>();
  protected readonly tabs = OLIEVLEK_TABS;

  protected key(event: KeyboardEvent, tab: OlievlekTab): void {
    const i = this.tabs.indexOf(tab);
    const n = this.tabs.length;
    const to: Record<string, number> = {
      ArrowRight: (i + 1) % n,
      ArrowLeft: (i - 1 + n) % n,
      Home: 0,
      End: n - 1,
    };
    const next = to[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = this.tabs[next];
    this.choose.emit(target);
    this.host.nativeElement.querySelector<HTMLElement>(`#olievlek-tab-${target}`)?.focus();
  }
}
