import { readFileSync } from 'node:fs';
import { handleEvent } from './cloudfront.mjs';
import { compileTables } from './tables.mjs';

// Lambda@Edge has no environment variables: the rules travel in rules.json beside this file, as data.
// A package whose data cannot be read fails here, at init, loudly, rather than letting requests through.
const tables = compileTables(JSON.parse(readFileSync(new URL('./rules.json', import.meta.url), 'utf8')));

export const handler = async (event) => handleEvent(tables, event);
