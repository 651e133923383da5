import { Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';

/**
 * The olievlek view and its chart library. ECharts is provided here, on the lazy route, and
 * loaded by a dynamic import of the trimmed build in echarts-core.ts: no other page pays for it.
 */
export const olievlekRoutes: Routes = [
  {
    path: '',
    providers: [provideEchartsCore({ echarts: () => import('./echarts-core') })],
    loadComponent: () => import('./olievlek.page').then((m) => m.OlievlekPage),
  },
];
