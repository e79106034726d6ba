import { isPrefixStar, literalPrefixLength, matches } from './pattern.mjs';

// An index over one section's path patterns that answers "the lowest rule index whose pattern matches
// this URI and which the caller accepts" (first match in list order) without testing every rule:
// patterns without wildcards sit in a map by URI; the others sit in a map by their literal prefix
// (the text before the first '*' or '?'), probed once per distinct prefix length. Each bucket keeps
// its rules in ascending index order, so a probe stops as soon as it cannot beat the best found.
export class PatternIndex {
  constructor(patterns) {
    this.exact = new Map();
    this.byPrefix = new Map();
    const lengths = new Set();
    for (let index = 0; index < patterns.length; index++) {
      const pattern = patterns[index];
      const prefixLength = literalPrefixLength(pattern);
      if (prefixLength === pattern.length) {
        push(this.exact, pattern, index);
        continue;
      }
      const prefix = pattern.slice(0, prefixLength);
      const entry = { index, pattern, prefixLength, prefixStar: isPrefixStar(pattern, prefixLength) };
      push(this.byPrefix, prefix, entry);
      lengths.add(prefixLength);
    }
    this.prefixLengths = Int32Array.from([...lengths].sort((a, b) => a - b));
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
    const lengths = this.prefixLengths;
    for (let i = 0; i < lengths.length; i++) {
      const length = lengths[i];
      if (length > uri.length) break;
      const bucket = this.byPrefix.get(length === uri.length ? uri : uri.slice(0, length));
      if (bucket === undefined) continue;
      for (const entry of bucket) {
        if (entry.index >= best) break;
        if ((entry.prefixStar || matches(entry.pattern, uri, length)) && accept(entry.index)) {
          best = entry.index;
          break;
        }
      }
    }
    return best === Infinity ? -1 : best;
  }
}

function push(map, key, value) {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
