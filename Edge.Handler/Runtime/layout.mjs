import { HASH_START, HashTable, hashOf } from './hashing.mjs';

// Builds the path index at module load, for every rule of every section at once. Module load is Lambda's
// cold start and runs before the engine has optimised anything, so this is one loop over all patterns'
// code units (copied once into a typed array: no call per character) that makes no object per rule: it
// finds each pattern's kind and hashes its keys as it goes, and chains the rule to the end of its key's
// list (so every list stays in (section, index) order). Hashing is inlined (see hashing.mjs).

export const EXACT = 0;
export const PREFIX_STAR = 1;
export const GENERAL = 2;

// One entry is STRIDE numbers in `data`, in rule order.
export const SECTION = 0;
export const INDEX = 1;
export const KIND = 2;
export const START = 3; // where its pattern starts in `text`
export const LENGTH = 4;
export const PREFIX = 5; // literal prefix length: the text before the first '*' or '?'
export const SUFFIX = 6; // literal suffix length: the text after the last '*' or '?'
export const SET = 7; // country set, or -1 for every request
export const NEXT = 8; // the next entry in the same list, or -1
export const STRIDE = 9;

const STAR = 42;
const QUESTION = 63;
const SLASH = 47;
const DOT = 46;

/** A list that is not in a table: its first and last entries (-1 when empty). */
export class Chain {
  constructor() {
    this.head = -1;
    this.tail = -1;
  }
}

/**
 * `sections[s]` is `{ paths, sets }`: section s's patterns in order and, per rule, its country set in
 * `countrySets` (-1, or an empty set, for every request), or `sets: null` when no rule is limited.
 * With `linear`, no tables: the caller scans `data` in order.
 */
export function layOut(sections, countrySets, linear) {
  let count = 0;
  for (const { paths } of sections) count += paths.length;
  const layout = {
    data: new Int32Array(Math.max(1, count) * STRIDE),
    text: sections.map(({ paths }) => paths.join('')).join(''),
    count,
    exact: new HashTable(),
    folders: new HashTable(),
    segments: new HashTable(),
    extensions: new HashTable(),
    rootless: new Chain(),
    others: new Chain(),
  };
  const data = layout.data;
  const codes = codeUnits(layout.text);
  const parents = [];
  let at = 0;
  let offset = 0;
  for (let section = 0; section < sections.length; section++) {
    const { paths, sets } = sections[section];
    for (let index = 0; index < paths.length; index++, at += STRIDE) {
      const length = paths[index].length;
      const start = offset;
      offset += length;
      // One reading of the pattern: wildcards, the last '/' and '.', the whole text's hash and the hash
      // of every folder before the first wildcard.
      let prefix = -1;
      let lastWildcard = -1;
      let lastSlash = -1;
      let lastDot = -1;
      let hash = HASH_START;
      let folders = 0;
      for (let i = 0; i < length; i++) {
        const c = codes[start + i];
        hash = ((hash << 5) + hash + c) & 0xffffff;
        if (c === STAR || c === QUESTION) {
          if (prefix < 0) prefix = i;
          lastWildcard = i;
        } else if (c === SLASH) {
          lastSlash = i;
          if (prefix < 0) parents[folders++] = hash;
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
      const set = sets === null ? -1 : sets[index];
      data[at + SECTION] = section;
      data[at + INDEX] = index;
      data[at + KIND] = kind;
      data[at + START] = start;
      data[at + LENGTH] = length;
      data[at + PREFIX] = prefix;
      data[at + SUFFIX] = suffix;
      data[at + SET] = set >= 0 && !countrySets.empty[set] ? set : -1;
      data[at + NEXT] = -1;
      if (linear) continue;
      if (kind === EXACT) {
        append(data, layout.exact, hash, at);
      } else if (kind === GENERAL && lastSlash >= length - suffix) {
        // The literal suffix holds a '/': the URI's last segment must be the text after it.
        append(data, layout.segments, hashOf(codes, start + lastSlash + 1, start + length), at);
      } else if (kind === GENERAL && suffix > 0 && folders < 2) {
        // Shallow, ending in literal text: by extension when that text has a '.'.
        if (lastDot >= length - suffix) append(data, layout.extensions, hashOf(codes, start + lastDot + 1, start + length), at);
        else chain(data, layout.others, at);
      } else if (folders === 0) {
        chain(data, layout.rootless, at);
      } else {
        // Filed under the last folder before the first wildcard; the folders above it become passages
        // (keys with no rules) so a walk towards it does not stop early.
        append(data, layout.folders, parents[folders - 1], at);
        for (let f = 0; f < folders - 1; f++) layout.folders.add(parents[f]);
      }
    }
  }
  return layout;
}

/** The text's UTF-16 code units, as charCodeAt gives them. */
function codeUnits(text) {
  const bytes = Buffer.from(text, 'utf16le');
  // A small Buffer can sit at an odd offset of a shared pool; a 16-bit view needs an even one.
  return bytes.byteOffset % 2 === 0
    ? new Uint16Array(bytes.buffer, bytes.byteOffset, text.length)
    : new Uint16Array(new Uint8Array(bytes).buffer);
}

/** Chains entry `at` to the end of `hash`'s list. */
function append(data, table, hash, at) {
  const slot = table.add(hash);
  const slots = table.slots;
  if (slots[slot + 1] < 0) slots[slot + 1] = at;
  else data[slots[slot + 2] + NEXT] = at;
  slots[slot + 2] = at;
}

function chain(data, list, at) {
  if (list.head < 0) list.head = at;
  else data[list.tail + NEXT] = at;
  list.tail = at;
}
