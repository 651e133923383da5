/**
 * The parts of ECharts the olievlek view draws with, and nothing else: echarts/core with four
 * chart types, the components they use, the label layout (overlap hiding) and the SVG renderer
 * (crisp at any zoom, small for the few hundred shapes drawn here). Loaded by a dynamic import from the olievlek route only, so the
 * sign-in page and the rest of the app never download it.
 */
import { BarChart, GraphChart, LineChart, TreemapChart } from 'echarts/charts';
import {
  GridComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { init, use } from 'echarts/core';
// The spread graph's `labelLayout: { hideOverlap }` does nothing without it.
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

use([
  TreemapChart,
  LineChart,
  BarChart,
  GraphChart,
  GridComponent,
  TooltipComponent,
  MarkAreaComponent,
  MarkLineComponent,
  LabelLayout,
  SVGRenderer,
]);

/** Only `init` is exported: a namespace export would keep every helper of echarts/core. */
export { init };
