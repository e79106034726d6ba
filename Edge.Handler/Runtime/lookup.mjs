import { isPrefixStar, literalPrefixLength, literalSuffixLength, matches } from './pattern.mjs';

// An index over one section's path patterns that answers "the lowest rule index whose pattern matches
// this URI and which the caller accepts" (first match in list order) without testing every rule, at a
// cost that does not grow with the number of rules or of distinct pattern lengths:
// - no wildcard: a map by the URI it matches;
// - most wildcard patterns: a trie over the '/'-separated segments of their literal prefix (the text
//   before the first '*' or '?'); a URI walks down its own segments only, so only rules under its
//   path are candidates; each node keeps the lowest index below it to stop the walk early;
// - patterns whose literal suffix holds a '/' (like '/shows/*/trailer.m3u8'): a map by the suffix's last
//   segment, which must equal the URI's last segment; shallow ones ending in '.ext': a map by extension.
// Candidates are confirmed with startsWith or the full matcher. Tiny sections are scanned in order,
// which is cheaper than any probe.
// `accept(index, context)` is the caller's extra condition (countries), or null for none; it is built
// once per section so a lookup allocates no closure.

const EXACT = 0;
const PREFIX_STAR = 1;
const GENERAL = 2;
const LINEAR_LIMIT = 8;

export class PatternIndex {
  constructor(patterns) {
    this.linear = patterns.length <= LINEAR_LIMIT;
    if (this.linear) {
      this.patterns = patterns;
      this.kinds = patterns.map(kindOf);
      this.prefixes = patterns.map((p) => p.slice(0, literalPrefixLength(p)));
      return;
    }
    this.exact = new Map();
    this.root = newNode();
    this.bySegment = new Map();
    this.byExtension = new Map();
    this.others = [];
    for (let index = 0; index < patterns.length; index++) {
      const pattern = patterns[index];
      const prefixLength = literalPrefixLength(pattern);
      if (prefixLength === pattern.length) {
        // A lone index (the usual case) or, for a path listed more than once, the ascending list.
        const seen = this.exact.get(pattern);
        if (seen === undefined) this.exact.set(pattern, index);
        else if (typeof seen === 'number') this.exact.set(pattern, [seen, index]);
        else seen.push(index);
        continue;
      }
      const prefix = pattern.slice(0, prefixLength);
      const suffix = pattern.slice(pattern.length - literalSuffixLength(pattern));
      const entry = { index, pattern, prefix, rest: '', suffix, prefixStar: isPrefixStar(pattern, prefixLength) };
      const suffixSlash = suffix.lastIndexOf('/');
      if (suffixSlash >= 0) {
        push(this.bySegment, suffix.slice(suffixSlash + 1), entry);
      } else if (suffix.length === 0 || depthOf(prefix) >= 2) {
        this.insert(entry);
      } else if (suffix.includes('.')) {
        push(this.byExtension, suffix.slice(suffix.lastIndexOf('.') + 1), entry);
      } else {
        this.others.push(entry);
      }
    }
    this.hasExact = this.exact.size > 0;
    this.hasSegments = this.bySegment.size > 0;
    this.hasExtensions = this.byExtension.size > 0;
  }

  insert(entry) {
    let node = this.root;
    const prefix = entry.prefix;
    let start = 0;
    for (let slash = prefix.indexOf('/'); slash >= 0; slash = prefix.indexOf('/', start)) {
      if (entry.index < node.min) node.min = entry.index;
      const segment = prefix.slice(start, slash);
      if (node.children === null) node.children = new Map();
      let child = node.children.get(segment);
      if (child === undefined) {
        child = newNode();
        node.children.set(segment, child);
      }
      node = child;
      start = slash + 1;
    }
    if (entry.index < node.min) node.min = entry.index;
    entry.rest = prefix.slice(start);
    node.entries.push(entry);
  }

