import { computed, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { apiError } from '../core/api-error';
import { translateError, translateFields } from '../core/error-text';

/** What came of the last action on a page, and where on the page it happened. */
export type SaveOutcome =
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string }
  /** Someone else saved first (409): `current` is what is saved now, when the API sent it. */
  | { kind: 'conflict'; text: string; current: unknown };

/**
 * The one save-state of a page: busy, done, error, conflict and field errors. Each action names
 * its place (`'intake'`, `'step-<id>'`), and the `ov-feedback` of that place shows the outcome
 * beside the control that caused it — one message at a time, never in a banner out of sight.
 */
export class SaveState {
  private readonly state = signal<{ at: string; outcome: SaveOutcome } | null>(null);
  private readonly fieldErrors = signal<{ at: string; fields: Record<string, string> } | null>(
    null,
  );

  /** The place of the action under way, if any. */
  readonly busyAt = signal<string | null>(null);
  readonly busy = computed(() => this.busyAt() !== null);

  constructor(private readonly transloco: TranslocoService) {}

  outcomeAt(at: string): SaveOutcome | null {
    const s = this.state();
    return s && s.at === at ? s.outcome : null;
  }

  conflictAt(at: string): (SaveOutcome & { kind: 'conflict' }) | null {
    const outcome = this.outcomeAt(at);
    return outcome?.kind === 'conflict' ? outcome : null;
  }

  /** The message for one field of the form at `at`, from the client's check or the server. */
  fieldError(at: string, field: string): string | null {
    const f = this.fieldErrors();
    return f && f.at === at ? (f.fields[field] ?? null) : null;
  }

  fieldErrorsAt(at: string): Record<string, string> {
    const f = this.fieldErrors();
    return f && f.at === at ? f.fields : {};
  }

  clear(): void {
    this.state.set(null);
    this.fieldErrors.set(null);
  }

  done(at: string, text: string): void {
    this.fieldErrors.set(null);
    this.state.set({ at, outcome: { kind: 'done', text } });
  }

  fail(at: string, text: string): void {
    this.state.set({ at, outcome: { kind: 'error', text } });
  }

  /** An empty or wrong field, found before anything was sent: the message sits at the field. */
  invalid(at: string, fields: Record<string, string>): void {
    this.state.set(null);
    this.fieldErrors.set({ at, fields });
  }

  /** A failure from the API, in the person's language; 409 on a version becomes a conflict. */
  failWith(at: string, error: unknown): void {
    const body = apiError(error);
    if (body.statusCode === 409 && body.code.endsWith('VERSION_CONFLICT')) {
      this.state.set({
        at,
        outcome: {
          kind: 'conflict',
          text: this.transloco.translate('trust.conflict'),
          current: body.current ?? null,
        },
      });
      return;
    }
    if (body.fields) this.fieldErrors.set({ at, fields: translateFields(this.transloco, body) });
    this.fail(at, translateError(this.transloco, body));
  }

  /**
   * Runs one save at a place: busy while it runs, `done(result)` as its message on success, the
   * server's reason (or the conflict) otherwise. Returns the result, or undefined when it failed.
   */
  async run<T>(
    at: string,
    action: () => Promise<T>,
    done: (result: T) => string,
  ): Promise<T | undefined> {
    this.busyAt.set(at);
    this.clear();
    try {
      const result = await action();
      this.done(at, done(result));
      return result;
    } catch (error) {
      this.failWith(at, error);
      return undefined;
    } finally {
      this.busyAt.set(null);
    }
  }
}

/** A page's save-state; call it in a field initializer (it injects the translations). */
export function saveState(): SaveState {
  return new SaveState(inject(TranslocoService));
}
