import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The widget as served: one ES module, JS and CSS together, its gzipped form and its ETag. */
export type WidgetBundle = { code: Buffer; gzip: Buffer; etag: string };

/** What the widget may weigh, gzipped (issue #6): residents on a phone pay for every byte. */
export const WIDGET_BUDGET_BYTES = 30 * 1024;

/** Bundles `src/widget` with lit and the widget's words into a single minified module (esbuild, no eval). */
export async function buildWidget(): Promise<WidgetBundle> {
  const result = await build({
    entryPoints: [new URL('./balie-afspraak.ts', import.meta.url).pathname],
    bundle: true, format: 'esm', target: 'es2022', minify: true, write: false, legalComments: 'none', charset: 'utf8',
    logLevel: 'silent',
  });
  const code = Buffer.from(result.outputFiles[0]!.contents);
  return { code, gzip: gzipSync(code, { level: 9 }), etag: `"${createHash('sha1').update(code).digest('base64url')}"` };
}

let built: Promise<WidgetBundle> | undefined;

/** Built once per process, on first use. */
export function widgetBundle(): Promise<WidgetBundle> {
  built ??= buildWidget().catch((error) => {
    built = undefined;
    throw error;
  });
  return built;
}
