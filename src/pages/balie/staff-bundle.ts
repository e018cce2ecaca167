import { build } from 'esbuild';

/** The staff page's script, the print page's script and their stylesheet (Utrecht CSS inlined), minified. */
export async function bundleStaffAssets(): Promise<{ js: Buffer; printJs: Buffer; css: Buffer }> {
  const client = (file: string) => new URL(`./client/${file}`, import.meta.url).pathname.replace('/dist/src/', '/src/');
  const common = { bundle: true, minify: true, write: false, legalComments: 'none', logLevel: 'silent' } as const;
  const [js, printJs, css] = await Promise.all([
    build({ ...common, entryPoints: [client('balie-staff.ts')], format: 'esm', target: 'es2022' }),
    build({ ...common, entryPoints: [client('print.ts')], format: 'esm', target: 'es2022' }),
    build({ ...common, entryPoints: [client('balie.css')], loader: { '.woff2': 'empty', '.woff': 'empty' } }),
  ]);
  const out = (result: Awaited<ReturnType<typeof build>>) => Buffer.from(result.outputFiles![0]!.contents);
  return { js: out(js), printJs: out(printJs), css: out(css) };
}
