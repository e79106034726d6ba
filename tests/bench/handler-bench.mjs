// Handler benchmark: node handler-bench.mjs <unpacked package folder> <events.json> <rules document> [seconds per round]
// Runs the package's handler (indexed lookup) and the naive baseline (same handler code, but every
// pattern a RegExp tested in list order) on the same events in this one process, checks that they
// answer the first thousand events identically, then measures decisions per second on this single thread and the
// module's init time (import of index.mjs: read rules.json, rules.bin and index.bin, map the tables), both in a
// new process (a cold start, against JSON.parse of the rules document in that process) and re-imported in
// this warm one. Prints one JSON line.
//
// Events reach the handler as Lambda delivers them: each one freshly JSON-parsed from its text just
// before the call (batches of 64 are parsed, then handled; only the handling is timed). A second figure
// cycles through 5,000 events built once, as earlier versions of this script did: every event is then
// cold in the CPU caches, which no Lambda invocation sees, so that figure mostly measures memory.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RegExpIndex } from './regexp-index.mjs';

const [directory, eventsFile, documentFile, secondsArgument] = process.argv.slice(2);
const seconds = Number(secondsArgument ?? 1);
const moduleUrl = (name) => pathToFileURL(resolve(directory, name)).href;

const events = JSON.parse(readFileSync(eventsFile, 'utf8'));
const texts = events.map((event) => JSON.stringify(event));
// index.mjs holds every runtime module and exports each under its name.
const { handler, cloudfront, data: dataModule, decide, tables } = await import(moduleUrl('index.mjs'));
const { readData } = dataModule;
const { compileTables } = tables;
const { handleEvent } = cloudfront;
const { decideCacheControl, decideRequest } = decide;
const rules = () => readData(JSON.parse(readFileSync(resolve(directory, 'rules.json'), 'utf8')), readFileSync(resolve(directory, 'rules.bin')));
const naiveTables = compileTables(rules(), null, (patterns, sections, countrySets) => new RegExpIndex(patterns, sections, countrySets));
const naive = async (event) => handleEvent(naiveTables, event);

// The decision function alone (no event parsing, no response shaping, no await), on the same requests,
// with the handler's own index: what the lookup costs without the async Lambda wrapper.
const fastTables = compileTables(rules());
const inputs = events.map((event) => {
  const { config, request, response } = event.Records[0].cf;
  const country = request.headers['cloudfront-viewer-country']?.[0]?.value?.toUpperCase() ?? null;
  const cacheControl = response?.headers?.['cache-control']?.map((entry) => entry.value).join(', ') ?? null;
  return { response: config.eventType === 'origin-response', uri: request.uri, country, querystring: request.querystring ?? '', cacheControl };
});
let sink = 0;
function decisionFunctionPerSecond() {
  let count = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < end) {
    for (let i = 0; i < 64; i++) {
      const input = inputs[count % inputs.length];
      const decision = input.response
        ? decideCacheControl(fastTables, input.uri, input.cacheControl)
        : decideRequest(fastTables, input.uri, input.country, input.querystring);
      if (decision !== null) sink++;
      count++;
    }
    now = process.hrtime.bigint();
  }
  return count / (Number(now - start) / 1e9);
}

// The naive baseline needs up to a tenth of a second per event at 100,000 rules: compare on the first thousand.
let mismatches = 0;
for (const event of events.slice(0, 1000)) {
  const fast = JSON.stringify(await handler(structuredClone(event)));
  const slow = JSON.stringify(await naive(structuredClone(event)));
  if (fast !== slow) mismatches++;
}

// Freshly parsed events: only the handler calls are timed.
const BATCH = 64;
async function decisionsPerSecond(run) {
  const batch = new Array(BATCH);
  const limit = BigInt(Math.round(seconds * 1e9));
  let busy = 0n;
  let count = 0;
  while (busy < limit) {
    for (let i = 0; i < BATCH; i++) batch[i] = JSON.parse(texts[(count + i) % texts.length]);
    const start = process.hrtime.bigint();
    for (let i = 0; i < BATCH; i++) await run(batch[i]);
    busy += process.hrtime.bigint() - start;
    count += BATCH;
  }
  return count / (Number(busy) / 1e9);
}

