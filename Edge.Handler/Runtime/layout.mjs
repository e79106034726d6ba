import { HASH_START, HashTable, storedHash } from './hashing.mjs';

// Builds the path index at module load, for every rule of every section at once. Module load is Lambda's
// cold start and runs before the engine has optimised anything: the work is a few small functions, each
// one loop over typed arrays (the patterns' code units are copied once into one), which the engine can
// optimise while they run; no object is made per rule. Rules are chained to the end of their key's list,
// so every list stays in (section, index) order. Hashing is inlined (see hashing.mjs).

export const EXACT = 0;
export const PREFIX_STAR = 1;
export const GENERAL = 2;

// One entry is STRIDE numbers in `data`, in rule order.
export const SECTION = 0;
export const INDEX = 1;
export const KIND = 2;
export const START = 3; // where its pattern starts in `text`
export const PREFIX = 4; // literal prefix length: the text before the first '*' or '?' (for EXACT, its length)
export const SUFFIX = 5; // literal suffix length: the text after the last '*' or '?'
export const SET = 6; // country set, or -1 for every request
export const NEXT = 7; // the next entry in the same list, or -1
export const STRIDE = 8; // 32 bytes: two entries to a 64-byte cache line

// Where a rule is filed.
const IN_EXACT = 0; // by its whole text
const IN_FOLDERS = 1; // by the last folder in its literal prefix
const IN_SEGMENTS = 2; // by its last segment (a literal suffix holding a '/')
const IN_EXTENSIONS = 3; // shallow, by the extension its literal suffix ends in
const IN_ROOTLESS = 4; // a literal prefix without a '/': tested for every URI
const IN_OTHERS = 5; // shallow with a literal suffix of neither kind: tested for every URI

const STAR = 42;
const QUESTION = 63;
const SLASH = 47;
const DOT = 46;

/**
 * `sections[s]` is `{ count, sets }`: how many rules section s has and, per rule, its country set in
 * `countrySets` (-1, or an empty set, for every request), or `sets: null` when no rule is limited.
 * `text` holds every pattern, joined in (section, index) order; `lengths[r]` is rule r's length.
 * With `linear`, no tables: the caller scans `data` in order.
 */
export function layOut(sections, text, lengths, count, countrySets, linear) {
  const codes = codeUnits(text);
  const data = new Int32Array(Math.max(1, count) * STRIDE);
  let rule = 0;
  let start = 0;
  for (let section = 0; section < sections.length; section++) {
    const { count: rules, sets } = sections[section];
    start = describe(data, rule, start, lengths, section, rules, sets, countrySets === null ? null : countrySets.empty);
    rule += rules;
  }
  const places = new Uint8Array(count);
  const keys = new Int32Array(count);
  const passages = new Int32Array(codes.length);
  const passageCount = readAll(codes, data, count, places, keys, passages);
  const layout = { data, exact: null, folders: null, segments: null, extensions: null, rootless: -1, others: -1 };
  if (linear) return layout;
  const filed = [0, 0, 0, 0, 0, 0];
  for (let r = 0; r < count; r++) filed[places[r]]++;
  layout.exact = fileAll(new HashTable(filed[IN_EXACT]), IN_EXACT, places, keys, data, count);
  layout.folders = fileAll(new HashTable(filed[IN_FOLDERS] + passageCount), IN_FOLDERS, places, keys, data, count);
  addPassages(layout.folders, passages, passageCount);
  layout.segments = fileAll(new HashTable(filed[IN_SEGMENTS]), IN_SEGMENTS, places, keys, data, count);
  layout.extensions = fileAll(new HashTable(filed[IN_EXTENSIONS]), IN_EXTENSIONS, places, keys, data, count);
  layout.rootless = chainAll(IN_ROOTLESS, places, data, count);
  layout.others = chainAll(IN_OTHERS, places, data, count);
  return layout;
}

/**
 * One section's rules from rule `first` on, their text from `start` on: section, index, where the text
 * starts, country set. Returns where the next section's text starts.
 */
function describe(data, first, start, lengths, section, rules, sets, emptySets) {
  for (let index = 0, at = first * STRIDE; index < rules; index++, at += STRIDE) {
    const set = sets === null ? -1 : sets[index];
    data[at + SECTION] = section;
    data[at + INDEX] = index;
    data[at + START] = start;
    start += lengths[first + index];
    // Without country sets (emptySets null) every rule has sets: null, so set is -1 here.
    data[at + SET] = set >= 0 && !emptySets[set] ? set : -1;
    data[at + NEXT] = -1;
  }
  return start;
}

/**
 * One reading of every pattern: its kind, literal prefix and suffix, where it is filed and the hash of
 * its key there. The folders above a rule's own folder are written to `passages` (keys with no rules of
 * their own, so a walk towards a rule's folder does not stop early); returns how many.
 */
