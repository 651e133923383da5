import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  IMPORT_MAX_BYTES,
  type ImportErrorDto,
  type ImportFieldChangeDto,
  type ImportItemDto,
  type ImportPreviewDto,
  type ImportResultDto,
} from '@olievlek/shared';
import type { Observable, Subscription } from 'rxjs';
import { apiError } from '../core/api-error';
import { translateError } from '../core/error-text';
import { Feedback } from '../shell/feedback';
import { ImportApi, type UploadEvent } from './import-api.service';
import { importErrorText } from './import-error-text';

type Phase = 'idle' | 'uploading' | 'processing' | 'preview' | 'confirming' | 'done';

/**
 * Import of the organisation or its users from HR's CSV or XLSX: choose a file, see what it would
 * create, change and archive (with the bad lines), then confirm. Nothing changes before that.
 */
@Component({
  selector: 'ov-import-page',
  imports: [Feedback, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ov-import__form {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1rem;
      align-items: end;
    }
    .ov-import__form .utrecht-form-field {
      margin: 0;
      flex: 0 1 28rem;
    }
    .ov-import__help {
      margin-block: 0 1.25rem;
    }
    .ov-import__help summary {
      cursor: pointer;
      margin-block-end: 0.5rem;
    }
    .ov-import__result h2 {
      margin-block: 0 0.5rem;
    }
    .ov-import__file {
      max-inline-size: 100%;
    }
    .ov-import__progress {
      margin-block: 1rem;
    }
    .ov-import__progress progress {
      display: block;
      inline-size: 100%;
      max-inline-size: 32rem;
      block-size: 1.25rem;
    }
    .ov-import__counts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
      gap: 0.5rem 1rem;
      margin: 0 0 1rem;
    }
    .ov-import__counts div {
      border: 1px solid var(--ov-border, #ccc);
      border-radius: 4px;
      padding: 0.5rem 0.75rem;
    }
    .ov-import__counts dt {
      font-size: 0.875rem;
    }
    .ov-import__counts dd {
      margin: 0;
      font-size: 1.5rem;
      font-weight: 600;
    }
    .ov-import__scroll {
      overflow-x: auto;
      margin-block-end: 1.5rem;
    }
    .ov-import__scroll caption {
      text-align: start;
      font-weight: 600;
      padding-block-end: 0.25rem;
    }
    .ov-import__change {
      display: block;
    }
    .ov-import__help code {
      overflow-wrap: anywhere;
    }
    .ov-import__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: center;
    }
  `,
  template: `
    <h1 class="utrecht-heading-1">{{ 'importExport.heading' | transloco }}</h1>
    <p class="utrecht-paragraph ov-lead">{{ 'importExport.intro' | transloco }}</p>

    <details class="ov-import__help">
      <summary>{{ 'importExport.help.summary' | transloco }}</summary>
      <p class="utrecht-paragraph">{{ 'importExport.help.org' | transloco }}</p>
      <p class="utrecht-paragraph">
        <code>directie;afdeling;team;medewerkers;code</code>
      </p>
      <p class="utrecht-paragraph">{{ 'importExport.help.users' | transloco }}</p>
      <p class="utrecht-paragraph"><code>naam;e-mail;rol;team;bereik;taal</code></p>
      <p class="utrecht-paragraph">{{ 'importExport.help.rules' | transloco }}</p>
    </details>

    <form class="ov-import__form" (submit)="$event.preventDefault(); previewFile()">
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="import-file">{{
          'importExport.file' | transloco
        }}</label>
        <p class="utrecht-form-field-description" id="import-file-hint">
          {{ 'importExport.fileHint' | transloco: { mb: maxMb } }}
        </p>
        <input
          #fileInput
          id="import-file"
          class="ov-import__file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="import-file-hint"
          [disabled]="busy()"
          (change)="choose($event)"
        />
      </div>
      <button
        type="submit"
        class="utrecht-button utrecht-button--primary-action"
        [disabled]="busy() || !file()"
      >
        {{ 'importExport.previewButton' | transloco }}
      </button>
    </form>

    <div class="ov-import__progress" role="status" aria-live="polite">
      @if (phase() === 'uploading' || phase() === 'confirming') {
        <label for="import-progress">{{
          (phase() === 'uploading' ? 'importExport.uploading' : 'importExport.applying')
            | transloco: { percent: percent() }
        }}</label>
        <progress id="import-progress" max="100" [value]="percent()">{{ percent() }}%</progress>
      } @else if (phase() === 'processing') {
        <label for="import-progress">{{ 'importExport.processing' | transloco }}</label>
        <progress id="import-progress"></progress>
      }
    </div>

    <ov-feedback [error]="error()" [conflict]="stale()" (reload)="previewFile()" />

    @if (result(); as r) {
      <div class="utrecht-alert utrecht-alert--ok ov-import__result" role="status">
        <div>
          <h2 class="utrecht-heading-2" id="import-result" tabindex="-1">
            {{ 'importExport.result.heading' | transloco }}
          </h2>
          <p class="utrecht-paragraph">
            {{
              'importExport.result.text'
                | transloco: { created: r.created, changed: r.changed, archived: r.archived }
            }}
          </p>
          <p class="utrecht-paragraph">
            <a
              class="utrecht-link"
              [routerLink]="r.kind === 'users' ? '/beheer/gebruikers' : '/beheer/organisatie'"
              >{{
                (r.kind === 'users' ? 'importExport.result.toUsers' : 'importExport.result.toOrg')
                  | transloco
              }}</a
            >
          </p>
        </div>
      </div>
    }

    @if (preview(); as p) {
      <section aria-labelledby="import-preview">
        <h2 class="utrecht-heading-2" id="import-preview" tabindex="-1">
          {{ 'importExport.preview.heading.' + p.kind | transloco: { file: fileName() } }}
        </h2>
        <dl class="ov-import__counts">
          <div>
            <dt>{{ 'importExport.count.rows' | transloco }}</dt>
            <dd>{{ p.counts.rows }}</dd>
          </div>
          <div>
            <dt>{{ 'importExport.count.create' | transloco }}</dt>
            <dd>{{ p.counts.create }}</dd>
          </div>
          <div>
            <dt>{{ 'importExport.count.change' | transloco }}</dt>
            <dd>{{ p.counts.change }}</dd>
          </div>
          <div>
            <dt>{{ 'importExport.count.archive.' + p.kind | transloco }}</dt>
            <dd>{{ p.counts.archive }}</dd>
          </div>
          <div>
            <dt>{{ 'importExport.count.unchanged' | transloco }}</dt>
            <dd>{{ p.counts.unchanged }}</dd>
          </div>
          <div>
            <dt>{{ 'importExport.count.errors' | transloco }}</dt>
            <dd>{{ p.counts.errors }}</dd>
          </div>
        </dl>
        @if (p.ignoredColumns.length) {
          <p class="utrecht-paragraph ov-muted">
            {{ 'importExport.ignored' | transloco: { columns: p.ignoredColumns.join(', ') } }}
          </p>
        }

        @if (p.errors.length) {
          <div class="ov-import__scroll">
            <table class="utrecht-table" aria-describedby="import-errors-hint">
              <caption class="utrecht-table__caption">
                {{
                  'importExport.errors.caption' | transloco: { count: p.counts.errors }
                }}
              </caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th scope="col" class="utrecht-table__header-cell">
                    {{ 'importExport.col.line' | transloco }}
                  </th>
                  <th scope="col" class="utrecht-table__header-cell">
                    {{ 'importExport.col.column' | transloco }}
                  </th>
                  <th scope="col" class="utrecht-table__header-cell">
                    {{ 'importExport.col.problem' | transloco }}
                  </th>
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                @for (e of p.errors; track $index) {
                  <tr class="utrecht-table__row">
                    <td class="utrecht-table__cell">{{ e.line }}</td>
                    <td class="utrecht-table__cell">{{ e.column ?? '—' }}</td>
                    <td class="utrecht-table__cell">{{ errorText(e) }}</td>
                  </tr>
                }
              </tbody>
            </table>
            <p class="utrecht-paragraph ov-muted" id="import-errors-hint">
              {{ 'importExport.errors.hint' | transloco }}
            </p>
          </div>
        }

        @for (list of lists(); track list.key) {
          @if (list.items.length) {
            <div class="ov-import__scroll">
              <table class="utrecht-table">
                <caption class="utrecht-table__caption">
                  {{
                    'importExport.list.' + list.key + '.' + p.kind
                      | transloco: { count: list.total }
                  }}
                </caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    <th scope="col" class="utrecht-table__header-cell">
                      {{ 'importExport.col.line' | transloco }}
                    </th>
                    <th scope="col" class="utrecht-table__header-cell">
                      {{ 'importExport.col.what' | transloco }}
                    </th>
                    <th scope="col" class="utrecht-table__header-cell">
                      {{ 'importExport.col.kind' | transloco }}
                    </th>
                    <th scope="col" class="utrecht-table__header-cell">
                      {{ 'importExport.col.details' | transloco }}
                    </th>
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  @for (item of list.items; track $index) {
                    <tr class="utrecht-table__row">
                      <td class="utrecht-table__cell">{{ item.line ?? '—' }}</td>
                      <td class="utrecht-table__cell">{{ item.label }}</td>
                      <td class="utrecht-table__cell">
                        {{ 'importExport.type.' + item.type | transloco }}
                      </td>
                      <td class="utrecht-table__cell">
                        @for (c of item.changes; track $index) {
                          <span class="ov-import__change">{{ changeText(c) }}</span>
                        } @empty {
                          @if (item.headcount !== undefined && item.headcount !== null) {
                            {{ 'importExport.headcount' | transloco: { count: item.headcount } }}
                          }
                        }
                      </td>
                    </tr>
                  }
                </tbody>
              </table>
              @if (list.total > list.items.length) {
                <p class="utrecht-paragraph ov-muted">
                  {{
                    'importExport.more' | transloco: { shown: list.items.length, total: list.total }
                  }}
                </p>
              }
            </div>
          }
        }

        <div class="ov-import__actions">
          <button
            type="button"
            class="utrecht-button utrecht-button--primary-action"
            [disabled]="!p.canConfirm || busy()"
            [attr.aria-describedby]="p.canConfirm ? null : 'import-confirm-hint'"
            (click)="confirm()"
          >
            {{ 'importExport.confirm' | transloco }}
          </button>
          @if (!p.canConfirm) {
            <p class="utrecht-paragraph ov-muted" id="import-confirm-hint">
              {{
                (p.counts.errors ? 'importExport.cannotConfirm' : 'importExport.nothingToDo')
                  | transloco
              }}
            </p>
          }
        </div>
      </section>
    }
  `,
})
export class ImportPage {
  private readonly api = inject(ImportApi);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject(ElementRef<HTMLElement>);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');

  protected readonly maxMb = Math.round(IMPORT_MAX_BYTES / 1024 / 1024);
  protected readonly file = signal<File | null>(null);
  protected readonly fileName = computed(() => this.file()?.name ?? '');
  protected readonly phase = signal<Phase>('idle');
  protected readonly percent = signal(0);
  protected readonly preview = signal<ImportPreviewDto | null>(null);
  protected readonly result = signal<ImportResultDto | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly stale = signal(false);
  protected readonly busy = computed(() =>
    ['uploading', 'processing', 'confirming'].includes(this.phase()),
  );
  protected readonly lists = computed(() => {
    const p = this.preview();
    if (!p) return [];
    return [
      { key: 'create', items: p.create, total: p.counts.create },
      { key: 'change', items: p.change, total: p.counts.change },
      { key: 'archive', items: p.archive, total: p.counts.archive },
    ] as Array<{ key: string; items: ImportItemDto[]; total: number }>;
  });

  private running: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.running?.unsubscribe());
  }

  protected choose(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.file.set(input.files?.[0] ?? null);
    this.preview.set(null);
    this.result.set(null);
    this.error.set(null);
    this.stale.set(false);
  }

  protected previewFile(): void {
    const file = this.file();
    if (!file) return;
    if (file.size > IMPORT_MAX_BYTES) {
      this.error.set(this.transloco.translate('importExport.tooLarge', { mb: this.maxMb }));
      return;
    }
    this.preview.set(null);
    this.result.set(null);
    this.run(this.api.preview(file), 'uploading', (p) => {
      this.preview.set(p);
      this.phase.set('preview');
      this.focus('#import-preview');
    });
  }

  protected confirm(): void {
    const file = this.file();
    const p = this.preview();
    if (!file || !p) return;
    this.run(this.api.confirm(file, p.previewId), 'confirming', (r) => {
      this.result.set(r);
      this.preview.set(null);
      this.file.set(null);
      const input = this.fileInput()?.nativeElement;
      if (input) input.value = '';
      this.phase.set('done');
      this.focus('#import-result');
    });
  }

  protected errorText(error: ImportErrorDto): string {
    return importErrorText(this.transloco, error);
  }

  protected changeText(change: ImportFieldChangeDto): string {
    const field = this.transloco.translate(`importExport.field.${change.field}`);
    const none = this.transloco.translate('importExport.none');
    return `${field}: ${change.from ?? none} → ${change.to ?? none}`;
  }

  private run<T>(source: Observable<UploadEvent<T>>, phase: Phase, done: (body: T) => void): void {
    this.running?.unsubscribe();
    this.error.set(null);
    this.stale.set(false);
    this.percent.set(0);
    this.phase.set(phase);
    const uploadPhase = phase;
    this.running = source.subscribe({
      next: (event) => {
        if (event.type === 'progress') this.percent.set(event.percent);
        else if (event.type === 'processing') {
          if (uploadPhase === 'uploading') this.phase.set('processing');
        } else done(event.body);
      },
      error: (err: unknown) => {
        const body = apiError(err);
        const key = `importExport.errorCodes.${body.code}`;
        const own = this.transloco.translate(key, { detail: body.message });
        this.error.set(own !== key ? own : translateError(this.transloco, body));
        this.stale.set(body.code === 'IMPORT_PREVIEW_STALE');
        this.phase.set(this.preview() ? 'preview' : 'idle');
        if (body.code === 'IMPORT_PREVIEW_STALE') this.preview.set(null);
      },
    });
  }

  private focus(selector: string): void {
    setTimeout(() =>
      (this.host.nativeElement as HTMLElement).querySelector<HTMLElement>(selector)?.focus(),
    );
  }
}
