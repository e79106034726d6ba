// Test helper: runs the handler's path matcher from an unpacked package on pairs read from stdin.
// Usage: node match.mjs <package folder>  < [[pattern, uri], ...]
// Writes [[matches(pattern, uri), PathIndex over [pattern] finds it], ...]: both ways the handler matches.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const directory = process.argv[2];
// The package's index.mjs holds every runtime module and exports each under its name.
const { data, lookup, pattern } = await import(pathToFileURL(resolve(directory, 'index.mjs')).href);
const { matches } = pattern;
const { NO_COUNTRY, PathIndex } = lookup;
const { Patterns } = data;
const pairs = JSON.parse(readFileSync(0, 'utf8'));
const best = new Int32Array(1);
const answers = pairs.map(([pattern, uri]) => {
  new PathIndex(Patterns.of([[pattern]]), [{ count: 1, sets: null }]).find(uri, NO_COUNTRY, best);
  return [matches(pattern, uri), best[0] === 0];
});
process.stdout.write(JSON.stringify(answers));
