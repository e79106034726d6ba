// Test helper: runs the handler's PathIndex from an unpacked package on cases read from stdin.
// Usage: node index-first.mjs <package folder>  < [{ patterns: [...], uris: [...] }, ...]
// Writes, per case and URI, [first match with no condition, first match among rules whose index is not
// divisible by 3]: one index of two sections (the same patterns twice; in the second, every third rule
// is limited to a country the request does not have), asked once per URI.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const directory = process.argv[2];
// The package's index.mjs holds every runtime module and exports each under its name.
const { countries, data, lookup } = await import(pathToFileURL(resolve(directory, 'index.mjs')).href);
const { NONE, PathIndex } = lookup;
const { CountrySets, countryNumber } = countries;
const { Patterns } = data;
const sets = CountrySets.of([['AA']]);
const country = countryNumber('US');
const cases = JSON.parse(readFileSync(0, 'utf8'));
const best = new Int32Array(2);
const answers = cases.map(({ patterns, uris }) => {
  const index = new PathIndex(Patterns.of([patterns, patterns]), [
    { count: patterns.length, sets: null },
    { count: patterns.length, sets: patterns.map((_, i) => (i % 3 === 0 ? 0 : -1)) },
  ], sets);
  return uris.map((uri) => {
    index.find(uri, country, best);
    return [best[0] === NONE ? -1 : best[0], best[1] === NONE ? -1 : best[1]];
  });
});
process.stdout.write(JSON.stringify(answers));
