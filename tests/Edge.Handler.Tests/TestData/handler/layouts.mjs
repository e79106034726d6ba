// Test helper: compares, for each unpacked package folder named on stdin (a JSON array), the path
// indexes read from its index.bin with the ones the handler builds from rules.bin at load.
// Writes one line per folder: "same" or the first difference.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const folders = JSON.parse(readFileSync(0, 'utf8'));
const answers = [];
for (const folder of folders) {
  // The package's index.mjs holds every runtime module and exports each under its name.
  const { data, layout, tables } = await import(pathToFileURL(resolve(folder, 'index.mjs')).href);
  const { compileTables } = tables;
  const { mapLayouts } = layout;
  const { readData } = data;
  const read = (name) => readFileSync(resolve(folder, name));
  const rules = () => readData(JSON.parse(read('rules.json')), read('rules.bin'));
  const prebuilt = mapLayouts(read('index.bin'));
  const mapped = compileTables(rules(), prebuilt);
  const built = compileTables(rules());
  answers.push(firstDifference(mapped, built) ?? 'same');
}
process.stdout.write(answers.join('\n'));

function firstDifference(mapped, built) {
  for (const index of ['requests', 'responses']) {
    const a = mapped[index];
    const b = built[index];
    for (const field of ['rootless', 'others', 'linear', 'count']) {
      if (a[field] !== b[field]) return `${index}.${field}: ${a[field]} read, ${b[field]} built`;
    }
    const arrays = [['data', a.data, b.data]];
    for (const table of ['exact', 'folders', 'segments', 'extensions']) {
      if ((a[table] === null) !== (b[table] === null)) return `${index}.${table}: only one of them has the table`;
      if (a[table] !== null) {
        if (a[table].size !== b[table].size) return `${index}.${table}.size: ${a[table].size} read, ${b[table].size} built`;
        arrays.push([`${table}.slots`, a[table].slots, b[table].slots]);
      }
    }
    for (const [name, x, y] of arrays) {
      if (x.length !== y.length) return `${index}.${name}: length ${x.length} read, ${y.length} built`;
      for (let i = 0; i < x.length; i++) {
        if (x[i] !== y[i]) return `${index}.${name}[${i}]: ${x[i]} read, ${y[i]} built`;
      }
    }
  }
  return null;
}
