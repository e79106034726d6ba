// Test helper: runs the handler's path matcher from an unpacked package on pairs read from stdin.
// Usage: node match.mjs <package folder>  < [[pattern, uri], ...]
// Writes [[matches(pattern, uri), PatternIndex([pattern]).first(uri) === 0], ...]: both ways the handler matches.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const directory = process.argv[2];
const { matches } = await import(pathToFileURL(resolve(directory, 'pattern.mjs')).href);
const { PatternIndex } = await import(pathToFileURL(resolve(directory, 'lookup.mjs')).href);
const pairs = JSON.parse(readFileSync(0, 'utf8'));
const answers = pairs.map(([pattern, uri]) => [matches(pattern, uri), new PatternIndex([pattern]).first(uri, () => true) === 0]);
process.stdout.write(JSON.stringify(answers));
