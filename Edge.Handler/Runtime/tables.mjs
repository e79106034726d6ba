import { CountrySets } from './countries.mjs';
import { cacheFields, originFields, redirectFields } from './data.mjs';
import { PathIndex } from './lookup.mjs';

// Turns the builder's data (rules.json's header, rules.bin's tables as data.mjs maps them) into the
// lookup structures, once, at module load. Written by EdgePortal.Edge.Build.RulesTableWriter; defaults
// are already applied there.

export const DATA_FORMAT = 3;

// Sections of the request index, in the order decideRequest consults them.
export const ACCESS = 0;
export const REDIRECTS = 1;
export const ORIGINS = 2;

/**
 * `data`: readData's answer. `prebuilt`: the two index layouts from index.bin (requests, then cache), or
 * null to build them here. `createIndex` builds an index over the sections' rules; the benchmark passes a
 * naive one to compare against, the handler always uses PathIndex.
 */
export function compileTables(
  data,
  prebuilt = null,
  createIndex = (patterns, sections, countrySets, layout) => new PathIndex(patterns, sections, countrySets, layout),
) {
  if (data === null || typeof data !== 'object' || data.format !== DATA_FORMAT) {
    throw new Error(`rules.json: expected data format ${DATA_FORMAT}, found ${data?.format}`);
  }
  const sets = new CountrySets(data.setBits, data.setCount);
  const revision = data.revision;
  return {
    revision: data.revision,
    documentSha256: data.documentSha256,
    unknownCountryBlocks: data.unknownCountry === 'block',
    countrySets: sets,
    geo: data.geo === null ? null : { allow: data.geo.mode === 'allow', set: data.geo.countries },
    blocked: blockedResponse(data.blocked, data.revision),
    // Access rules match whatever the country: the rule found then decides by its own list.
    requests: createIndex(data.requestPatterns, [
      { count: data.access.count, sets: null },
      { count: data.redirects.count, sets: data.redirects.sets },
      { count: data.origins.count, sets: data.origins.sets },
    ], sets, prebuilt?.[0] ?? null),
    access: {
      // Per rule: 1 allow, 0 block.
      allows: data.access.allows,
      sets: data.access.sets,
    },
    redirects: new Targets(data.redirects, (i) => redirectTarget(redirectFields(data, i), revision)),
    origins: new Targets(data.origins, (i) => originFields(data, i)),
    responses: createIndex(data.responsePatterns, [{ count: data.cache.count, sets: null }], sets, prebuilt?.[1] ?? null),
    cache: new Targets(data.cache, (i) => cacheFields(data, i)),
  };
}

/**
 * A section's targets, made the first time a rule asks: module load (the cold start) does not pay for
 * thousands of targets most containers never answer with.
 */
class Targets {
  /** `make(i)` makes target i from the section's target table. */
  constructor(section, make) {
    this.ofRule = section.targets;
    this.made = new Array(section.targetCount).fill(null);
    this.make = make;
  }

  /** The target of rule `rule`. */
  at(rule) {
    const target = this.ofRule[rule];
    const made = this.made[target];
    return made !== null ? made : (this.made[target] = this.make(target));
  }
}

// The strings of generated responses are made here, once, not per request.
const STATUS_TEXT = {
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  403: 'Forbidden',
  451: 'Unavailable For Legal Reasons',
};

function blockedResponse({ status, contentType, body, cacheSeconds }, revision) {
  return {
    status: String(status),
    statusDescription: STATUS_TEXT[status] ?? '',
    contentType,
    cacheControl: `max-age=${cacheSeconds}`,
    revision,
    body,
  };
}

function redirectTarget({ location, status, appendPath, keepQuery, cacheSeconds }, revision) {
  return {
    location,
    // Without a trailing '/', so an appended URI (which starts with '/') does not double it.
    base: location.endsWith('/') ? location.slice(0, -1) : location,
    querySeparator: location.includes('?') ? '&' : '?',
    status: String(status),
    statusDescription: STATUS_TEXT[status] ?? '',
    appendPath,
    keepQuery,
    cacheControl: `max-age=${cacheSeconds}`,
    revision,
  };
}
