import { existsSync, readFileSync } from 'node:fs';
import { handleEvent } from './cloudfront.mjs';
import { readData } from './data.mjs';
import { mapLayouts } from './layout.mjs';
import { compileTables } from './tables.mjs';

// Lambda@Edge has no environment variables: the rules travel beside this file, as data: rules.json (a
// small header), rules.bin (the tables, used where they lie) and, when the builder includes it, index.bin
// (the path indexes ready-made, so a cold start maps them instead of building them). A package whose data
// cannot be read fails here, at init, loudly, rather than letting requests through.
const file = (name) => new URL(name, import.meta.url);
const indexFile = file('./index.bin');
const prebuilt = existsSync(indexFile) ? mapLayouts(readFileSync(indexFile)) : null;
const data = readData(JSON.parse(readFileSync(file('./rules.json'), 'utf8')), readFileSync(file('./rules.bin')));
const tables = compileTables(data, prebuilt);

export const handler = async (event) => handleEvent(tables, event);
