import { Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';
import { preloadOlievlek } from './preload';

/**
 * The olievlek view and its chart library. ECharts is provided here, on the lazy route, and
 * loaded by a dynamic import of the trimmed build in echarts-core.ts: no other page pays for it,
 * and the olievlek page gets it in parallel with its data (preload.ts).
 */
export const olievlekRoutes: Routes = [
  {
    path: '',
    providers: [provideEchartsCore({ echarts: () => import('./echarts-core') })],
    // The chart code starts downloading with the page, before the page asks for its data.
    loadComponent: () => {
      preloadOlievlek().catch(() => undefined); // the route's own import reports a failure
      return import('./olievlek.page').then((m) => m.OlievlekPage);
    },
  },
];
