import { build } from 'esbuild';
import { bundleOf, type WidgetBundle } from './bundle.js';

/** Bundles `src/widget` with lit and the widget's words into a single minified module (esbuild, no eval). */
export async function buildWidget(
  entry = new URL('./balie-afspraak.ts', import.meta.url).pathname,
): Promise<WidgetBundle> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  });
  return bundleOf(Buffer.from(result.outputFiles[0]!.contents));
}
