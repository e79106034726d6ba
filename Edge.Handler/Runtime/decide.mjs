// The decision for one request, in the contract's order (docs/rules-document.md, "What a request gets").
// Pure: no event shapes here, only the URI, the country (null for none) and the query string.
import { UriView } from './lookup.mjs';

// The URI is split once per request and the split shared by the sections it consults; reset for every request.
const view = new UriView();

/** Geo, access, redirects, origins. Returns { kind: 'block' | 'redirect' | 'origin', ... } or null (unchanged). */
export function decideRequest(tables, uri, country, querystring) {
  const geo = tables.geo;
  if (geo !== null && isBlocked(geo.allow, geo.countries, country, tables.unknownCountryBlocks)) {
    return { kind: 'block' };
  }
  view.reset(uri);
  const access = tables.access;
  const accessRule = access.index.first(uri, null, null, view);
  if (accessRule >= 0) {
    if (isBlocked(access.allow[accessRule], access.countries[accessRule], country, tables.unknownCountryBlocks)) {
      return { kind: 'block' };
    }
  }
  const redirects = tables.redirects;
  const redirect = redirects.index.first(uri, redirects.accept, country, view);
  if (redirect >= 0) {
    const target = redirects.targets[redirect];
    return {
      kind: 'redirect',
      status: target.status,
      location: redirectLocation(target, uri, querystring),
      cacheSeconds: target.cacheSeconds,
    };
  }
  const origins = tables.origins;
  const origin = origins.index.first(uri, origins.accept, country, view);
  if (origin >= 0) {
    const target = origins.targets[origin];
    return { kind: 'origin', domainName: target.domainName, originPath: target.originPath };
  }
  return null;
}

/** The Cache-Control value to set at origin-response, or null to leave the response's header as it is. */
export function decideCacheControl(tables, uri, existing) {
  const cache = tables.cache;
  const rule = cache.index.first(uri, null, null);
  if (rule < 0) return null;
  const target = cache.targets[rule];
  if (target.value === null) return null;
  if (target.onlyWhenAbsent && existing !== null && existing !== '') return null;
  return target.value;
}

function isBlocked(allowListed, countries, country, unknownCountryBlocks) {
  if (country === null) return unknownCountryBlocks;
  return allowListed ? !countries.has(country) : countries.has(country);
}

function redirectLocation(target, uri, querystring) {
  let location = target.location;
  if (target.appendPath) {
    location = (location.endsWith('/') ? location.slice(0, -1) : location) + uri;
  }
  if (target.keepQuery && querystring !== '') {
    // The separator depends on the configured location only, not on an appended URI.
    location += (target.location.includes('?') ? '&' : '?') + querystring;
  }
  return location;
}
