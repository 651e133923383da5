/**
 * The olievlek view's code: its route, the page and the chart library (echarts-core.ts, the
 * largest chunk).
 * Asked for at once when the route starts (and when the pointer or focus reaches the menu item),
 * so the charts download in parallel with the page's data instead of after it (issue 19: on a
 * throttled phone the map was drawn after 5.1 s because ECharts was only requested once the data
 * had arrived). The browser keeps each module once: later imports of the same chunk reuse it.
 */
let loading: Promise<unknown> | undefined;

export function preloadOlievlek(): Promise<unknown> {
  loading ??= Promise.all([
    import('./olievlek.routes'),
    import('./echarts-core'),
    import('./olievlek.page'),
  ]).catch((error: unknown) => {
    loading = undefined; // a failed download (offline) is tried again next time
    throw error;
  });
  return loading;
}
