// npm run widget:size — builds the widget as the service serves it and reports its size against the budget.
import { buildWidget, WIDGET_BUDGET_BYTES } from '../../widget/build.js';

const { code, gzip } = await buildWidget();
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`widget/balie.js: ${kb(code.length)} minified, ${kb(gzip.length)} gzipped (budget ${kb(WIDGET_BUDGET_BYTES)} gzipped)`);
if (gzip.length > WIDGET_BUDGET_BYTES) process.exitCode = 1;
