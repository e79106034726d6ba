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

/** The hash of code units codes[from, to). */
export function hashOf(codes, from, to) {
  let hash = HASH_START;
  for (let i = from; i < to; i++) hash = ((hash << 5) + hash + codes[i]) & 0xffffff;
  return hash;
}

/**
 * Open addressing over 24-bit hashes (0 marks a free slot; a hash of 0 is stored as 1), at most half
 * full. A slot is four numbers side by side (hash, first entry, last entry, unused) so a probe that hits
 * reads one cache line. A key is a hash: two keys sharing one share a list, and the caller checks every
 * candidate's text.
 */
export class HashTable {
  constructor() {
    this.size = 0;
    this.wrap = 16 * 4 - 1;
    this.slots = new Int32Array(16 * 4);
  }

  /** Where `hash` sits in `slots`, or -1: its list runs from slots[at + 1] to slots[at + 2] (-1: none). */
  find(rawHash) {
    const hash = rawHash === 0 ? 1 : rawHash;
    const slots = this.slots;
    for (let at = slotOf(hash, this.wrap); ; at = (at + 4) & this.wrap) {
      const stored = slots[at];
      if (stored === hash) return at;
      if (stored === 0) return -1;
    }
  }

  /** Where `hash` sits, adding it with an empty list when it is not there yet. */
  add(rawHash) {
    const hash = rawHash === 0 ? 1 : rawHash;
    let slots = this.slots;
    let at = slotOf(hash, this.wrap);
    for (; slots[at] !== 0; at = (at + 4) & this.wrap) {
      if (slots[at] === hash) return at;
    }
    if ((this.size + 1) * 2 * 4 > slots.length) {
      this.grow();
      slots = this.slots;
      for (at = slotOf(hash, this.wrap); slots[at] !== 0; at = (at + 4) & this.wrap);
    }
    this.size++;
    slots[at] = hash;
    slots[at + 1] = -1;
    slots[at + 2] = -1;
    return at;
  }

  grow() {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const wrap = slots.length - 1;
    for (let from = 0; from < old.length; from += 4) {
      if (old[from] === 0) continue;
      let at = slotOf(old[from], wrap);
      while (slots[at] !== 0) at = (at + 4) & wrap;
      slots[at] = old[from];
      slots[at + 1] = old[from + 1];
      slots[at + 2] = old[from + 2];
    }
    this.slots = slots;
    this.wrap = wrap;
  }
}

// The high bits mixed into the low ones, which the multiplier alone leaves poorly spread.
function slotOf(hash, wrap) {
  return ((hash ^ (hash >>> 11)) << 2) & wrap;
}
