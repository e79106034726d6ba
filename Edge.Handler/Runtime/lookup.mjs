import { isPrefixStar, literalPrefixLength, literalSuffixLength, matches } from './pattern.mjs';

// An index over one section's path patterns that answers "the lowest rule index whose pattern matches
// this URI and which the caller accepts" (first match in list order) without testing every rule.
// Every pattern sits in exactly one place:
// - no wildcard: a map by the URI it matches;
// - ending in a wildcard: a map by its literal prefix (the text before the first '*' or '?'),
//   probed once per distinct prefix length;
// - ending in literal text (like '/shows/*/trailer.m3u8'): a map by that literal suffix, probed once
//   per distinct suffix length.
// Each list keeps its rules in ascending index order, so a probe stops as soon as it cannot beat the
// best rule found so far; candidates are confirmed with the full matcher.
export class PatternIndex {
  constructor(patterns) {
    this.exact = new Map();
    this.byPrefix = new Map();
    this.bySuffix = new Map();
    const prefixLengths = new Set();
    const suffixLengths = new Set();
    for (let index = 0; index < patterns.length; index++) {
      const pattern = patterns[index];
      const prefixLength = literalPrefixLength(pattern);
      if (prefixLength === pattern.length) {
        push(this.exact, pattern, index);
        continue;
      }
      const prefix = pattern.slice(0, prefixLength);
      const suffixLength = literalSuffixLength(pattern);
      const entry = { index, pattern, prefix, prefixStar: isPrefixStar(pattern, prefixLength) };
      if (suffixLength === 0) {
        push(this.byPrefix, prefix, entry);
        prefixLengths.add(prefixLength);
      } else {
        push(this.bySuffix, pattern.slice(pattern.length - suffixLength), entry);
        suffixLengths.add(suffixLength);
      }
    }
    this.prefixLengths = Int32Array.from([...prefixLengths].sort((a, b) => a - b));
    this.suffixLengths = Int32Array.from([...suffixLengths].sort((a, b) => a - b));
  }

  /** The lowest index whose pattern matches `uri` and for which `accept(index)` is true, or -1. */
  first(uri, accept) {
    let best = Infinity;
    const exact = this.exact.get(uri);
    if (exact !== undefined) {
      for (const index of exact) {
        if (accept(index)) {
          best = index;
          break;
        }
      }
    }
    const length = uri.length;
    for (const prefixLength of this.prefixLengths) {
      if (prefixLength > length) break;
      const list = this.byPrefix.get(prefixLength === length ? uri : uri.slice(0, prefixLength));
      if (list !== undefined) best = firstInList(list, uri, accept, best);
    }
    for (const suffixLength of this.suffixLengths) {
      if (suffixLength > length) break;
      const list = this.bySuffix.get(suffixLength === length ? uri : uri.slice(length - suffixLength));
      if (list !== undefined) best = firstInList(list, uri, accept, best);
    }
    return best === Infinity ? -1 : best;
  }
}

function firstInList(list, uri, accept, best) {
  for (const entry of list) {
    if (entry.index >= best) break;
    if (entry.prefixStar) {
      // Found through its prefix, which is all a "prefix*" pattern asks for.
      if (accept(entry.index)) return entry.index;
    } else if (uri.startsWith(entry.prefix) && matches(entry.pattern, uri, entry.prefix.length) && accept(entry.index)) {
      return entry.index;
    }
  }
  return best;
}

function push(map, key, value) {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
