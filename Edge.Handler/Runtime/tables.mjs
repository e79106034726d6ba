import { CountrySets } from './countries.mjs';
import { PathIndex } from './lookup.mjs';

// Turns the builder's compact data (rules.json) into lookup structures, once, at module load.
// The data format is written by EdgePortal.Edge.Build.RulesTableWriter; defaults are already applied there.

export const DATA_FORMAT = 2;

// Sections of the request index, in the order decideRequest consults them.
export const ACCESS = 0;
export const REDIRECTS = 1;
export const ORIGINS = 2;

/**
 * `prebuilt`: the two index layouts from index.bin (requests, then cache), or null to build them here.
 * `createIndex` builds an index over the sections' rules; the benchmark passes a naive one to compare
 * against, the handler always uses PathIndex.
 */
export function compileTables(data, prebuilt = null, createIndex = (sections, countrySets, layout) => new PathIndex(sections, countrySets, layout)) {
  if (data === null || typeof data !== 'object' || data.format !== DATA_FORMAT) {
    throw new Error(`rules.json: expected data format ${DATA_FORMAT}, found ${data?.format}`);
  }
  const sets = new CountrySets(data.countrySets);
  const revision = data.revision;
  return {
    revision: data.revision,
    documentSha256: data.documentSha256,
    unknownCountryBlocks: data.unknownCountry === 'block',
    countrySets: sets,
    geo: data.geo === null ? null : { allow: data.geo.mode === 'allow', set: data.geo.countries },
    blocked: blockedResponse(data.blocked, data.revision),
    // Access rules match whatever the country: the rule found then decides by its own list.
    requests: createIndex([
      { paths: data.access.paths, sets: null },
      { paths: data.redirects.paths, sets: data.redirects.countries },
      { paths: data.origins.paths, sets: data.origins.countries },
    ], sets, prebuilt?.[0] ?? null),
    access: {
      // One character per rule: 'a' allow, 'b' block.
      modes: data.access.modes,
      sets: data.access.countries,
    },
    redirects: new Targets(data.redirects, (columns, i) => redirectTarget(columns, i, revision)),
    origins: new Targets(data.origins, originTarget),
    responses: createIndex([{ paths: data.cache.paths, sets: null }], sets, prebuilt?.[1] ?? null),
    cache: new Targets(data.cache, cacheTarget),
  };
}

/**
 * A section's targets, made from the data the first time a rule asks: module load (the cold start) does
 * not pay for thousands of targets most containers never answer with.
 */
class Targets {
  /** `make(columns, i)` makes target i from the section's targetTable, one array per field. */
  constructor(section, make) {
    this.ofRule = section.targets;
    this.columns = section.targetTable;
    this.made = new Array(section.targetTable.count).fill(null);
    this.make = make;
  }

  /** The target of rule `rule`. */
  at(rule) {
    const target = this.ofRule[rule];
    const made = this.made[target];
    return made !== null ? made : (this.made[target] = this.make(this.columns, target));
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

function redirectTarget(columns, i, revision) {
  const location = columns.location[i];
  const status = columns.status[i];
  return {
    location,
    // Without a trailing '/', so an appended URI (which starts with '/') does not double it.
    base: location.endsWith('/') ? location.slice(0, -1) : location,
    querySeparator: location.includes('?') ? '&' : '?',
    status: String(status),
    statusDescription: STATUS_TEXT[status] ?? '',
    appendPath: columns.appendPath[i] === 1,
    keepQuery: columns.keepQuery[i] === 1,
    cacheControl: `max-age=${columns.cacheSeconds[i]}`,
    revision,
  };
}

function originTarget(columns, i) {
  return { domainName: columns.domainName[i], path: columns.originPath[i], port: columns.port[i], protocol: columns.protocol[i] };
}

function cacheTarget(columns, i) {
  return { value: columns.value[i], onlyWhenAbsent: columns.mode[i] === 'default' };
}
