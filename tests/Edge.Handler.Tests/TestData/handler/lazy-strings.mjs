// Test helper: loads an unpacked package's tables as the handler does and answers one origin request.
// Usage: node lazy-strings.mjs <package folder>  < { "uri": "...", "country": "US" }
// Writes { decodedAtLoad, decodedAfter, strings, location }: how many of rules.bin's strings were decoded
// after loading and after the request, of how many, and the redirect's location (null for none).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const folder = process.argv[2];
// The package's index.mjs holds every runtime module and exports each under its name.
const { data: dataModule, decide, layout, tables } = await import(pathToFileURL(resolve(folder, 'index.mjs')).href);
const read = (name) => readFileSync(resolve(folder, name));
const data = dataModule.readData(JSON.parse(read('rules.json')), read('rules.bin'));
const compiled = tables.compileTables(data, layout.mapLayouts(read('index.bin')));
const decoded = () => data.strings.decoded.filter((text) => text !== undefined).length;
const decodedAtLoad = decoded();
const { uri, country } = JSON.parse(readFileSync(0, 'utf8'));
const decision = decide.decideRequest(compiled, uri, country, '');
process.stdout.write(JSON.stringify({
  decodedAtLoad,
  decodedAfter: decoded(),
  strings: data.strings.decoded.length,
  location: decision?.kind === 'redirect' ? decision.location : null,
}));
