import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ECharts } from 'echarts/core';

/** Twice the size on screen: sharp on a projector and in a slide deck. */
const SCALE = 2;

/** The chart's SVG (the charts draw in SVG) painted on a white canvas and read back as PNG. */
export async function chartPng(chart: ECharts): Promise<string> {
  const svg = chart.renderToSVGString();
  const width = chart.getWidth();
  const height = chart.getHeight();
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * SCALE;
  canvas.height = height * SCALE;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}

/** A button that saves one chart as a PNG image, for a slide. */
@Component({
  selector: 'ov-chart-png',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="ov-actions">
      <button
        type="button"
        class="utrecht-button utrecht-button--secondary-action ov-button--small"
        [disabled]="!chart() || busy()"
        [attr.aria-label]="('olievlek.png.button' | transloco) + ': ' + label()"
        (click)="save()"
      >
        {{ 'olievlek.png.button' | transloco }}
      </button>
    </p>
  `,
})
export class ChartPng {
  readonly chart = input<ECharts | null>(null);
  /** Names the chart for screen readers ("Save as image: S-curve"). */
  readonly label = input.required<string>();
  readonly filename = input.required<string>();
  protected readonly busy = signal(false);

  protected async save(): Promise<void> {
    const chart = this.chart();
    if (!chart) return;
    this.busy.set(true);
    try {
      const link = document.createElement('a');
      link.href = await chartPng(chart);
      link.download = `${this.filename()}.png`;
      link.click();
    } finally {
      this.busy.set(false);
    }
  }
}
