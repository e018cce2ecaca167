import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import t from 'tap';
import { renderOpenApi } from '../../src/app/openapi-document.js';
import { onEachDatabase } from '../helpers/app.js';

const generated = renderOpenApi();

t.test('Redocly lint with its recommended rules finds no error and no warning in the document', async (t) => {
  const file = join(tmpdir(), `balie-openapi-${process.pid}.json`);
  writeFileSync(file, await generated);
  const cli = new URL('../../node_modules/@redocly/cli/bin/cli.js', import.meta.url).pathname;
  // It exits non-zero on errors; its JSON report says what it found either way.
  const run = await promisify(execFile)(process.execPath, [cli, 'lint', file, '--format=json'], {
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  }).catch((error: { stdout: string }) => error);
  const report = JSON.parse(run.stdout) as {
    totals: { errors: number; warnings: number };
    problems: { ruleId: string; message: string }[];
  };
  t.same(
    report.problems.map((p) => `${p.ruleId}: ${p.message}`),
    [],
  );
  t.same(report.totals, { ...report.totals, errors: 0, warnings: 0 });
});

t.test('the committed openapi/openapi.json is the generated one (run `npm run openapi` when this fails)', async (t) => {
  const committed = readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8');
  t.equal(committed, await generated);
});

t.test('the document is valid OpenAPI 3.1 and every operation has an id, a tag and a summary', async (t) => {
  const document = JSON.parse(await generated);
  t.equal(document.openapi, '3.1.0');
  await SwaggerParser.validate(structuredClone(document));
  for (const [path, item] of Object.entries<
    Record<string, { operationId?: string; tags?: string[]; summary?: string }>
  >(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      t.ok(
        operation.operationId && operation.tags?.length && operation.summary,
        `${method.toUpperCase()} ${path} is described`,
      );
    }
  }
  t.ok(document.components.schemas.Problem, 'Problem is a shared component');
});

onEachDatabase(
  t,
  async (t, { app }) => {
    t.test('the running service serves its document at /openapi.json and a viewer at /docs', async (t) => {
      const document = await app.inject({ url: '/openapi.json' });
      t.equal(document.statusCode, 200);
      t.equal(document.json().openapi, '3.1.0');
      t.ok(document.json().paths['/api/v1/appointments'], 'booking routes are in it');
      const docs = await app.inject({ url: '/docs/' });
      t.equal(docs.statusCode, 200);
      t.match(docs.headers['content-type'], /text\/html/);
    });
  },
  { seed: false },
);
