import { HASH_START, hashStep } from './hashing.mjs';
import { EXACT, GENERAL, INDEX, KIND, NEXT, PREFIX, SECTION, SET, START, STRIDE, SUFFIX, layOut } from './layout.mjs';
import { matches } from './pattern.mjs';

// An index over the path patterns of several sections at once (origin-request asks access, redirects
// and origins about the same URI) that answers, for every section, "the lowest rule index whose pattern
// matches this URI and whose countries take this request" (first match in list order).
//
// At 10,000 rules what a request costs is mostly memory it has to fetch, so the index is a few flat
// typed arrays and one string (built by layout.mjs), and a request reads the URI once:
// - no wildcard: a hash table by the URI it matches;
// - most wildcard patterns: a hash table by the folder their literal prefix (the text before the first
//   '*' or '?') lies in, such as '/shows/news/'; the URI's folders are probed from '/' down, and the walk
//   stops at the first folder no rule lies in or under;
// - patterns whose literal suffix holds a '/' (like '/shows/*/trailer.m3u8'): a hash table by the
//   suffix's last segment, which must equal the URI's last segment; shallow ones ending in '.ext': a hash
//   table by extension; the rest (rare) in one list tested for every URI.
// Tables are keyed by a 32-bit hash of the key text and list candidates only: every candidate is checked
// against its pattern's text, so two keys sharing a hash cost time, never a wrong answer. Each list is
// chained in (section, index) order, so a candidate that cannot beat its section's best so far is
// skipped before anything is compared. Tiny indexes are scanned in order, cheaper than any probe.

const LINEAR_LIMIT = 8;

/** Larger than any rule index: "no match yet". */
export const NONE = 0x7fffffff;

/** The country argument of `find` for a request without a country (countryNumber gives -1 for unknown). */
export const NO_COUNTRY = -2;

const SLASH = 47;
const DOT = 46;

/**
 * `patterns`: every section's patterns in (section, index) order (data.mjs's Patterns: their joined text,
 * decoded on first use, and each one's length). `sections[s]` is `{ count, sets }`: how many of them are
 * section s's and, per rule, its country set in `countrySets` (a CountrySets; -1 for a rule that takes
 * every request), or `sets: null` for none.
 */
export class PathIndex {
  /** `prebuilt`: this index's layout from index.bin (layout.mjs, mapLayouts), or null to build it here. */
  constructor(patterns, sections, countrySets = null, prebuilt = null) {
    this.sectionCount = sections.length;
    this.countrySets = countrySets;
    this.patterns = patterns;
    const count = patterns.count;
    this.linear = count <= LINEAR_LIMIT;
    // The text is decoded by the first request (or by building the layout here), not at load.
    this.text = null;
    if (prebuilt !== null && prebuilt.data.length !== Math.max(1, count) * STRIDE) {
      throw new Error(`index.bin holds ${prebuilt.data.length / STRIDE} rules where rules.bin has ${count}: not from the same build`);
    }
    if (prebuilt === null) this.text = patterns.text;
    const layout = prebuilt ?? layOut(sections, this.text, patterns.lengths, count, countrySets, this.linear);
    this.count = count;
    this.data = layout.data;
    this.rootless = layout.rootless;
    this.others = layout.others;
    this.exact = layout.exact;
    this.folders = layout.folders;
    this.segments = layout.segments;
    this.extensions = layout.extensions;
  }

  /**
   * Sets best[s] to the first rule of section s that matches `uri` and takes `country` (countryNumber's
   * answer, or NO_COUNTRY), or NONE. `best` has one slot per section.
   */
  find(uri, country, best) {
    if (this.text === null) this.text = this.patterns.text;
    for (let s = 0; s < this.sectionCount; s++) best[s] = NONE;
    if (this.linear) {
      this.scan(uri, country, best);
      return;
    }
    if (this.rootless >= 0) this.confirmAnywhere(this.rootless, uri, country, best);
    const length = uri.length;
    const folders = this.folders;
    let walking = folders.size > 0;
    let lastSlash = -1;
    let hash = HASH_START;
    for (let i = 0; i < length; i++) {
      const c = uri.charCodeAt(i);
      hash = hashStep(hash, c);
      if (c !== SLASH) continue;
      lastSlash = i;
      if (!walking) continue;
      const at = folders.find(hash);
      if (at < 0) walking = false;
      else if (folders.slots[at + 1] >= 0) this.confirmInFolder(folders.slots[at + 1], uri, country, best);
    }
    const exact = this.exact;
    if (exact.size > 0) {
      const at = exact.find(hash);
      if (at >= 0) this.confirmExact(exact.slots[at + 1], uri, country, best);
    }
    if (this.segments.size > 0 || this.extensions.size > 0) this.bySuffix(uri, lastSlash + 1, country, best);
    if (this.others >= 0) this.confirmAnywhere(this.others, uri, country, best);
  }

