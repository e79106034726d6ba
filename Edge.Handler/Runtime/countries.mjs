// Country sets as bitsets. A country code is two upper-case ASCII letters, numbered 0..675 ("AA" is 0,
// "ZZ" is 675); the builder only writes such codes. A viewer country of any other shape is a country too,
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
  /** `sets` lists the country codes of each set; set i is then asked about as i. */
  constructor(sets) {
    // Plain indexed loops: this runs at module load (a cold start), before the engine has optimised
    // anything, for every set of the document (a thousand at 10,000 rules).
    this.bits = new Int32Array(Math.max(1, sets.length) * WORDS);
    this.empty = new Uint8Array(sets.length);
    for (let set = 0; set < sets.length; set++) {
      const codes = sets[set];
      if (codes.length === 0) this.empty[set] = 1;
      for (let i = 0; i < codes.length; i++) {
        const number = countryNumber(codes[i]);
        if (number < 0) throw new Error(`rules.json: country set ${set} holds "${codes[i]}", not a two-letter upper-case code`);
        this.bits[set * WORDS + (number >>> 5)] |= 1 << (number & 31);
      }
    }
  }

  /** True when set `set` holds the country numbered `number` (from countryNumber; -1 is in no set). */
  has(set, number) {
    return number >= 0 && (this.bits[set * WORDS + (number >>> 5)] & (1 << (number & 31))) !== 0;
  }
}
