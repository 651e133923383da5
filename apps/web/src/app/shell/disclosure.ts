import { afterNextRender, ElementRef, inject, Injector, Signal, signal } from '@angular/core';

/** Something that takes the focus: an element, or a component that knows its first field. */
export type Focusable = ElementRef<HTMLElement> | { focus(): void };

function focus(target: Focusable | undefined): void {
  if (!target) return;
  if (target instanceof ElementRef) target.nativeElement.focus();
  else target.focus();
}

/**
 * A form or dialog opened from a button: when it opens, the focus moves into it; when it closes,
 * back to the button that opened it. Both are found through the component's `viewChild`
 * signals, after Angular has rendered the change.
 */
export class Disclosure {
  readonly isOpen = signal(false);

  constructor(
    private readonly injector: Injector,
    private readonly inside: Signal<Focusable | undefined>,
    private readonly opener: Signal<Focusable | undefined>,
  ) {}

  open(): void {
    this.isOpen.set(true);
    afterNextRender(() => focus(this.inside()), { injector: this.injector });
  }

  close(): void {
    this.isOpen.set(false);
    afterNextRender(() => focus(this.opener()), { injector: this.injector });
  }
}

/** A disclosure of this component; call it in a field initializer. */
export function disclosure(
  inside: Signal<Focusable | undefined>,
  opener: Signal<Focusable | undefined>,
): Disclosure {
  return new Disclosure(inject(Injector), inside, opener);
}
