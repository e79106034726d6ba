// Test helper: runs the handler's PatternIndex from an unpacked package on cases read from stdin.
// Usage: node index-first.mjs <package folder>  < [{ patterns: [...], uris: [...] }, ...]
// Writes, per case and URI, [first(uri) with no condition, first(uri) accepting only indexes not divisible by 3].
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const directory = process.argv[2];
const { PatternIndex } = await import(pathToFileURL(resolve(directory, 'lookup.mjs')).href);
const cases = JSON.parse(readFileSync(0, 'utf8'));
const notDivisible = (index, divisor) => index % divisor !== 0;
const answers = cases.map(({ patterns, uris }) => {
  const index = new PatternIndex(patterns);
  return uris.map((uri) => [index.first(uri, null, null), index.first(uri, notDivisible, 3)]);
});
process.stdout.write(JSON.stringify(answers));
