// Cold-start probe: node cold-start.mjs <file URL of a package's index.mjs>
// Prints the milliseconds the import of index.mjs takes in this new process, whose engine has compiled and
// optimised nothing of it yet. The loader itself is started first with an empty module, as Lambda's runtime
// has done before it imports the handler.
await import('data:text/javascript,export default 0');
const start = process.hrtime.bigint();
await import(process.argv[2]);
process.stdout.write(String(Number(process.hrtime.bigint() - start) / 1e6));
