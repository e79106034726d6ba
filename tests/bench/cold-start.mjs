// Cold-start probe: node cold-start.mjs <file URL of a package's index.mjs> <rules document> <one event>
// Times, in this new process (whose engine has compiled and optimised nothing of the handler yet): the
// import of index.mjs, the heap and the resident memory the process holds after it, the first request
// (and the memory after it), and last JSON.parse of the rules document (read beforehand, only the parse is timed), the
// cost the handler's package is measured against. The loader itself is started first with an empty
// module, as Lambda's runtime has done before it imports the handler. Prints one JSON line.
import { readFileSync } from 'node:fs';

const [moduleUrl, documentFile, eventFile] = process.argv.slice(2);
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
await import('data:text/javascript,export default 0');
// CPU time as well as wall time: on a shared, loaded machine the wall clock mostly measures waiting.
const cpu = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1000; };
const startCpu = cpu();
const start = process.hrtime.bigint();
const { handler } = await import(moduleUrl);
const loaded = process.hrtime.bigint();
const loadedCpu = cpu();
const { heapUsed, rss } = process.memoryUsage();
await handler(event);
const answered = process.hrtime.bigint();
const afterFirst = process.memoryUsage();
const text = readFileSync(documentFile, 'utf8');
const parseStartCpu = cpu();
const parseStart = process.hrtime.bigint();
JSON.parse(text);
const parsed = process.hrtime.bigint();
const parsedCpu = cpu();
process.stdout.write(JSON.stringify({
  initMilliseconds: Number(loaded - start) / 1e6,
  initCpuMilliseconds: loadedCpu - startCpu,
  firstRequestMilliseconds: Number(answered - loaded) / 1e6,
  heapBytes: heapUsed,
  rssBytes: rss,
  rssBytesAfterFirstRequest: afterFirst.rss,
  parseMilliseconds: Number(parsed - parseStart) / 1e6,
  parseCpuMilliseconds: parsedCpu - parseStartCpu,
}));
