// The naive baseline: every rule's pattern as a RegExp, tested in list order until one matches (and
// takes the request's country), section by section. It answers like the handler's PathIndex.
// Benchmark only: the handler itself never turns operator text into a RegExp.
const NONE = 0x7fffffff;

export class RegExpIndex {
  /** Arguments as PathIndex takes them (lookup.mjs). */
  constructor(patterns, sections, countrySets) {
    this.countrySets = countrySets;
    let first = 0;
    this.sections = sections.map(({ count, sets }) => {
      const rules = Array.from({ length: count }, (_, i) => ({
        regexp: new RegExp(`^${toRegExpSource(patterns.at(first + i))}$`, 's'),
        set: sets !== null && sets[i] >= 0 && !countrySets.empty[sets[i]] ? sets[i] : -1,
      }));
      first += count;
      return rules;
    });
  }

  find(uri, country, best) {
    for (let s = 0; s < this.sections.length; s++) {
      const rules = this.sections[s];
      best[s] = NONE;
      for (let i = 0; i < rules.length; i++) {
        const rule = rules[i];
        if (rule.regexp.test(uri) && (rule.set < 0 || this.countrySets.has(rule.set, country))) {
          best[s] = i;
          break;
        }
      }
    }
  }
}

function toRegExpSource(pattern) {
  return pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
}
