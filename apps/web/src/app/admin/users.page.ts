import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { OrgUnitDto, Role, ROLES, UserDto, UserListQuery } from '@olievlek/shared';
import { debounceTime } from 'rxjs';
import { apiError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { Feedback } from '../shell/feedback';
import { saveState } from '../shell/save-state';
import { Formatter, PluralPipe } from '../core/formatter';
import { AdminApi } from './admin-api.service';

@Component({
  selector: 'ov-users-page',
  imports: [Feedback, PluralPipe, ReactiveFormsModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Utrecht draws row lines on data cells only; the row header (the name) needs one too, and the
  // buttons' padding would push their labels below the other cells' first line. The actions stay
  // on one line: on a narrow screen the table scrolls inside its wrapper rather than stacking them.
  styles: `
    tbody .utrecht-table__header-cell {
      border-block-end: var(--utrecht-table-row-border-block-end-width, 1px) solid
        var(--utrecht-table-row-border-block-end-color, currentColor);
    }
    .ov-users__actions {
      display: flex;
      gap: 0.25rem;
      margin-block: -0.6rem;
    }
    .ov-users__actions .utrecht-button {
      white-space: nowrap;
      padding-inline: 0.25rem;
    }
    .ov-dialog {
      max-inline-size: min(40rem, calc(100vw - 2rem));
      border: 1px solid var(--ov-line);
      border-radius: 0.5rem;
      padding: 1.5rem;
      background: var(--ov-surface);
      color: var(--ov-ink);
    }
    .ov-dialog::backdrop {
      background: rgb(0 0 0 / 0.55);
    }
    .ov-dialog .ov-actions,
    .ov-dialog .utrecht-form-field {
      margin-block-start: 1.25rem;
    }
    .utrecht-form-fieldset {
      margin-block-end: 1rem;
    }
    .ov-users__filters {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
      gap: 0 1rem;
    }
    .ov-users__filters .utrecht-textbox,
    .ov-users__filters .utrecht-select {
      inline-size: 100%;
      max-inline-size: none;
    }
    .ov-users__row-feedback {
      max-inline-size: min(20rem, calc(100vw - 9rem));
    }
    .ov-users__count {
      margin-block: 0 0.5rem;
      min-block-size: 1.5rem;
    }
  `,
  template: `
    <h1 class="utrecht-heading-1">{{ 'users.heading' | transloco }}</h1>
    <p class="utrecht-paragraph ov-lead">{{ 'users.intro' | transloco }}</p>

    @if (!editing()) {
      <ov-feedback [state]="save" at="users" (reload)="reload()" />
      <p class="ov-actions">
        <button
          type="button"
          class="utrecht-button utrecht-button--primary-action"
          (click)="startCreate()"
        >
          {{ 'users.create' | transloco }}
        </button>
      </p>
    } @else {
      <form
        class="ov-card ov-form"
        [formGroup]="form"
        (ngSubmit)="submit()"
        aria-labelledby="user-form-title"
      >
        <h2 class="utrecht-heading-2" id="user-form-title">{{ formTitle() }}</h2>
        <div class="utrecht-form-field" [class.utrecht-form-field--invalid]="fieldError('name')">
          <label class="utrecht-form-label" for="user-name">{{ 'users.name' | transloco }}</label>
          @if (fieldError('name'); as m) {
            <p class="utrecht-form-field-error-message" id="user-name-error">{{ m }}</p>
          }
          <input
            id="user-name"
            class="utrecht-textbox utrecht-textbox--html-input"
            formControlName="name"
            autocomplete="off"
            [attr.aria-describedby]="fieldError('name') ? 'user-name-error' : null"
          />
        </div>
        <div class="utrecht-form-field" [class.utrecht-form-field--invalid]="fieldError('email')">
          <label class="utrecht-form-label" for="user-email">{{ 'users.email' | transloco }}</label>
          @if (fieldError('email'); as m) {
            <p class="utrecht-form-field-error-message" id="user-email-error">{{ m }}</p>
          }
          <input
            id="user-email"
            class="utrecht-textbox utrecht-textbox--html-input"
            type="email"
            formControlName="email"
            autocomplete="off"
            [attr.aria-describedby]="fieldError('email') ? 'user-email-error' : null"
          />
        </div>
        <fieldset
          class="utrecht-form-fieldset"
          [class.utrecht-form-fieldset--invalid]="fieldError('roles')"
        >
          <legend class="utrecht-form-fieldset__legend">{{ 'users.roles' | transloco }}</legend>
          @if (fieldError('roles'); as m) {
            <p class="utrecht-form-field-error-message">{{ m }}</p>
          }
          <div class="ov-checkbox-row">
            @for (role of roles; track role) {
              <div class="utrecht-form-field utrecht-form-field--checkbox">
                <input
                  type="checkbox"
                  class="utrecht-checkbox utrecht-checkbox--html-input"
                  [id]="'role-' + role"
                  [checked]="selectedRoles().includes(role)"
                  (change)="toggleRole(role)"
                />
                <label
                  class="utrecht-form-label utrecht-form-label--checkbox"
                  [for]="'role-' + role"
                  >{{ 'roles.' + role | transloco }}</label
                >
              </div>
            }
          </div>
        </fieldset>
        @if (selectedRoles().includes('team')) {
          <div
            class="utrecht-form-field"
            [class.utrecht-form-field--invalid]="fieldError('teamIds')"
          >
            <label class="utrecht-form-label" for="user-teams">{{
              'users.teams' | transloco
            }}</label>
            @if (fieldError('teamIds'); as m) {
              <p class="utrecht-form-field-error-message" id="user-teams-error">{{ m }}</p>
            }
            <select
              id="user-teams"
              class="utrecht-select utrecht-select--html-select ov-select--multi"
              multiple
              size="6"
              formControlName="teamIds"
              [attr.aria-describedby]="fieldError('teamIds') ? 'user-teams-error' : null"
            >
              @for (team of teams(); track team.id) {
                <option [value]="team.id">{{ team.name }}</option>
              }
            </select>
          </div>
        }
        @if (selectedRoles().includes('director')) {
          <div
            class="utrecht-form-field"
            [class.utrecht-form-field--invalid]="fieldError('scopeOrgUnitId')"
          >
            <label class="utrecht-form-label" for="user-scope">{{
              'users.scope' | transloco
            }}</label>
            @if (fieldError('scopeOrgUnitId'); as m) {
              <p class="utrecht-form-field-error-message" id="user-scope-error">{{ m }}</p>
            }
            <select
              id="user-scope"
              class="utrecht-select utrecht-select--html-select"
              formControlName="scopeOrgUnitId"
              [attr.aria-describedby]="fieldError('scopeOrgUnitId') ? 'user-scope-error' : null"
            >
              <option value="">{{ 'users.chooseScope' | transloco }}</option>
              @for (unit of scopes(); track unit.id) {
                <option [value]="unit.id">
                  {{ unit.name }} ({{ 'kinds.' + unit.kind | transloco }})
                </option>
              }
            </select>
          </div>
        }
        <div
          class="utrecht-form-field"
          [class.utrecht-form-field--invalid]="fieldError('password')"
        >
          <label class="utrecht-form-label" for="user-password">{{
            'users.password' | transloco
          }}</label>
          @if (editing() !== 'new') {
            <p class="utrecht-form-field-description" id="user-password-hint">
              {{ 'users.passwordHint' | transloco }}
            </p>
          }
          @if (fieldError('password'); as m) {
            <p class="utrecht-form-field-error-message" id="user-password-error">{{ m }}</p>
          }
          <input
            id="user-password"
            class="utrecht-textbox utrecht-textbox--html-input"
            type="password"
            formControlName="password"
            autocomplete="new-password"
            [attr.aria-describedby]="
              fieldError('password')
                ? 'user-password-error'
                : editing() !== 'new'
                  ? 'user-password-hint'
                  : null
            "
          />
        </div>
        @if (editing() !== 'new') {
          <div class="utrecht-form-field utrecht-form-field--checkbox">
            <input
              id="user-active"
              type="checkbox"
              class="utrecht-checkbox utrecht-checkbox--html-input"
              formControlName="active"
            />
            <label class="utrecht-form-label utrecht-form-label--checkbox" for="user-active">{{
              'users.isActive' | transloco
            }}</label>
          </div>
        }
        <ov-feedback [state]="save" at="user-form" (reload)="reloadEditing()" />
        <div class="ov-actions">
          <button
            type="submit"
            class="utrecht-button utrecht-button--primary-action"
            [disabled]="save.busy()"
          >
            {{ 'app.save' | transloco }}
          </button>
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            (click)="cancel()"
          >
            {{ 'app.cancel' | transloco }}
          </button>
        </div>
      </form>
    }

    <form
      class="ov-users__filters"
      role="search"
      [attr.aria-label]="'users.filter.label' | transloco"
      [formGroup]="filters"
      (ngSubmit)="loadUsers()"
    >
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="users-q">{{ 'users.filter.q' | transloco }}</label>
        <input
          id="users-q"
          class="utrecht-textbox utrecht-textbox--html-input"
          type="search"
          formControlName="q"
          autocomplete="off"
        />
      </div>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="users-role">{{
          'users.filter.role' | transloco
        }}</label>
        <select
          id="users-role"
          class="utrecht-select utrecht-select--html-select"
          formControlName="role"
        >
          <option value="">{{ 'users.filter.anyRole' | transloco }}</option>
          @for (role of roles; track role) {
            <option [value]="role">{{ 'roles.' + role | transloco }}</option>
          }
        </select>
      </div>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="users-team">{{
          'users.filter.team' | transloco
        }}</label>
        <select
          id="users-team"
          class="utrecht-select utrecht-select--html-select"
          formControlName="teamId"
        >
          <option value="">{{ 'users.filter.anyTeam' | transloco }}</option>
          @for (team of teams(); track team.id) {
            <option [value]="team.id">{{ team.name }}</option>
          }
        </select>
      </div>
    </form>
    <p class="utrecht-paragraph ov-users__count" role="status" aria-live="polite">
      @if (filtered()) {
        {{ 'users.filter.count' | ovPlural: users().length }}
      }
    </p>

    <div
      class="ov-table-wrapper"
      tabindex="0"
      role="region"
      [attr.aria-label]="'users.tableLabel' | transloco"
    >
      <table class="utrecht-table utrecht-table--html-table">
        <caption class="ov-visually-hidden">
          {{
            'users.tableLabel' | transloco
          }}
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">{{ 'users.name' | transloco }}</th>
            <th class="utrecht-table__header-cell" scope="col">{{ 'users.email' | transloco }}</th>
            <th class="utrecht-table__header-cell" scope="col">{{ 'users.roles' | transloco }}</th>
            <th class="utrecht-table__header-cell" scope="col">
              {{ 'users.teams' | transloco }} / {{ 'users.scope' | transloco }}
            </th>
            <th class="utrecht-table__header-cell" scope="col">{{ 'users.status' | transloco }}</th>
            <th class="utrecht-table__header-cell" scope="col">
              <span class="ov-visually-hidden">{{ 'users.actions' | transloco }}</span>
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          @for (user of users(); track user.id) {
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">{{ user.name }}</th>
              <!-- A break opportunity after the @ keeps the table within the page's width. -->
              <td class="utrecht-table__cell">
                @if (user.anonymisedAt) {
                  —
                } @else {
                  {{ emailLocal(user) }}&#64;<wbr />{{ emailDomain(user) }}
                }
                <!-- What came of anonymising this person stands in their row, where focus returns. -->
                <div class="ov-users__row-feedback">
                  <ov-feedback [state]="save" [at]="'user-' + user.id" />
                </div>
              </td>
              <td class="utrecht-table__cell">{{ roleNames(user) }}</td>
              <td class="utrecht-table__cell">{{ placement(user) }}</td>
              <td class="utrecht-table__cell">
                {{
                  (user.anonymisedAt
                    ? 'privacy.status'
                    : user.active
                      ? 'users.active'
                      : 'users.inactive'
                  ) | transloco
                }}
              </td>
              <td class="utrecht-table__cell">
                <div class="ov-users__actions">
                  @if (!user.anonymisedAt) {
                    <button
                      type="button"
                      class="utrecht-button utrecht-button--subtle ov-button--small"
                      [attr.aria-label]="'users.editUser' | transloco: { name: user.name }"
                      (click)="startEdit(user)"
                    >
                      {{ 'users.edit' | transloco }}
                    </button>
                  }
                  <button
                    type="button"
                    class="utrecht-button utrecht-button--subtle ov-button--small"
                    [id]="'export-' + user.id"
                    [attr.aria-label]="'privacy.exportFor' | transloco: { name: user.name }"
                    (click)="openExport(user, $event)"
                  >
                    {{ 'privacy.exportShort' | transloco }}
                  </button>
                  @if (!user.anonymisedAt && user.id !== myId()) {
                    <button
                      type="button"
                      class="utrecht-button utrecht-button--subtle ov-button--small"
                      [attr.aria-label]="'privacy.anonymiseFor' | transloco: { name: user.name }"
                      (click)="openAnonymise(user, $event)"
                    >
                      {{ 'privacy.anonymise' | transloco }}
                    </button>
                  }
                </div>
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>

    <dialog #exportDialog class="ov-dialog" aria-labelledby="export-title" (close)="dialogClosed()">
      @if (exporting(); as target) {
        <h2 class="utrecht-heading-2" id="export-title">
          {{ 'privacy.exportFor' | transloco: { name: target.name } }}
        </h2>
        <p class="utrecht-paragraph">{{ 'privacy.exportIntro' | transloco }}</p>
        <ul class="utrecht-unordered-list">
          <li class="utrecht-unordered-list__item">{{ 'privacy.exportPulse' | transloco }}</li>
          <li class="utrecht-unordered-list__item">{{ 'privacy.exportReview' | transloco }}</li>
          <li class="utrecht-unordered-list__item">{{ 'privacy.exportLogged' | transloco }}</li>
        </ul>
        <ov-feedback [state]="save" at="export" />
        <div class="ov-actions">
          <button
            type="button"
            class="utrecht-button utrecht-button--primary-action"
            [disabled]="save.busy()"
            (click)="downloadExport(target)"
            autofocus
          >
            {{ 'privacy.downloadJson' | transloco }}
          </button>
          <a
            class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            [href]="exportPageUrl(target)"
            target="_blank"
            rel="noopener"
            >{{ 'privacy.openPage' | transloco }}
            <span class="ov-visually-hidden">{{ 'privacy.opensInNewTab' | transloco }}</span></a
          >
          <button
            type="button"
            class="utrecht-button utrecht-button--subtle"
            (click)="closeDialogs()"
          >
            {{ 'app.close' | transloco }}
          </button>
        </div>
      }
    </dialog>

    <dialog
      #anonymiseDialog
      class="ov-dialog"
      aria-labelledby="anonymise-title"
      aria-describedby="anonymise-intro"
      (close)="dialogClosed()"
    >
      @if (anonymising(); as target) {
        <h2 class="utrecht-heading-2" id="anonymise-title">
          {{ 'privacy.anonymiseTitle' | transloco: { name: target.name } }}
        </h2>
        <p class="utrecht-paragraph" id="anonymise-intro">
          {{ 'privacy.anonymiseIntro' | transloco }}
        </p>
        <ul class="utrecht-unordered-list">
          <li class="utrecht-unordered-list__item">{{ 'privacy.consequenceName' | transloco }}</li>
          <li class="utrecht-unordered-list__item">
            {{ 'privacy.consequenceAccess' | transloco }}
          </li>
          <li class="utrecht-unordered-list__item">{{ 'privacy.consequenceNotes' | transloco }}</li>
          <li class="utrecht-unordered-list__item ov-strong">
            {{ 'privacy.consequenceFinal' | transloco }}
          </li>
        </ul>
        <ov-feedback [state]="save" at="anonymise" (reload)="reloadAfterConflict()" />
        <div class="utrecht-form-field utrecht-form-field--checkbox">
          <input
            id="anonymise-confirm"
            type="checkbox"
            class="utrecht-checkbox utrecht-checkbox--html-input"
            [checked]="confirmed()"
            (change)="confirmed.set(!confirmed())"
          />
          <label class="utrecht-form-label utrecht-form-label--checkbox" for="anonymise-confirm">{{
            'privacy.confirmLabel' | transloco
          }}</label>
        </div>
        <div class="ov-actions">
          <button
            type="button"
            class="utrecht-button utrecht-button--primary-action utrecht-button--danger"
            [disabled]="!confirmed() || save.busy()"
            (click)="anonymise(target)"
          >
            {{ 'privacy.confirm' | transloco }}
          </button>
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            (click)="closeDialogs()"
            autofocus
          >
            {{ 'app.cancel' | transloco }}
          </button>
        </div>
      }
    </dialog>
  `,
})
export class UsersPage {
  private readonly api = inject(AdminApi);
  private readonly transloco = inject(TranslocoService);
  private readonly format = inject(Formatter);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly auth = inject(AuthService);
  private readonly injector = inject(Injector);

  protected readonly roles = ROLES;
  protected readonly users = signal<UserDto[]>([]);
  private readonly units = signal<OrgUnitDto[]>([]);
  protected readonly editing = signal<'new' | UserDto | null>(null);
  protected readonly selectedRoles = signal<Role[]>([]);
  /**
   * The answer to each action, beside its control: the form's save in the form ('user-form'),
   * what it saved where the form was ('users'), the dialogs' in the dialog ('export',
   * 'anonymise'), an anonymised person's in their row ('user-<id>').
   */
  protected readonly save = saveState();

  // AVG: export and anonymise, each in a modal dialog that returns focus to its trigger.
  private readonly exportDialog = viewChild.required<ElementRef<HTMLDialogElement>>('exportDialog');
  private readonly anonymiseDialog =
    viewChild.required<ElementRef<HTMLDialogElement>>('anonymiseDialog');
  protected readonly exporting = signal<UserDto | null>(null);
  protected readonly anonymising = signal<UserDto | null>(null);
  protected readonly confirmed = signal(false);
  protected readonly myId = computed(() => this.auth.me()?.id ?? null);
  private returnFocusTo: HTMLElement | null = null;

  protected readonly form = this.fb.group({
    name: ['', Validators.required],
    email: ['', Validators.required],
    password: [''],
    teamIds: [[] as string[]],
    scopeOrgUnitId: [''],
    active: [true],
  });

  protected readonly teams = computed(() =>
    this.units()
      .filter((u) => u.kind === 'team')
      .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
  );
  protected readonly scopes = computed(() => this.units().filter((u) => u.kind !== 'team'));
  private readonly unitName = computed(() => new Map(this.units().map((u) => [u.id, u.name])));

  /** Search and filters, applied on the server as the admin types (a city holds thousands). */
  protected readonly filters = this.fb.group({ q: [''], role: [''], teamId: [''] });
  protected readonly filtered = signal(false);

  constructor() {
    void this.reload();
    this.filters.valueChanges
      .pipe(debounceTime(250), takeUntilDestroyed())
      .subscribe(() => void this.loadUsers());
  }

  private userQuery(): UserListQuery {
    const { q, role, teamId } = this.filters.getRawValue();
    return { q: q.trim(), role: (role || undefined) as Role | undefined, teamId };
  }

  async reload(): Promise<void> {
    try {
      const [users, units] = await Promise.all([
        this.api.users(this.userQuery()),
        this.api.orgUnits(),
      ]);
      this.users.set(users);
      this.units.set(units);
    } catch (e) {
      this.failAt('users', e);
    }
  }

  /** After a conflict in the form: the list and the person as saved now, in the form. */
  protected async reloadEditing(): Promise<void> {
    await this.reload();
    const ed = this.editing();
    const fresh = ed && ed !== 'new' ? this.users().find((u) => u.id === ed.id) : undefined;
    if (fresh) this.startEdit(fresh);
  }

  protected async loadUsers(): Promise<void> {
    const query = this.userQuery();
    try {
      this.users.set(await this.api.users(query));
      this.filtered.set(!!(query.q || query.role || query.teamId));
    } catch (e) {
      this.failAt('users', e);
    }
  }

  protected formTitle(): string {
    const ed = this.editing();
    return ed === 'new' || ed === null
      ? this.transloco.translate('users.newUser')
      : this.transloco.translate('users.editUser', { name: ed.name });
  }
  protected fieldError(name: string): string | null {
    return this.save.fieldError('user-form', name);
  }
  protected emailLocal(user: UserDto): string {
    return user.email.slice(0, user.email.lastIndexOf('@'));
  }
  protected emailDomain(user: UserDto): string {
    return user.email.slice(user.email.lastIndexOf('@') + 1);
  }
  protected roleNames(user: UserDto): string {
    return user.roles.map((r) => this.transloco.translate(`roles.${r}`)).join(', ');
  }
  protected placement(user: UserDto): string {
    const names = user.teamIds.map((id) => this.unitName().get(id) ?? '?');
    if (user.scopeOrgUnitId) names.push(this.unitName().get(user.scopeOrgUnitId) ?? '?');
    return names.join(', ') || '—';
  }
  protected toggleRole(role: Role): void {
    this.selectedRoles.update((roles) =>
      roles.includes(role) ? roles.filter((r) => r !== role) : [...roles, role],
    );
  }

  protected startCreate(): void {
    this.save.clear();
    this.form.reset({
      name: '',
      email: '',
      password: '',
      teamIds: [],
      scopeOrgUnitId: '',
      active: true,
    });
    this.selectedRoles.set([]);
    this.editing.set('new');
    setTimeout(() => document.getElementById('user-name')?.focus());
  }

  protected startEdit(user: UserDto): void {
    this.save.clear();
    this.form.reset({
      name: user.name,
      email: user.email,
      password: '',
      teamIds: user.teamIds,
      scopeOrgUnitId: user.scopeOrgUnitId ?? '',
      active: user.active,
    });
    this.selectedRoles.set([...user.roles]);
    this.editing.set(user);
    setTimeout(() => document.getElementById('user-name')?.focus());
  }

  protected cancel(): void {
    this.editing.set(null);
    this.save.clear();
  }

  protected async submit(): Promise<void> {
    const ed = this.editing();
    if (!ed) return;
    const value = this.form.getRawValue();
    const roles = this.selectedRoles();
    const assignment = {
      teamIds: roles.includes('team') ? value.teamIds : [],
      scopeOrgUnitId: roles.includes('director') ? value.scopeOrgUnitId || null : null,
    };
    this.save.busyAt.set('user-form');
    this.save.clear();
    try {
      const done =
        ed === 'new'
          ? this.transloco.translate('users.created', {
              name: (
                await this.api.createUser({
                  name: value.name,
                  email: value.email,
                  roles,
                  ...(value.password ? { password: value.password } : {}),
                  ...assignment,
                })
              ).name,
            })
          : this.transloco.translate('users.saved', {
              name: (
                await this.api.updateUser(ed.id, {
                  version: ed.version,
                  name: value.name,
                  email: value.email,
                  roles,
                  active: value.active,
                  ...(value.password ? { password: value.password } : {}),
                  ...assignment,
                })
              ).name,
            });
      // The form closes: its answer stands where it was, beside the button that opens it again.
      this.editing.set(null);
      await this.reload();
      this.save.done('users', done);
    } catch (e) {
      this.failAt('user-form', e);
    } finally {
      this.save.busyAt.set(null);
    }
  }

  protected openExport(user: UserDto, event: Event): void {
    this.openDialog(event, () => this.exporting.set(user), this.exportDialog());
  }

  protected openAnonymise(user: UserDto, event: Event): void {
    this.openDialog(
      event,
      () => {
        this.confirmed.set(false);
        this.anonymising.set(user);
      },
      this.anonymiseDialog(),
    );
  }

  protected exportPageUrl(user: UserDto): string {
    return this.api.dataExportPageUrl(user.id);
  }

  protected async downloadExport(user: UserDto): Promise<void> {
    this.save.busyAt.set('export');
    this.save.clear();
    try {
      const data = await this.api.dataExport(user.id);
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `olievlek-gegevens-${user.id}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      this.save.done('export', this.transloco.translate('privacy.downloaded', { name: user.name }));
    } catch (e) {
      this.failAt('export', e);
    } finally {
      this.save.busyAt.set(null);
    }
  }

  protected async anonymise(user: UserDto): Promise<void> {
    this.save.busyAt.set('anonymise');
    this.save.clear();
    try {
      const result = await this.api.anonymiseUser(user);
      const done = this.transloco.translate('privacy.anonymised', { name: user.name });
      const openCases = result.openCasesAsAmbassador
        ? ' ' + this.format.plural('privacy.openCases', result.openCasesAsAmbassador)
        : '';
      // The anonymise button is gone from the row: focus its export button instead.
      this.returnFocusTo = null;
      this.closeDialogs();
      await this.reload();
      this.save.done(`user-${user.id}`, done + openCases);
      // Without scrolling: the answer in the row's first cell is what must be in view.
      afterNextRender(
        () => document.getElementById(`export-${user.id}`)?.focus({ preventScroll: true }),
        {
          injector: this.injector,
        },
      );
    } catch (e) {
      this.failAt('anonymise', e);
    } finally {
      this.save.busyAt.set(null);
    }
  }

  protected async reloadAfterConflict(): Promise<void> {
    this.closeDialogs();
    await this.reload();
  }

  protected closeDialogs(): void {
    for (const dialog of [this.exportDialog(), this.anonymiseDialog()]) {
      if (dialog.nativeElement.open) dialog.nativeElement.close();
    }
  }

  /** Also runs when Escape closes a dialog. */
  protected dialogClosed(): void {
    this.exporting.set(null);
    this.anonymising.set(null);
    // A dialog's own answers go with it; an answer already placed in a row stays.
    for (const at of ['export', 'anonymise']) if (this.save.outcomeAt(at)) this.save.clear();
    this.returnFocusTo?.focus();
    this.returnFocusTo = null;
  }

  private openDialog(event: Event, fill: () => void, dialog: ElementRef<HTMLDialogElement>): void {
    this.returnFocusTo = event.currentTarget as HTMLElement;
    this.save.clear();
    fill();
    // Open once the content is rendered, so showModal() finds the autofocus control.
    afterNextRender(() => dialog.nativeElement.showModal(), { injector: this.injector });
  }

  /** A failure at a place: the privacy texts where they have one, else the shared rule. */
  private failAt(at: string, e: unknown): void {
    const error = apiError(e);
    const key = `privacy.errors.${error.code}`;
    const own = this.transloco.translate(key);
    if (own !== key) this.save.fail(at, own);
    else this.save.failWith(at, e);
  }
}
