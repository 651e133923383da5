import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  ALERT_COLOUR,
  NEUTRAL_LINE,
  REACH_COLOURS,
  STAGE_COLOURS,
  STAGES,
} from './olievlek-format';

/** The key to a chart's colours, as text: colour is never the only thing that tells stages apart. */
@Component({
  selector: 'ov-stage-legend',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ov-legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      list-style: none;
      margin: 0 0 0.75rem;
      padding: 0;
      font-size: 0.9375rem;
    }
    .ov-legend__item {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
    }
    .ov-legend__swatch {
      inline-size: 1rem;
      block-size: 1rem;
      border: 1px solid #6b6b6b;
      border-radius: 0.125rem;
      flex: none;
    }
    .ov-legend__swatch--stalled {
      background: #ffffff;
      border: 3px solid;
    }
    .ov-legend__line {
      inline-size: 1.75rem;
      block-size: 0;
      border-block-start: 2px solid;
      flex: none;
    }
    .ov-legend__title {
      font-size: 0.9375rem;
      font-weight: 600;
      margin: 0 0 0.25rem;
    }
    .ov-legend__line--dashed {
      border-block-start: 3px dashed;
    }
  `,
  template: `
    @if (reach()) {
      <p class="ov-legend__title" id="ov-legend-reach">
        {{ 'olievlek.mapCoarse.legend' | transloco }}
      </p>
      <ul class="ov-legend" aria-labelledby="ov-legend-reach">
        @for (step of steps; track step.from) {
          <li class="ov-legend__item">
            <span
              class="ov-legend__swatch"
              aria-hidden="true"
              [style.background]="step.fill"
            ></span>
            {{ 'olievlek.mapCoarse.step' | transloco: { from: step.from, to: step.to } }}
          </li>
        }
      </ul>
    } @else {
      <ul class="ov-legend" [attr.aria-label]="'olievlek.legend.label' | transloco">
        @for (stage of stages; track stage) {
          <li class="ov-legend__item">
            <span
              class="ov-legend__swatch"
              aria-hidden="true"
              [style.background]="colours[stage].fill"
            ></span>
            {{ 'stages.' + stage | transloco }}
          </li>
        }
        @if (stalled()) {
          <li class="ov-legend__item">
            <span
              class="ov-legend__swatch ov-legend__swatch--stalled"
              aria-hidden="true"
              [style.border-color]="alert"
            ></span>
            {{ 'olievlek.legend.stalled' | transloco }}
          </li>
        }
        @if (links()) {
          <li class="ov-legend__item">
            <span class="ov-legend__line" aria-hidden="true" [style.border-color]="neutral"></span>
            {{ 'olievlek.legend.linkWithin' | transloco }}
          </li>
          <li class="ov-legend__item">
            <span
              class="ov-legend__line ov-legend__line--dashed"
              aria-hidden="true"
              [style.border-color]="alert"
            ></span>
            {{ 'olievlek.legend.linkAcross' | transloco }}
          </li>
        }
      </ul>
    }
  `,
})
export class StageLegend {
  readonly stalled = input(false);
  readonly links = input(false);
  /** Instead of the stages: the steps of the share of reached teams (the map above its limit). */
  readonly reach = input(false);
  protected readonly steps = REACH_COLOURS;
  protected readonly stages = STAGES;
  protected readonly colours = STAGE_COLOURS;
  protected readonly alert = ALERT_COLOUR;
  protected readonly neutral = NEUTRAL_LINE;
}
