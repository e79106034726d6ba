// CloudFront path patterns: '*' matches any run of characters (also none, also '/'), '?' matches
// exactly one character (one UTF-16 code unit, as in .NET), everything else matches itself,
// case-sensitively, and the pattern must cover the whole URI. Patterns are data: they are never
// turned into code or regular expressions.

const STAR = 42;
const QUESTION = 63;

/**
 * Whole-URI match, starting both strings at `start` (callers that already compared a literal prefix
 * skip it). Greedy with one backtrack point: on a mismatch after a '*', that '*' takes one more character.
 */
export function matches(pattern, uri, start = 0) {
  const patternLength = pattern.length;
  const uriLength = uri.length;
  let p = start;
  let u = start;
  let starP = -1;
  let starU = 0;
  while (u < uriLength) {
    if (p < patternLength) {
      const c = pattern.charCodeAt(p);
      if (c === STAR) {
        starP = p++;
        starU = u;
        continue;
      }
      if (c === QUESTION || c === uri.charCodeAt(u)) {
        p++;
        u++;
        continue;
      }
    }
    if (starP < 0) return false;
    p = starP + 1;
    u = ++starU;
  }
  while (p < patternLength && pattern.charCodeAt(p) === STAR) p++;
  return p === patternLength;
}
