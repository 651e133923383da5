import { FormControl, FormGroup, Validators } from '@angular/forms';
import { DEFAULT_FORUM_CADENCE } from '@olievlek/domain';
import type { CadenceDto, ForumKindDto } from '@olievlek/shared';

export type CadenceKind = CadenceDto['kind'];

/** The typed form of a new forum; its cadence follows the kind until the person changes it. */
export function newForumForm(today: string) {
  return new FormGroup({
    kind: new FormControl<ForumKindDto>('key-user-meeting', { nonNullable: true }),
    name: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    purpose: new FormControl('', { nonNullable: true }),
    cadenceKind: new FormControl<CadenceKind>('weeks', { nonNullable: true }),
    every: new FormControl(6, {
      nonNullable: true,
      validators: [Validators.min(1), Validators.max(52)],
    }),
    startDate: new FormControl(today, { nonNullable: true, validators: [Validators.required] }),
  });
}
export type NewForumForm = ReturnType<typeof newForumForm>;

export function applyDefaultCadence(form: NewForumForm, kind: ForumKindDto): void {
  const cadence = DEFAULT_FORUM_CADENCE[kind];
  form.patchValue({
    cadenceKind: cadence.kind,
    every: cadence.kind === 'weeks' ? cadence.every : form.controls.every.value,
  });
}

export function cadenceOf(form: NewForumForm): CadenceDto {
  const { cadenceKind, every } = form.getRawValue();
  return cadenceKind === 'weeks' ? { kind: 'weeks', every } : { kind: cadenceKind };
}
