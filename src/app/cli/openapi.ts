import { writeFileSync } from 'node:fs';
import { renderOpenApi } from '../openapi-document.js';

const target = new URL('../../../openapi/openapi.json', import.meta.url);
writeFileSync(target, await renderOpenApi());
console.log(`Wrote ${target.pathname}`);
