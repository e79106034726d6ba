// The decision for one request, in the contract's order (docs/rules-document.md, "What a request gets").
// Pure: no event shapes here, only the URI, the country (null for none) and the query string.
import { countryNumber } from './countries.mjs';
import { NO_COUNTRY, NONE } from './lookup.mjs';
import { ACCESS, ORIGINS, REDIRECTS } from './tables.mjs';

const BLOCK = Object.freeze({ kind: 'block' });

// One lookup answers access, redirects and origins together; its answers land here, reset every request.
const found = new Int32Array(3);
const foundCache = new Int32Array(1);

/**
 * Geo, access, redirects, origins. Returns { kind: 'block' }, { kind: 'redirect', target, location },
 * { kind: 'origin', target } (targets as tables.mjs builds them), or null (unchanged).
 */
export function decideRequest(tables, uri, country, querystring) {
  const number = country === null ? NO_COUNTRY : countryNumber(country);
  const geo = tables.geo;
  if (geo !== null && isBlocked(tables, geo.allow, geo.set, number)) return BLOCK;
  tables.requests.find(uri, number, found);
  const accessRule = found[ACCESS];
  if (accessRule !== NONE) {
    const access = tables.access;
    if (isBlocked(tables, access.allows[accessRule] === 1, access.sets[accessRule], number)) return BLOCK;
  }
  const redirect = found[REDIRECTS];
  if (redirect !== NONE) {
    const target = tables.redirects.at(redirect);
    return { kind: 'redirect', target, location: redirectLocation(target, uri, querystring) };
  }
  const origin = found[ORIGINS];
  if (origin !== NONE) return { kind: 'origin', target: tables.origins.at(origin) };
  return null;
}

/** The Cache-Control value to set at origin-response, or null to leave the response's header as it is. */
export function decideCacheControl(tables, uri, existing) {
  tables.responses.find(uri, NO_COUNTRY, foundCache);
  const rule = foundCache[0];
  if (rule === NONE) return null;
  const target = tables.cache.at(rule);
  if (target.value === null) return null;
  if (target.onlyWhenAbsent && existing !== null && existing !== '') return null;
  return target.value;
}

function isBlocked(tables, allowListed, set, number) {
  if (number === NO_COUNTRY) return tables.unknownCountryBlocks;
  return allowListed !== tables.countrySets.has(set, number);
}

function redirectLocation(target, uri, querystring) {
  let location = target.appendPath ? target.base + uri : target.location;
  // The separator depends on the configured location only, not on an appended URI.
  if (target.keepQuery && querystring !== '') location += target.querySeparator + querystring;
  return location;
}