function readAll(codes, data, count, places, keys, passages) {
  let passageCount = 0;
  for (let r = 0, at = 0; r < count; r++, at += STRIDE) {
    const start = data[at + START];
    const length = (r + 1 < count ? data[at + STRIDE + START] : codes.length) - start;
    const firstPassage = passageCount;
    let prefix = -1;
    let lastWildcard = -1;
    let lastSlash = -1;
    let lastDot = -1;
    let hash = HASH_START;
    let folders = 0;
    let folderHash = 0;
    for (let i = 0; i < length; i++) {
      const c = codes[start + i];
      hash = ((hash << 5) + hash + c) & 0xffffff;
      if (c === STAR || c === QUESTION) {
        if (prefix < 0) prefix = i;
        lastWildcard = i;
      } else if (c === SLASH) {
        lastSlash = i;
        if (prefix < 0) {
          if (folders > 0) passages[passageCount++] = folderHash;
          folderHash = hash;
          folders++;
        }
      } else if (c === DOT) {
        lastDot = i;
      }
    }
    if (prefix < 0) prefix = length;
    let kind = prefix === length ? EXACT : PREFIX_STAR;
    for (let i = prefix; kind === PREFIX_STAR && i < length; i++) {
      if (codes[start + i] !== STAR) kind = GENERAL;
    }
    const suffix = kind === EXACT ? 0 : length - 1 - lastWildcard;
    data[at + KIND] = kind;
    data[at + PREFIX] = prefix;
    data[at + SUFFIX] = suffix;
    let place;
    let from = -1;
    if (kind === EXACT) {
      place = IN_EXACT;
      keys[r] = hash;
    } else if (kind === GENERAL && lastSlash >= length - suffix) {
      place = IN_SEGMENTS;
      from = lastSlash + 1;
    } else if (kind === GENERAL && suffix > 0 && folders < 2) {
      place = lastDot >= length - suffix ? IN_EXTENSIONS : IN_OTHERS;
      from = lastDot + 1;
    } else if (folders === 0) {
      place = IN_ROOTLESS;
    } else {
      place = IN_FOLDERS;
      keys[r] = folderHash;
    }
    if (place !== IN_FOLDERS) passageCount = firstPassage;
    if (place === IN_SEGMENTS || place === IN_EXTENSIONS) {
      // The URI's last segment, or the text after its last '.', must be this text.
      let key = HASH_START;
      for (let i = from; i < length; i++) key = ((key << 5) + key + codes[start + i]) & 0xffffff;
      keys[r] = key;
    }
    places[r] = place;
  }
  return passageCount;
}

/** Files every rule with place `place` in `table`, chained in rule order under its key's hash. */
function fileAll(table, place, places, keys, data, count) {
  const slots = table.slots;
  // The last entry of each slot's list, while building.
  const tails = new Int32Array(slots.length >>> 1);
  for (let r = 0; r < count; r++) {
    if (places[r] !== place) continue;
    const at = table.slotFor(keys[r]);
    const entry = r * STRIDE;
    if (slots[at] === 0) {
      slots[at] = storedHash(keys[r]);
      slots[at + 1] = entry;
    } else {
      data[tails[at >>> 1] + NEXT] = entry;
    }
    tails[at >>> 1] = entry;
  }
  return table;
}

/** Folders with no rules of their own (their lists stay empty). */
function addPassages(table, passages, count) {
  const slots = table.slots;
  for (let p = 0; p < count; p++) {
    const at = table.slotFor(passages[p]);
    if (slots[at] === 0) {
      slots[at] = storedHash(passages[p]);
      slots[at + 1] = -1;
    }
  }
}

/** The rules with place `place`, chained in rule order; returns the first (-1 for none). */
function chainAll(place, places, data, count) {
  let head = -1;
  let tail = -1;
  for (let r = 0; r < count; r++) {
    if (places[r] !== place) continue;
    if (head < 0) head = r * STRIDE;
    else data[tail + NEXT] = r * STRIDE;
    tail = r * STRIDE;
  }
  return head;
}

/** The text's UTF-16 code units, as charCodeAt gives them. */
function codeUnits(text) {
  const bytes = Buffer.from(text, 'utf16le');
  // A small Buffer can sit at an odd offset of a shared pool; a 16-bit view needs an even one.
  return bytes.byteOffset % 2 === 0
    ? new Uint16Array(bytes.buffer, bytes.byteOffset, text.length)
    : new Uint16Array(new Uint8Array(bytes).buffer);
}

/** The format of index.bin that mapLayouts reads (EdgePortal.Edge.Build.PathIndexWriter writes it). */
export const INDEX_FORMAT = 2;

/**
 * The layouts in index.bin, which the builder writes for packages small enough to carry it: views over
 * the file's bytes, nothing copied or computed. Null for a file of another format.
 */
export function mapLayouts(bytes) {
  // A 32-bit view needs an offset divisible by 4; a Buffer read from a file has its own memory at 0.
  const numbers = bytes.byteOffset % 4 === 0
    ? new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2)
    : new Int32Array(new Uint8Array(bytes).buffer);
  if (numbers[0] !== INDEX_FORMAT) return null;
  const heads = [];
  let at = 2;
  for (let i = 0; i < numbers[1]; i++, at += 11) heads.push(numbers.subarray(at, at + 11));
  return heads.map((head) => {
    const data = numbers.subarray(at, (at += Math.max(1, head[0]) * STRIDE));
    const tables = [0, 1, 2, 3].map((t) => {
      const slots = numbers.subarray(at, (at += head[4 + t * 2] * 2));
      return slots.length === 0 ? null : new HashTable(head[3 + t * 2], slots);
    });
    return { data, exact: tables[0], folders: tables[1], segments: tables[2], extensions: tables[3], rootless: head[1], others: head[2] };
  });
}