  /** The last segment's table, then the extension's: both hashed from the segment's own characters. */
  bySuffix(uri, segmentStart, country, best) {
    let segmentHash = HASH_START;
    let extensionHash = HASH_START;
    let dot = -1;
    for (let i = segmentStart; i < uri.length; i++) {
      const c = uri.charCodeAt(i);
      segmentHash = hashStep(segmentHash, c);
      extensionHash = hashStep(extensionHash, c);
      if (c === DOT) {
        dot = i;
        extensionHash = HASH_START;
      }
    }
    const segments = this.segments;
    if (segments.size > 0) {
      const at = segments.find(segmentHash);
      if (at >= 0) this.confirmAnywhere(segments.slots[at + 1], uri, country, best);
    }
    const extensions = this.extensions;
    if (extensions.size > 0 && dot >= 0) {
      const at = extensions.find(extensionHash);
      if (at >= 0) this.confirmAnywhere(extensions.slots[at + 1], uri, country, best);
    }
  }

  takes(at, country) {
    const set = this.data[at + SET];
    return set < 0 || (country >= 0 && this.countrySets.has(set, country));
  }

  /** The pattern of the entry at `at`: entries are in rule order, so it ends where the next one starts. */
  pattern(at) {
    const end = at + STRIDE < this.count * STRIDE ? this.data[at + STRIDE + START] : this.text.length;
    return this.text.slice(this.data[at + START], end);
  }

  /** Rules without wildcards whose text hashes like the URI. */
  confirmExact(first, uri, country, best) {
    const data = this.data;
    for (let at = first; at >= 0; at = data[at + NEXT]) {
      const section = data[at + SECTION];
      if (data[at + INDEX] >= best[section] || data[at + PREFIX] !== uri.length) continue;
      if (this.text.startsWith(uri, data[at + START]) && this.takes(at, country)) best[section] = data[at + INDEX];
    }
  }

  /** Rules filed under one of the URI's folders: the folder's hash matched, the text is compared here. */
  confirmInFolder(first, uri, country, best) {
    const data = this.data;
    const text = this.text;
    for (let at = first; at >= 0; at = data[at + NEXT]) {
      const section = data[at + SECTION];
      const prefix = data[at + PREFIX];
      if (data[at + INDEX] >= best[section] || prefix > uri.length) continue;
      const start = data[at + START];
      let same = true;
      for (let k = 0; k < prefix; k++) {
        if (text.charCodeAt(start + k) !== uri.charCodeAt(k)) {
          same = false;
          break;
        }
      }
      if (!same) continue;
      if (data[at + KIND] === GENERAL && !matches(this.pattern(at), uri, prefix)) continue;
      if (this.takes(at, country)) best[section] = data[at + INDEX];
    }
  }

  confirmAnywhere(first, uri, country, best) {
    const data = this.data;
    for (let at = first; at >= 0; at = data[at + NEXT]) {
      const section = data[at + SECTION];
      if (data[at + INDEX] >= best[section] || data[at + PREFIX] + data[at + SUFFIX] > uri.length) continue;
      if (matches(this.pattern(at), uri, 0) && this.takes(at, country)) best[section] = data[at + INDEX];
    }
  }

  /** Tiny indexes: every rule, in order. */
  scan(uri, country, best) {
    const data = this.data;
    for (let at = 0; at < this.count * STRIDE; at += STRIDE) {
      const section = data[at + SECTION];
      if (data[at + INDEX] >= best[section]) continue;
      const pattern = this.pattern(at);
      const hit = data[at + KIND] === EXACT ? uri === pattern : matches(pattern, uri, 0);
      if (hit && this.takes(at, country)) best[section] = data[at + INDEX];
    }
  }
}
