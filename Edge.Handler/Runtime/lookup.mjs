import { isPrefixStar, literalPrefixLength, literalSuffixLength, matches } from './pattern.mjs';

// An index over the path patterns of several sections at once (origin-request asks access, redirects
// and origins about the same URI) that answers, for every section, "the lowest rule index whose pattern
// matches this URI and whose countries take this request" (first match in list order).
//
// At 10,000 rules what a request costs is mostly memory it has to fetch, so the index is a few flat
// typed arrays and one string, and a request reads the URI once:
// - no wildcard: a hash table by the URI it matches;
// - most wildcard patterns: a hash table by the folder their literal prefix (the text before the first
//   '*' or '?') lies in, such as '/shows/news/'; the URI's folders are probed from '/' down, and the walk
//   stops at the first folder no rule lies in or under;
// - patterns whose literal suffix holds a '/' (like '/shows/*/trailer.m3u8'): a hash table by the
//   suffix's last segment, which must equal the URI's last segment; shallow ones ending in '.ext': a hash
//   table by extension; the rest (rare) in one list tested for every URI.
// Tables are keyed by a 32-bit hash of the key text and list candidates only: every candidate is checked
// against its pattern's text, so two keys sharing a hash cost time, never a wrong answer. Each list is
// in (section, index) order, so a candidate that cannot beat its section's best so far is skipped
// before anything is compared. Tiny indexes are scanned in order, which is cheaper than any probe.

const EXACT = 0;
const PREFIX_STAR = 1;
const GENERAL = 2;
const LINEAR_LIMIT = 8;

/** Larger than any rule index: "no match yet". */
export const NONE = 0x7fffffff;

/** The country argument of `find` for a request without a country (countryNumber gives -1 for unknown). */
export const NO_COUNTRY = -2;

// One entry (a rule in one list) is STRIDE numbers in `data`.
const SECTION = 0;
const INDEX = 1;
const KIND = 2;
const START = 3; // where its pattern starts in `text`
const LENGTH = 4;
const PREFIX = 5; // literal prefix length
const SUFFIX = 6; // literal suffix length
const SET = 7; // country set, or -1 for every request
const STRIDE = 8; // `at >>> 3` is the entry's number

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const SLASH = 47;
const DOT = 46;

/**
 * `sections[s]` lists section s's rules in order, each `{ path, set }`: the rule's country set in
 * `countrySets` (a CountrySets), or -1 for a rule that takes every request.
 */
export class PathIndex {
  constructor(sections, countrySets = null) {
    this.sectionCount = sections.length;
    this.countrySets = countrySets;
    const lists = new Lists();
    for (let section = 0; section < sections.length; section++) {
      const rules = sections[section];
      for (let index = 0; index < rules.length; index++) {
        const { path, set } = rules[index];
        const limited = set >= 0 && !countrySets.empty[set];
        lists.add(entry(section, index, path, limited ? set : -1));
      }
    }
    this.linear = lists.count <= LINEAR_LIMIT;
    lists.layOut(this, this.linear);
  }

  /**
   * Sets best[s] to the first rule of section s that matches `uri` and takes `country` (countryNumber's
   * answer, or NO_COUNTRY), or NONE. `best` has one slot per section.
   */
  find(uri, country, best) {
    for (let s = 0; s < this.sectionCount; s++) best[s] = NONE;
    if (this.linear) {
      this.scan(this.everything, uri, country, best);
      return;
    }
    if (this.rootless.end > this.rootless.start) this.confirmAnywhere(this.rootless.start, this.rootless.end, uri, country, best);
    const length = uri.length;
    const folders = this.folders;
    let walking = folders !== null;
    let lastSlash = -1;
    let hash = FNV_OFFSET;
    for (let i = 0; i < length; i++) {
      const c = uri.charCodeAt(i);
      hash = Math.imul(hash ^ c, FNV_PRIME);
      if (c !== SLASH) continue;
      lastSlash = i;
      if (!walking) continue;
      const at = folders.find(hash);
      if (at < 0) walking = false;
      else if (folders.slots[at + 1] < folders.slots[at + 2]) {
        this.confirmInFolder(folders.slots[at + 1], folders.slots[at + 2], uri, i + 1, country, best);
      }
    }
    const exact = this.exact;
    if (exact !== null) {
      const at = exact.find(hash);
      if (at >= 0) this.confirmExact(exact.slots[at + 1], exact.slots[at + 2], uri, country, best);
    }
    if (this.segments !== null || this.extensions !== null) this.bySuffix(uri, lastSlash + 1, country, best);
    if (this.others.end > this.others.start) this.confirmAnywhere(this.others.start, this.others.end, uri, country, best);
  }

