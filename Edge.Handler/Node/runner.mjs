// Runs an unpacked handler package for tests and `handler invoke`: imports <dir>/index.mjs once, then
// reads one JSON event per line on stdin and writes one JSON line per event on stdout:
// { "result": <what the handler returned>, "error": null | "message", "logs": ["console output", ...] }.
// Console output of the handler is captured per event, so stdout carries only the protocol.
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';

const directory = process.argv[process.argv.length - 1];
const write = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

let logs = [];
for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
  console[level] = (...args) => logs.push(format(...args));
}

let handler;
try {
  ({ handler } = await import(pathToFileURL(resolve(directory, 'index.mjs')).href));
  if (typeof handler !== 'function') throw new Error('index.mjs does not export a function named handler');
} catch (error) {
  write({ result: null, error: `the handler could not be loaded: ${error?.stack ?? error}`, logs, loadFailed: true });
  process.exit(1);
}
write({ ready: true, logs });

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim() === '') continue;
  logs = [];
  try {
    const result = await handler(JSON.parse(line), {});
    write({ result: result ?? null, error: null, logs });
  } catch (error) {
    write({ result: null, error: `${error?.stack ?? error}`, logs });
  }
}
