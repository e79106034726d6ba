// Runs unpacked handler packages for tests and `handler invoke`. Started with the folder of a package,
// it imports <folder>/index.mjs (reporting a failure at once), then reads one JSON line per event on
// stdin, { "event": {...}, "directory": optional other package folder }, and writes one JSON line per
// event on stdout: { "result": <what the handler returned>, "error": null | "message", "logs": [...] }.
// Console output is captured per event, so stdout carries only the protocol.
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';

const initialDirectory = process.argv[process.argv.length - 1];
const handlers = new Map();
const write = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

let logs = [];
for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
  console[level] = (...args) => logs.push(format(...args));
}

async function handlerFor(directory) {
  let handler = handlers.get(directory);
  if (handler === undefined) {
    ({ handler } = await import(pathToFileURL(resolve(directory, 'index.mjs')).href));
    if (typeof handler !== 'function') throw new Error(`${directory}/index.mjs does not export a function named handler`);
    handlers.set(directory, handler);
  }
  return handler;
}

try {
  await handlerFor(initialDirectory);
} catch (error) {
  write({ result: null, error: `the handler could not be loaded: ${error?.stack ?? error}`, logs });
  process.exit(1);
}
write({ ready: true, logs });

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim() === '') continue;
  logs = [];
  try {
    const { event, directory } = JSON.parse(line);
    const handler = await handlerFor(directory ?? initialDirectory);
    const result = await handler(event, {});
    write({ result: result ?? null, error: null, logs });
  } catch (error) {
    write({ result: null, error: `${error?.stack ?? error}`, logs });
  }
}
