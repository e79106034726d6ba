// The naive baseline: every rule's pattern as a RegExp, tested in list order until one matches.
// Benchmark only: the handler itself never turns operator text into a RegExp.
export class RegExpIndex {
  constructor(patterns) {
    this.regexps = patterns.map((pattern) => new RegExp(`^${toRegExpSource(pattern)}$`, 's'));
  }

  first(uri, accept, context) {
    for (let i = 0; i < this.regexps.length; i++) {
      if (this.regexps[i].test(uri) && (accept === null || accept(i, context))) return i;
    }
    return -1;
  }
}

function toRegExpSource(pattern) {
  return pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
}
