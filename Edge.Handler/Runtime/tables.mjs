import { CountrySets } from './countries.mjs';
import { PathIndex } from './lookup.mjs';

// Turns the builder's compact data (rules.json) into lookup structures, once, at module load.
// The data format is written by EdgePortal.Edge.Build.RulesTableWriter; defaults are already applied there.

export const DATA_FORMAT = 1;

// Sections of the request index, in the order decideRequest consults them.
export const ACCESS = 0;
export const REDIRECTS = 1;
export const ORIGINS = 2;

/**
 * `createIndex` builds the index over the sections' rules; the benchmark passes a naive one to compare
 * against, the handler always uses PathIndex.
 */
export function compileTables(data, createIndex = (sections, countrySets) => new PathIndex(sections, countrySets)) {
  if (data === null || typeof data !== 'object' || data.format !== DATA_FORMAT) {
    throw new Error(`rules.json: expected data format ${DATA_FORMAT}, found ${data?.format}`);
  }
  const sets = new CountrySets(data.countrySets);
  const redirectTable = data.redirects.targetTable.map((target) => redirectTarget(target, data.revision));
  const originTable = data.origins.targetTable.map(originTarget);
  const cacheTable = data.cache.targetTable.map(cacheTarget);
  return {
    revision: data.revision,
    documentSha256: data.documentSha256,
    unknownCountryBlocks: data.unknownCountry === 'block',
    countrySets: sets,
    geo: data.geo === null ? null : { allow: data.geo.mode === 'allow', set: data.geo.countries },
    blocked: blockedResponse(data.blocked, data.revision),
    // Access rules match whatever the country: the rule found then decides by its own list.
    requests: createIndex([
      rules(data.access.paths, null),
      rules(data.redirects.paths, data.redirects.countries),
      rules(data.origins.paths, data.origins.countries),
    ], sets),
    access: {
      allow: Array.from(data.access.modes, (mode) => mode === 'a'),
      sets: data.access.countries,
    },
    redirects: data.redirects.targets.map((i) => redirectTable[i]),
    origins: data.origins.targets.map((i) => originTable[i]),
    responses: createIndex([rules(data.cache.paths, null)], sets),
    cache: data.cache.targets.map((i) => cacheTable[i]),
  };
}

/** Rules as PathIndex takes them: a set of -1 takes every request (an empty set does too). */
function rules(paths, sets) {
  return paths.map((path, i) => ({ path, set: sets === null ? -1 : sets[i] }));
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

function redirectTarget([location, status, appendPath, keepQuery, cacheSeconds], revision) {
  return {
    location,
    // Without a trailing '/', so an appended URI (which starts with '/') does not double it.
    base: location.endsWith('/') ? location.slice(0, -1) : location,
    querySeparator: location.includes('?') ? '&' : '?',
    status: String(status),
    statusDescription: STATUS_TEXT[status] ?? '',
    appendPath: appendPath === 1,
    keepQuery: keepQuery === 1,
    cacheControl: `max-age=${cacheSeconds}`,
    revision,
  };
}

function originTarget([domainName, originPath]) {
  return { domainName, originPath };
}

function cacheTarget([value, mode]) {
  return { value, onlyWhenAbsent: mode === 'default' };
}
