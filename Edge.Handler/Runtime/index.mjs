import { existsSync, readFileSync } from 'node:fs';
import { handleEvent } from './cloudfront.mjs';
import { mapLayouts } from './layout.mjs';
import { compileTables } from './tables.mjs';

// Lambda@Edge has no environment variables: the rules travel in rules.json beside this file, as data.
// index.bin, when the builder includes it, holds the path indexes ready-made so a cold start maps them
// instead of building them. A package whose data cannot be read fails here, at init, loudly, rather than
// letting requests through.
const indexFile = new URL('./index.bin', import.meta.url);
const prebuilt = existsSync(indexFile) ? mapLayouts(readFileSync(indexFile)) : null;
const tables = compileTables(JSON.parse(readFileSync(new URL('./rules.json', import.meta.url), 'utf8')), prebuilt);

export const handler = async (event) => handleEvent(tables, event);