  /**
   * The lowest index whose pattern matches `uri` and for which `accept(index, context)` holds (or accept
   * is null), or -1. `view` is the URI already split by `UriView.reset`, shared by the sections a request
   * consults so the URI is split once per request; without it the URI is split here.
   */
  first(uri, accept, context, view = null) {
    if (this.linear) return this.scan(uri, accept, context);
    if (view === null || view.uri !== uri) view = scratch.reset(uri);
    let best = 0x7fffffff;
    if (this.hasExact) {
      const exact = this.exact.get(uri);
      if (typeof exact === 'number') {
        if (accept === null || accept(exact, context)) best = exact;
      } else if (exact !== undefined) {
        for (let i = 0; i < exact.length; i++) {
          if (accept === null || accept(exact[i], context)) {
            best = exact[i];
            break;
          }
        }
      }
    }
    // The trie: at each node, the rules whose literal prefix ends within the URI's next segment.
    let node = this.root;
    let position = 0;
    let segment = 0;
    while (node.min < best) {
      const entries = node.entries;
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i];
        if (entry.index >= best) break;
        if (entry.rest !== '' && !uri.startsWith(entry.rest, position)) continue;
        if ((entry.prefixStar || matches(entry.pattern, uri, entry.prefix.length)) && (accept === null || accept(entry.index, context))) {
          best = entry.index;
          break;
        }
      }
      if (node.children === null || segment === view.count) break;
      const child = node.children.get(view.segments[segment]);
      if (child === undefined) break;
      node = child;
      position = view.ends[segment];
      segment++;
    }
    if (this.hasSegments) {
      const list = this.bySegment.get(view.last);
      if (list !== undefined) best = firstConfirmed(list, uri, accept, context, best);
    }
    if (this.hasExtensions && view.extension !== null) {
      const list = this.byExtension.get(view.extension);
      if (list !== undefined) best = firstConfirmed(list, uri, accept, context, best);
    }
    if (this.others.length > 0) best = firstConfirmed(this.others, uri, accept, context, best);
    return best === 0x7fffffff ? -1 : best;
  }

  scan(uri, accept, context) {
    const kinds = this.kinds;
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[i];
      const hit = kind === EXACT ? uri === this.patterns[i]
        : kind === PREFIX_STAR ? uri.startsWith(this.prefixes[i])
        : uri.startsWith(this.prefixes[i]) && matches(this.patterns[i], uri, this.prefixes[i].length);
      if (hit && (accept === null || accept(i, context))) return i;
    }
    return -1;
  }
}

/**
 * A URI split at '/' once per request, into reused arrays (no allocation but the segment strings):
 * segments[k] is the text before the k-th '/', ends[k] the position after it; last is the text after the
 * last '/', extension the text after the last '.' in it (null when none).
 */
export class UriView {
  constructor() {
    this.uri = null;
    this.count = 0;
    this.segments = [];
    this.ends = [];
    this.last = '';
    this.extension = null;
  }

  reset(uri) {
    this.uri = uri;
    let count = 0;
    let position = 0;
    for (let slash = uri.indexOf('/'); slash >= 0; slash = uri.indexOf('/', position)) {
      this.segments[count] = uri.slice(position, slash);
      this.ends[count] = slash + 1;
      count++;
      position = slash + 1;
    }
    this.count = count;
    this.last = position === 0 ? uri : uri.slice(position);
    const dot = this.last.lastIndexOf('.');
    this.extension = dot < 0 ? null : this.last.slice(dot + 1);
    return this;
  }
}

const scratch = new UriView();

function firstConfirmed(list, uri, accept, context, best) {
  for (let i = 0; i < list.length; i++) {
    const entry = list[i];
    if (entry.index >= best) break;
    if (uri.startsWith(entry.prefix) && uri.endsWith(entry.suffix) && matches(entry.pattern, uri, entry.prefix.length)
      && (accept === null || accept(entry.index, context))) {
      return entry.index;
    }
  }
  return best;
}

function kindOf(pattern) {
  const prefixLength = literalPrefixLength(pattern);
  if (prefixLength === pattern.length) return EXACT;
  return isPrefixStar(pattern, prefixLength) ? PREFIX_STAR : GENERAL;
}

function depthOf(prefix) {
  let count = 0;
  for (let i = prefix.indexOf('/'); i >= 0; i = prefix.indexOf('/', i + 1)) count++;
  return count;
}

function newNode() {
  return { min: 0x7fffffff, entries: [], children: null };
}

function push(map, key, value) {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
