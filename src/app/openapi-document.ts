import { openDatabase } from '../platform/database/database.js';
import { loadConfig } from './config.js';
import { buildApp } from './http-app.js';

/** The OpenAPI document as committed in openapi/openapi.json; it needs no data, so an empty PGlite does. */
export async function renderOpenApi(): Promise<string> {
  const database = await openDatabase({});
  const app = await buildApp({
    // No data and no tables: nothing to read changes from.
    config: loadConfig({ PUBLIC_BASE_URL: 'http://localhost:3000', CHANGE_FEED_MS: '0' }),
    database,
    logger: false,
  });
  await app.ready();
  const document = `${JSON.stringify(app.swagger(), null, 2)}\n`;
  await app.close();
  await database.close();
  return document;
}
