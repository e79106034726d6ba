// Country sets as bitsets, WORDS numbers a set, as rules.bin holds them (RulesBinaryWriter writes the
// same). A country code is two upper-case ASCII letters, numbered 0..675 ("AA" is 0, "ZZ" is 675); the
// builder only writes such codes. A viewer country of any other shape is a country too,
// just in no set: it gets -1 here, and `has` answers false for it.

const LETTERS = 26;
const WORDS = Math.ceil((LETTERS * LETTERS) / 32);

/** The number of a two-letter upper-case code, or -1 for any other text. */
export function countryNumber(code) {
  if (code.length !== 2) return -1;
  const first = code.charCodeAt(0) - 65;
  const second = code.charCodeAt(1) - 65;
  if (first < 0 || first >= LETTERS || second < 0 || second >= LETTERS) return -1;
  return first * LETTERS + second;
}

export class CountrySets {
  /** `bits`: WORDS numbers a set (from rules.bin, or `of`); set i is then asked about as i. */
  constructor(bits, count) {
    this.bits = bits;
    this.count = count;
    this.emptyFlags = null;
  }

  /** Sets from lists of country codes (tests and tools; the builder writes the bits ready-made). */
  static of(lists) {
    const bits = new Int32Array(Math.max(1, lists.length) * WORDS);
    lists.forEach((codes, set) => {
      for (const code of codes) {
        const number = countryNumber(code);
        if (number < 0) throw new Error(`country set ${set} holds "${code}", not a two-letter upper-case code`);
        bits[set * WORDS + (number >>> 5)] |= 1 << (number & 31);
      }
    });
    return new CountrySets(bits, lists.length);
  }

  /** Per set, 1 when it holds no country. Only building an index at load asks; worked out then. */
  get empty() {
    if (this.emptyFlags === null) {
      const flags = new Uint8Array(this.count);
      for (let set = 0; set < this.count; set++) {
        let any = 0;
        for (let w = 0; w < WORDS; w++) any |= this.bits[set * WORDS + w];
        flags[set] = any === 0 ? 1 : 0;
      }
      this.emptyFlags = flags;
    }
    return this.emptyFlags;
  }

  /** True when set `set` holds the country numbered `number` (from countryNumber; -1 is in no set). */
  has(set, number) {
    return number >= 0 && (this.bits[set * WORDS + (number >>> 5)] & (1 << (number & 31))) !== 0;
  }
}
