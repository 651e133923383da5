import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CsvCell, downloadCsv, toCsv } from '../core/csv';
import { LanguageService } from '../core/language.service';

export interface DataColumn {
  label: string;
  /** Right-aligned, formatted in the user's language. */
  numeric?: boolean;
}

/** A link on a row's first cell; `prefix` is read by screen readers before the name ("Zoom into"). */
export interface DataLink {
  path: string;
  query?: Record<string, string>;
  prefix?: string;
  /** Keep the address's other parameters (the olievlek view's date and tab) when following it. */
  keepQuery?: boolean;
}

let nextId = 0;

/**
 * The table behind a chart, or a table on its own: the same numbers as a proper <table> (caption,
 * header cells with a scope, the first column naming the row) and as a CSV download built in the
 * browser. Collapsible tables sit behind a "Show as table" disclosure.
 */
@Component({
  selector: 'ov-data-table',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      margin-block: 0.75rem 0;
    }
    .ov-data-table__actions {
      margin-block: 0;
    }
    .ov-data-table__caption {
      caption-side: top;
      text-align: start;
      font-size: 1rem;
      line-height: 1.4;
      font-weight: 600;
      padding: 0.75rem 0.75rem 0.25rem;
    }
    /* A wide table scrolls; its caption wraps to the visible width instead of scrolling away. */
    .ov-data-table__caption-text {
      display: block;
      max-inline-size: calc(100vw - 5rem);
    }
    .ov-num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    td.ov-num {
      white-space: nowrap;
    }
    tbody .utrecht-table__header-cell {
      font-weight: 600;
      min-inline-size: 10rem;
      border-block-end: var(--utrecht-table-row-border-block-end-width, 1px) solid
        var(--utrecht-table-row-border-block-end-color, currentColor);
    }
    /* A name that wraps stays one target: the whole box follows the link, not only its lines. */
    tbody .utrecht-table__header-cell .utrecht-link {
      display: inline-block;
    }
    .ov-table-wrapper[hidden] {
      display: none;
    }
  `,
  template: `
    <div class="ov-actions ov-data-table__actions">
      @if (collapsible()) {
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action ov-button--small"
          [attr.aria-expanded]="open()"
          [attr.aria-controls]="regionId"
          (click)="open.set(!open())"
        >
          {{ (open() ? 'olievlek.table.hide' : 'olievlek.table.show') | transloco
          }}<span class="ov-visually-hidden">: {{ caption() }}</span>
        </button>
      }
      <button
        type="button"
        class="utrecht-button utrecht-button--subtle ov-button--small"
        [disabled]="rows().length === 0"
        (click)="download()"
      >
        {{ 'olievlek.table.csv' | transloco
        }}<span class="ov-visually-hidden">: {{ caption() }}</span>
      </button>
    </div>
    <div
      class="ov-table-wrapper"
      tabindex="0"
      role="region"
      [id]="regionId"
      [attr.aria-label]="caption()"
      [hidden]="collapsible() && !open()"
    >
      <table class="utrecht-table utrecht-table--html-table ov-table--compact">
        <caption class="ov-data-table__caption">
          <span class="ov-data-table__caption-text">{{ caption() }}</span>
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            @for (column of columns(); track $index) {
              <th class="utrecht-table__header-cell" [class.ov-num]="column.numeric" scope="col">
                {{ column.label }}
              </th>
            }
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          @for (row of shown(); track $index; let r = $index) {
            <tr class="utrecht-table__row">
              @for (cell of row; track $index) {
                @if ($first) {
                  <th class="utrecht-table__header-cell" scope="row">
                    @if (links()[r]; as link) {
                      <a
                        class="utrecht-link"
                        [routerLink]="link.path"
                        [queryParams]="link.query"
                        [queryParamsHandling]="link.keepQuery ? 'merge' : ''"
                      >
                        @if (link.prefix) {
                          <span class="ov-visually-hidden">{{ link.prefix }} </span>
                        }
                        {{ cell }}</a
                      >
                    } @else {
                      {{ cell }}
                    }
                  </th>
                } @else {
                  <td class="utrecht-table__cell" [class.ov-num]="columns()[$index]?.numeric">
                    {{ cell }}
                  </td>
                }
              }
            </tr>
          } @empty {
            <tr class="utrecht-table__row">
              <td class="utrecht-table__cell" [attr.colspan]="columns().length">
                {{ 'olievlek.table.empty' | transloco }}
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class DataTable {
  private readonly language = inject(LanguageService);

  readonly caption = input.required<string>();
  readonly columns = input.required<DataColumn[]>();
  readonly rows = input.required<CsvCell[][]>();
  /** The file name without extension, e.g. "olievlek-teams-2026-03-31". */
  readonly filename = input.required<string>();
  readonly collapsible = input(true);
  /** Per row, an optional link on its first cell. */
  readonly links = input<(DataLink | null)[]>([]);
  protected readonly open = signal(false);
  protected readonly regionId = `ov-table-${++nextId}`;

  private readonly numberFormat = computed(
    () =>
      new Intl.NumberFormat(this.language.current() === 'nl' ? 'nl-NL' : 'en-GB', {
        maximumFractionDigits: 2,
      }),
  );

  protected readonly shown = computed(() => {
    const format = this.numberFormat();
    return this.rows().map((row) =>
      row.map((cell) =>
        cell === null ? '—' : typeof cell === 'number' ? format.format(cell) : cell,
      ),
    );
  });

  protected download(): void {
    const header = this.columns().map((c) => c.label);
    downloadCsv(this.filename(), toCsv([header, ...this.rows()], this.language.current()));
  }
}
