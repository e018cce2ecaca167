import { build } from 'esbuild';

/** Bundles `src/widget` with lit and the widget's words into a single minified module (esbuild, no eval). */
export async function bundleWidgetCode(
  entry = new URL('./balie-afspraak.ts', import.meta.url).pathname,
): Promise<Buffer> {
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
  return Buffer.from(result.outputFiles[0]!.contents);
}