  /** The last segment's table, then the extension's: both hashed from the segment's own characters. */
  bySuffix(uri, segmentStart, country, best) {
    let segmentHash = FNV_OFFSET;
    let extensionHash = FNV_OFFSET;
    let dot = -1;
    for (let i = segmentStart; i < uri.length; i++) {
      const c = uri.charCodeAt(i);
      segmentHash = Math.imul(segmentHash ^ c, FNV_PRIME);
      extensionHash = Math.imul(extensionHash ^ c, FNV_PRIME);
      if (c === DOT) {
        dot = i;
        extensionHash = FNV_OFFSET;
      }
    }
    const segments = this.segments;
    if (segments !== null) {
      const at = segments.find(segmentHash);
      if (at >= 0) this.confirmAnywhere(segments.slots[at + 1], segments.slots[at + 2], uri, country, best);
    }
    const extensions = this.extensions;
    if (extensions !== null && dot >= 0) {
      const at = extensions.find(extensionHash);
      if (at >= 0) this.confirmAnywhere(extensions.slots[at + 1], extensions.slots[at + 2], uri, country, best);
    }
  }

  takes(at, country) {
    const set = this.data[at + SET];
    return set < 0 || (country >= 0 && this.countrySets.has(set, country));
  }

  confirmExact(from, to, uri, country, best) {
    const data = this.data;
    for (let at = from; at < to; at += STRIDE) {
      const section = data[at + SECTION];
      if (data[at + INDEX] >= best[section] || data[at + LENGTH] !== uri.length) continue;
      if (this.text.startsWith(uri, data[at + START]) && this.takes(at, country)) best[section] = data[at + INDEX];
    }
  }

  /** Rules filed under the folder that ends at `position` in the URI. */
  confirmInFolder(from, to, uri, position, country, best) {
    const data = this.data;
    const text = this.text;
    for (let at = from; at < to; at += STRIDE) {
      const section = data[at + SECTION];
      const prefix = data[at + PREFIX];
      if (data[at + INDEX] >= best[section] || prefix > uri.length) continue;
      // The folder's hash matched; its text and the rest of the literal prefix are compared here.
      const start = data[at + START];
      let same = true;
      for (let k = 0; k < prefix; k++) {
        if (text.charCodeAt(start + k) !== uri.charCodeAt(k)) {
          same = false;
          break;
        }
      }
      if (!same) continue;
      if (data[at + KIND] === GENERAL && !matches(this.patterns[at >>> 3], uri, prefix)) continue;
      if (this.takes(at, country)) best[section] = data[at + INDEX];
    }
  }

  confirmAnywhere(from, to, uri, country, best) {
    const data = this.data;
    for (let at = from; at < to; at += STRIDE) {
      const section = data[at + SECTION];
      if (data[at + INDEX] >= best[section] || data[at + PREFIX] + data[at + SUFFIX] > uri.length) continue;
      if (matches(this.patterns[at >>> 3], uri, 0) && this.takes(at, country)) best[section] = data[at + INDEX];
    }
  }

  scan(range, uri, country, best) {
    const data = this.data;
    for (let at = range.start; at < range.end; at += STRIDE) {
      const section = data[at + SECTION];
      if (data[at + INDEX] >= best[section]) continue;
      const pattern = this.patterns[at >>> 3];
      const hit = data[at + KIND] === EXACT ? uri === pattern : matches(pattern, uri, 0);
      if (hit && this.takes(at, country)) best[section] = data[at + INDEX];
    }
  }
}

function entry(section, index, pattern, set) {
  const prefix = literalPrefixLength(pattern);
  const kind = prefix === pattern.length ? EXACT : isPrefixStar(pattern, prefix) ? PREFIX_STAR : GENERAL;
  return { section, index, kind, pattern, prefix, suffix: kind === EXACT ? 0 : literalSuffixLength(pattern), set };
}

/** Sorts entries into lists by key hash at build time, then lays them out contiguously, list by list. */
class Lists {
  constructor() {
    this.count = 0;
    this.all = [];
    this.exact = new Map();
    this.folders = new Map();
    this.segments = new Map();
    this.extensions = new Map();
    this.rootless = [];
    this.others = [];
  }

