import { readFile } from 'node:fs/promises';

export type StaffAssets = { js: Buffer; printJs: Buffer; css: Buffer };

/** Where `npm run build` puts the bundled staff page (beside this module once compiled). */
export const STAFF_ASSET_FILES = {
  js: new URL('./balie.js', import.meta.url),
  printJs: new URL('./print.js', import.meta.url),
  css: new URL('./balie.css', import.meta.url),
};

let loaded: Promise<StaffAssets> | undefined;

/** The bundle of the build; from the sources (tests, development) it is made here once, with esbuild. */
export function staffAssets(): Promise<StaffAssets> {
  loaded ??= Promise.all([
    readFile(STAFF_ASSET_FILES.js),
    readFile(STAFF_ASSET_FILES.printJs),
    readFile(STAFF_ASSET_FILES.css),
  ])
    .then(([js, printJs, css]) => ({ js, printJs, css }))
    .catch(async () => (await import('./staff-bundle.js')).bundleStaffAssets())
    .catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
  return loaded;
}
