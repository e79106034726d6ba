// Reads rules.bin (written by EdgePortal.Edge.Build.RulesBinaryWriter): the rule tables as views over the
// file's bytes. Nothing is parsed or copied at load, the cold start: the numbers are used where they lie,
// and a string (a pattern text, a redirect location) is decoded from its UTF-8 bytes the first time
// something asks for it. The header's counts say where each column starts.

export const BINARY_FORMAT = 1;

const HEADER_WORDS = 11;
const SET_WORDS = 22;
const REDIRECT_WORDS = 5;
const ORIGIN_WORDS = 4;
const CACHE_WORDS = 2;

/** The strings of rules.bin, decoded one at a time on first use and kept. */
export class Strings {
  constructor(bytes, offsets, start) {
    this.bytes = bytes;
    this.offsets = offsets;
    this.start = start;
    this.decoded = new Array(offsets.length - 1).fill(undefined);
  }

  /** String `i`, or null for -1. */
  at(i) {
    if (i < 0) return null;
    const known = this.decoded[i];
    if (known !== undefined) return known;
    const text = this.bytes.toString('utf8', this.start + this.offsets[i], this.start + this.offsets[i + 1]);
    this.decoded[i] = text;
    return text;
  }
}

/**
 * The patterns of one index: their texts joined in (section, index) order, decoded on first use, and
 * each one's length (from which the index's entries know where each starts).
 */
export class Patterns {
  constructor(lengths, textOf) {
    this.lengths = lengths;
    this.count = lengths.length;
    this.textOf = textOf;
    this.joined = null;
    this.starts = null;
  }

  /** Patterns of pattern lists (tests and the benchmark's baseline). */
  static of(pathLists) {
    const paths = pathLists.flat();
    const text = paths.join('');
    return new Patterns(Int32Array.from(paths, (path) => path.length), () => text);
  }

  get text() {
    if (this.joined === null) this.joined = this.textOf();
    return this.joined;
  }

  /** Pattern `rule` (in index order) on its own; for the benchmark's baseline, which reads every one. */
  at(rule) {
    if (this.starts === null) {
      this.starts = new Int32Array(this.count + 1);
      for (let r = 0; r < this.count; r++) this.starts[r + 1] = this.starts[r] + this.lengths[r];
    }
    return this.text.slice(this.starts[rule], this.starts[rule + 1]);
  }
}

/**
 * rules.json's parsed header and rules.bin's bytes (a Buffer) as the tables compileTables reads: typed
 * arrays over the file, strings through `strings`.
 */
export function readData(header, bytes) {
  // A 32-bit view needs an offset divisible by 4; a small Buffer can sit anywhere in a shared pool.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(new Uint8Array(bytes).buffer);
  const words = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length >>> 2);
  if (words[0] !== BINARY_FORMAT) throw new Error(`rules.bin: expected format ${BINARY_FORMAT}, found ${words[0]}`);
  const [, access, redirects, origins, cache, sets, redirectTargets, originTargets, cacheTargets, stringCount] = words;
  let at = HEADER_WORDS;
  const next = (length) => words.subarray(at, (at += length));
  const data = {
    ...header,
    setCount: sets,
    setBits: next(sets * SET_WORDS),
    access: { count: access, allows: next(access), sets: next(access) },
    redirects: { count: redirects, sets: next(redirects), targets: next(redirects), targetCount: redirectTargets },
    origins: { count: origins, sets: next(origins), targets: next(origins), targetCount: originTargets },
    cache: { count: cache, targets: next(cache), targetCount: cacheTargets },
  };
  const requestLengths = next(access + redirects + origins);
  const responseLengths = next(cache);
  data.redirects.targetTable = next(redirectTargets * REDIRECT_WORDS);
  data.origins.targetTable = next(originTargets * ORIGIN_WORDS);
  data.cache.targetTable = next(cacheTargets * CACHE_WORDS);
  const strings = new Strings(aligned, next(stringCount + 1), at * 4);
  data.strings = strings;
  data.requestPatterns = new Patterns(requestLengths, () => strings.at(0));
  data.responsePatterns = new Patterns(responseLengths, () => strings.at(1));
  return data;
}

/** Redirect target `i`'s fields in the table: location string, status, appendPath, keepQuery, cacheSeconds. */
export function redirectFields(data, i) {
  const table = data.redirects.targetTable;
  const at = i * REDIRECT_WORDS;
  return { location: data.strings.at(table[at]), status: table[at + 1], appendPath: table[at + 2] === 1, keepQuery: table[at + 3] === 1, cacheSeconds: table[at + 4] };
}

/** Origin target `i`: domain name, origin path, port, protocol. */
export function originFields(data, i) {
  const table = data.origins.targetTable;
  const at = i * ORIGIN_WORDS;
  return { domainName: data.strings.at(table[at]), path: data.strings.at(table[at + 1]), port: table[at + 2], protocol: table[at + 3] === 1 ? 'https' : 'http' };
}

/** Cache target `i`: the Cache-Control value (null: leave the header) and whether it only fills an absent header. */
export function cacheFields(data, i) {
  const table = data.cache.targetTable;
  const at = i * CACHE_WORDS;
  return { value: data.strings.at(table[at]), onlyWhenAbsent: table[at + 1] === 0 };
}
