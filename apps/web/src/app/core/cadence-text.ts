import type { TranslocoService } from '@jsverse/transloco';
import type { CadenceDto } from '@olievlek/shared';

/** "Elke week", "Elke 6 weken", "Elke maand", "Eenmalig" — in the current language. */
export function cadenceText(transloco: TranslocoService, cadence: CadenceDto): string {
  if (cadence.kind === 'once') return transloco.translate('cadence.once');
  if (cadence.kind === 'monthly') return transloco.translate('cadence.monthly');
  return cadence.every === 1
    ? transloco.translate('cadence.weekly')
    : transloco.translate('cadence.everyNWeeks', { n: cadence.every });
}
