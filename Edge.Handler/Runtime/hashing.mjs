// The hash tables of the path index. Keys are hashed over UTF-16 code units, the way PathIndex.find hashes
// a URI while reading it once, so a URI's folders and whole text come out as it goes.
//
// The hash is djb2 kept to 24 bits: every intermediate value stays a small integer, which the engine
// handles without allocating even before it has optimised anything (module load, the cold start, hashes
// every rule's keys). A weaker hash only costs more shared lists: candidates are always checked.

export const HASH_START = 5381;

/** The hash of the text so far followed by code unit `c`. */
export function hashStep(hash, c) {
  return ((hash << 5) + hash + c) & 0xffffff;
}

/**
 * Open addressing over 24-bit hashes (0 marks a free slot; a hash of 0 is stored as 1), at most half
 * full, probed from (hash ^ hash >>> 11): the high bits mixed into the low ones, which the multiplier
 * alone leaves poorly spread. A slot is two numbers side by side (hash, first entry of its list): small
 * tables stay in the CPU's caches, and a probe that hits reads one cache line. A key is a hash: two keys
 * sharing one share a list, and the caller checks every candidate's text.
 */
export class HashTable {
  /** Room for `keys` keys (layout.mjs fills `slots` directly), or the given slots (from index.bin). */
  constructor(keys, slots = null) {
    let capacity = 16;
    while (capacity < keys * 2) capacity *= 2;
    this.size = keys;
    this.slots = slots ?? new Int32Array(capacity * 2);
    this.wrap = this.slots.length - 1;
  }

  /** Where `hash` sits in `slots`, or -1: its list starts at entry slots[at + 1] (-1: an empty list). */
  find(rawHash) {
    const at = this.slotFor(rawHash);
    return this.slots[at] === 0 ? -1 : at;
  }

  /** The slot holding `hash`, or the free slot where it goes (layout.mjs then stores storedHash there). */
  slotFor(rawHash) {
    const hash = storedHash(rawHash);
    const slots = this.slots;
    let at = ((hash ^ (hash >>> 11)) << 1) & this.wrap;
    while (slots[at] !== 0 && slots[at] !== hash) at = (at + 2) & this.wrap;
    return at;
  }
}

/** A hash as a slot holds it: 0 marks a free slot, so a hash of 0 is kept as 1. */
export function storedHash(hash) {
  return hash === 0 ? 1 : hash;
}
