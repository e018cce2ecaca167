import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

/** The widget as served: one ES module, JS and CSS together, its gzipped form and its ETag. */
export type WidgetBundle = { code: Buffer; gzip: Buffer; etag: string };

/** What the widget may weigh, gzipped (issue #6): residents on a phone pay for every byte. */
export const WIDGET_BUDGET_BYTES = 30 * 1024;

/** Where the build puts the bundle (dist/src/widget/balie.js, beside this module once compiled). */
export const BUNDLE_FILE = new URL('./balie.js', import.meta.url);

export function bundleOf(code: Buffer): WidgetBundle {
  return { code, gzip: gzipSync(code, { level: 9 }), etag: `"${createHash('sha1').update(code).digest('base64url')}"` };
}

let loaded: Promise<WidgetBundle> | undefined;

/**
 * The bundle made by `npm run build`; when running from the sources (tests, development) there is none, and it is
 * bundled here once per process with esbuild, a development dependency.
 */
export function widgetBundle(): Promise<WidgetBundle> {
  loaded ??= readFile(BUNDLE_FILE)
    .then(bundleOf, async () => bundleOf(await (await import('./build.js')).bundleWidgetCode()))
    .catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
  return loaded;
}