  // Entries arrive in (section, index) order, so every list is in that order too.
  add(e) {
    this.count++;
    this.all.push(e);
    const { pattern } = e;
    if (e.kind === EXACT) {
      listFor(this.exact, hashOf(pattern, 0, pattern.length)).push(e);
      return;
    }
    const suffixStart = pattern.length - e.suffix;
    const suffixSlash = pattern.lastIndexOf('/');
    if (e.kind === GENERAL && suffixSlash >= suffixStart) {
      listFor(this.segments, hashOf(pattern, suffixSlash + 1, pattern.length)).push(e);
      return;
    }
    const folderEnd = pattern.lastIndexOf('/', e.prefix - 1) + 1;
    if (e.kind === GENERAL && e.suffix > 0 && depthOf(pattern, e.prefix) < 2) {
      const dot = pattern.lastIndexOf('.');
      if (dot >= suffixStart) listFor(this.extensions, hashOf(pattern, dot + 1, pattern.length)).push(e);
      else this.others.push(e);
      return;
    }
    if (folderEnd === 0) {
      this.rootless.push(e);
      return;
    }
    listFor(this.folders, hashOf(pattern, 0, folderEnd)).push(e);
    // Every folder above it becomes a passage (an empty list), so a walk towards it does not stop early.
    for (let end = pattern.lastIndexOf('/', folderEnd - 2) + 1; end > 0 && folderEnd > 1; end = pattern.lastIndexOf('/', end - 2) + 1) {
      listFor(this.folders, hashOf(pattern, 0, end));
      if (end === 1) break;
    }
  }

  layOut(index, linear) {
    const entries = [];
    const place = (list) => {
      const start = entries.length * STRIDE;
      for (const e of list) entries.push(e);
      return { start, end: entries.length * STRIDE };
    };
    if (linear) {
      index.everything = place(this.all);
      index.exact = index.folders = index.segments = index.extensions = null;
      index.rootless = index.others = { start: 0, end: 0 };
    } else {
      index.exact = this.table(this.exact, place);
      index.folders = this.table(this.folders, place);
      index.segments = this.table(this.segments, place);
      index.extensions = this.table(this.extensions, place);
      index.rootless = place(this.rootless);
      index.others = place(this.others);
    }
    const data = new Int32Array(Math.max(1, entries.length) * STRIDE);
    const parts = [];
    let length = 0;
    entries.forEach((e, i) => {
      const at = i * STRIDE;
      data[at + SECTION] = e.section;
      data[at + INDEX] = e.index;
      data[at + KIND] = e.kind;
      data[at + START] = length;
      data[at + LENGTH] = e.pattern.length;
      data[at + PREFIX] = e.prefix;
      data[at + SUFFIX] = e.suffix;
      data[at + SET] = e.set;
      parts.push(e.pattern);
      length += e.pattern.length;
    });
    index.data = data;
    index.text = parts.join('');
    index.patterns = parts;
  }

  table(lists, place) {
    if (lists.size === 0) return null;
    const table = new HashTable(lists.size);
    for (const [hash, list] of lists) {
      const { start, end } = place(list);
      table.add(hash, start, end);
    }
    return table;
  }
}

/**
 * Open addressing over 32-bit hashes (0 marks a free slot), at most half full. A slot is three numbers
 * side by side (hash, first entry, end of its entries) so a probe that hits reads one cache line.
 */
class HashTable {
  constructor(keys) {
    let capacity = 16;
    while (capacity < keys * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity * 4);
  }

  add(hash, start, end) {
    const slots = this.slots;
    let slot = this.slotOf(hash);
    while (slots[slot] !== 0) slot = (slot + 4) & (this.mask * 4 + 3);
    slots[slot] = hash;
    slots[slot + 1] = start;
    slots[slot + 2] = end;
  }

  /** Where `hash` (as hashOf gives it) sits in `slots`, or -1: its entries are slots[at + 1] to slots[at + 2]. */
  find(rawHash) {
    const hash = rawHash === 0 ? 1 : rawHash;
    const slots = this.slots;
    const wrap = this.mask * 4 + 3;
    for (let at = this.slotOf(hash); ; at = (at + 4) & wrap) {
      const stored = slots[at];
      if (stored === hash) return at;
      if (stored === 0) return -1;
    }
  }

  slotOf(hash) {
    return ((hash ^ (hash >>> 16)) & this.mask) * 4;
  }
}

/** FNV-1a over text[from, to), as `find` computes it while reading the URI; never 0. */
function hashOf(text, from, to) {
  let hash = FNV_OFFSET;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash === 0 ? 1 : hash;
}

function listFor(lists, hash) {
  let list = lists.get(hash);
  if (list === undefined) {
    list = [];
    lists.set(hash, list);
  }
  return list;
}

function depthOf(pattern, prefixLength) {
  let count = 0;
  for (let i = pattern.indexOf('/'); i >= 0 && i < prefixLength; i = pattern.indexOf('/', i + 1)) count++;
  return count;
}
