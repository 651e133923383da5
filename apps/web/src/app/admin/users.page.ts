import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { OrgUnitDto, Role, ROLES, UserDto } from '@olievlek/shared';
import { apiError } from '../core/api-error';
import { Feedback } from '../shell/feedback';
import { translateError } from '../core/error-text';
import { AdminApi } from './admin-api.service';

@Component({
  selector: 'ov-users-page',
  imports: [Feedback, ReactiveFormsModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Utrecht draws row lines on data cells only; the row header (the name) needs one too, and the
  // edit button's padding would push its label below the other cells' first line.
  styles: `
    tbody .utrecht-table__header-cell {
      border-block-end: var(--utrecht-table-row-border-block-end-width, 1px) solid
        var(--utrecht-table-row-border-block-end-color, currentColor);
    }
    .ov-users__edit {
      margin-block: -0.6rem;
    }
    .utrecht-form-fieldset {
      margin-block-end: 1rem;
    }
  `,
  template: `
    <h1 class="utrecht-heading-1">{{ 'users.heading' | transloco }}</h1>
    <p class="utrecht-paragraph ov-lead">{{ 'users.intro' | transloco }}</p>

    <ov-feedback
      [notice]="notice()"
      [error]="error()"
      [conflict]="conflict()"
      (reload)="reload()"
    />

    @if (!editing()) {
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
        (ngSubmit)="save()"
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
        <div class="ov-actions">
          <button
            type="submit"
            class="utrecht-button utrecht-button--primary-action"
            [disabled]="busy()"
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
              <td class="utrecht-table__cell">{{ user.email }}</td>
              <td class="utrecht-table__cell">{{ roleNames(user) }}</td>
              <td class="utrecht-table__cell">{{ placement(user) }}</td>
              <td class="utrecht-table__cell">
                {{ (user.active ? 'users.active' : 'users.inactive') | transloco }}
              </td>
              <td class="utrecht-table__cell">
                <button
                  type="button"
                  class="utrecht-button utrecht-button--subtle ov-button--small ov-users__edit"
                  [attr.aria-label]="'users.editUser' | transloco: { name: user.name }"
                  (click)="startEdit(user)"
                >
                  {{ 'users.edit' | transloco }}
                </button>
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class UsersPage {
  private readonly api = inject(AdminApi);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly roles = ROLES;
  protected readonly users = signal<UserDto[]>([]);
  private readonly units = signal<OrgUnitDto[]>([]);
  protected readonly editing = signal<'new' | UserDto | null>(null);
  protected readonly selectedRoles = signal<Role[]>([]);
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly conflict = signal(false);
  private readonly fields = signal<Record<string, string>>({});

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

  constructor() {
    void this.reload();
  }

  async reload(): Promise<void> {
    this.error.set(null);
    this.conflict.set(false);
    try {
      const [users, units] = await Promise.all([this.api.users(), this.api.orgUnits()]);
      this.users.set(users);
      this.units.set(units);
    } catch (e) {
      this.fail(e);
    }
  }

  protected formTitle(): string {
    const ed = this.editing();
    return ed === 'new' || ed === null
      ? this.transloco.translate('users.newUser')
      : this.transloco.translate('users.editUser', { name: ed.name });
  }
  protected fieldError(name: string): string | null {
    return this.fields()[name] ?? null;
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
    this.reset();
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
    this.reset();
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
    this.fields.set({});
  }

  protected async save(): Promise<void> {
    const ed = this.editing();
    if (!ed) return;
    const value = this.form.getRawValue();
    const roles = this.selectedRoles();
    const assignment = {
      teamIds: roles.includes('team') ? value.teamIds : [],
      scopeOrgUnitId: roles.includes('director') ? value.scopeOrgUnitId || null : null,
    };
    this.busy.set(true);
    this.reset();
    try {
      if (ed === 'new') {
        const created = await this.api.createUser({
          name: value.name,
          email: value.email,
          roles,
          ...(value.password ? { password: value.password } : {}),
          ...assignment,
        });
        this.notice.set(this.transloco.translate('users.created', { name: created.name }));
      } else {
        const saved = await this.api.updateUser(ed.id, {
          version: ed.version,
          name: value.name,
          email: value.email,
          roles,
          active: value.active,
          ...(value.password ? { password: value.password } : {}),
          ...assignment,
        });
        this.notice.set(this.transloco.translate('users.saved', { name: saved.name }));
      }
      this.editing.set(null);
      await this.reload();
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy.set(false);
    }
  }

  private reset(): void {
    this.notice.set(null);
    this.error.set(null);
    this.conflict.set(false);
    this.fields.set({});
  }

  private fail(e: unknown): void {
    const error = apiError(e);
    if (error.code.endsWith('VERSION_CONFLICT')) {
      this.conflict.set(true);
      this.error.set(this.transloco.translate('users.conflict'));
      return;
    }
    if (error.fields) this.fields.set(error.fields);
    this.error.set(translateError(this.transloco, error));
  }
}
