import { PatternIndex } from './lookup.mjs';

// Turns the builder's compact data (rules.json) into lookup structures, once, at module load.
// The data format is written by EdgePortal.Edge.Build.RulesTableWriter; defaults are already applied there.

export const DATA_FORMAT = 1;

/**
 * `createIndex` builds the index over one section's patterns; the benchmark passes a naive one to
 * compare against, the handler always uses PatternIndex.
 */
export function compileTables(data, createIndex = (patterns) => new PatternIndex(patterns)) {
  if (data === null || typeof data !== 'object' || data.format !== DATA_FORMAT) {
    throw new Error(`rules.json: expected data format ${DATA_FORMAT}, found ${data?.format}`);
  }
  const sets = data.countrySets.map((codes) => new Set(codes));
  return {
    revision: data.revision,
    documentSha256: data.documentSha256,
    unknownCountryBlocks: data.unknownCountry === 'block',
    geo: data.geo === null ? null : { allow: data.geo.mode === 'allow', countries: sets[data.geo.countries] },
    blocked: data.blocked,
    access: {
      index: createIndex(data.access.paths),
      allow: Array.from(data.access.modes, (mode) => mode === 'a'),
      countries: data.access.countries.map((i) => sets[i]),
    },
    redirects: countryTargetSection(data.redirects, sets, redirectTarget, createIndex),
    origins: countryTargetSection(data.origins, sets, originTarget, createIndex),
    cache: {
      index: createIndex(data.cache.paths),
      targets: data.cache.targets.map((i) => cacheTarget(data.cache.targetTable[i])),
    },
  };
}

function countryTargetSection(section, sets, toTarget, createIndex) {
  const table = section.targetTable.map(toTarget);
  const countries = section.countries.map((i) => sets[i]);
  return {
    index: createIndex(section.paths),
    countries,
    // Built once here so a lookup allocates no closure: an empty list means every request.
    accept: (i, country) => countries[i].size === 0 || (country !== null && countries[i].has(country)),
    targets: section.targets.map((i) => table[i]),
  };
}

function redirectTarget([location, status, appendPath, keepQuery, cacheSeconds]) {
  return { location, status, appendPath: appendPath === 1, keepQuery: keepQuery === 1, cacheSeconds };
}

function originTarget([domainName, originPath]) {
  return { domainName, originPath };
}

function cacheTarget([value, mode]) {
  return { value, onlyWhenAbsent: mode === 'default' };
}