// Events built once and cycled through. Handlers rewrite events in place; each round works on its own
// copies so every run sees the original request.
async function cycledPerSecond(run) {
  const copies = events.map((event) => structuredClone(event));
  let count = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < end) {
    for (let i = 0; i < 64; i++) {
      await run(copies[count % copies.length]);
      count++;
    }
    now = process.hrtime.bigint();
  }
  return count / (Number(now - start) / 1e9);
}

await decisionsPerSecond(handler);
await decisionsPerSecond(naive);
await cycledPerSecond(handler);
decisionFunctionPerSecond();
const handlerRates = [];
const naiveRates = [];
const cycledRates = [];
const decideRates = [];
for (let round = 0; round < 3; round++) {
  handlerRates.push(await decisionsPerSecond(handler));
  naiveRates.push(await decisionsPerSecond(naive));
  cycledRates.push(await cycledPerSecond(handler));
  decideRates.push(decisionFunctionPerSecond());
}

const initTimes = [];
for (let i = 0; i < 11; i++) {
  const start = process.hrtime.bigint();
  await import(`${moduleUrl('index.mjs')}?init=${i}`);
  initTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
}
initTimes.sort((a, b) => a - b);

// A cold start: the import of index.mjs in a new Node process (cold-start.mjs), then its first request
// (an origin-request, the mix's first), then JSON.parse of the rules document in that same process.
// Median of seven processes, each figure on its own.
const probe = fileURLToPath(new URL('./cold-start.mjs', import.meta.url));
const firstEvent = resolve(directory, 'first-event.bench.json');
writeFileSync(firstEvent, JSON.stringify(events.find((event) => event.Records[0].cf.config.eventType === 'origin-request') ?? events[0]));
const colds = [];
for (let i = 0; i < 7; i++) {
  colds.push(JSON.parse(execFileSync(process.execPath, [probe, moduleUrl('index.mjs'), documentFile, firstEvent], { encoding: 'utf8' })));
}
const median = (field) => colds.map((cold) => cold[field]).sort((a, b) => a - b)[Math.floor(colds.length / 2)];
// The ratio per process, then its median: both sides of it measured in one process.
const ratio = (init, parse) => colds.map((cold) => cold[init] / cold[parse]).sort((a, b) => a - b)[Math.floor(colds.length / 2)];

process.stdout.write(`${JSON.stringify({
  events: events.length,
  mismatches,
  handlerPerSecond: Math.max(...handlerRates),
  naivePerSecond: Math.max(...naiveRates),
  handlerCycledPerSecond: Math.max(...cycledRates),
  decideFunctionPerSecond: Math.max(...decideRates),
  decisionsNotNull: sink,
  initMillisecondsMedian: initTimes[Math.floor(initTimes.length / 2)],
  coldInitMillisecondsMedian: median('initMilliseconds'),
  coldFirstRequestMillisecondsMedian: median('firstRequestMilliseconds'),
  documentParseMillisecondsMedian: median('parseMilliseconds'),
  coldInitToParseRatioMedian: ratio('initMilliseconds', 'parseMilliseconds'),
  coldInitCpuMillisecondsMedian: median('initCpuMilliseconds'),
  documentParseCpuMillisecondsMedian: median('parseCpuMilliseconds'),
  coldInitToParseCpuRatioMedian: ratio('initCpuMilliseconds', 'parseCpuMilliseconds'),
  heapBytesAfterInitMedian: median('heapBytes'),
  rssBytesAfterInitMedian: median('rssBytes'),
  rssBytesAfterFirstRequestMedian: median('rssBytesAfterFirstRequest'),
  node: process.version,
})}\n`);
