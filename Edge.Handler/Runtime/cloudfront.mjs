import { decideCacheControl, decideRequest } from './decide.mjs';

// CloudFront event shapes in and out. Headers in events are keyed by lower-case name, each an array of
// { key: 'Original-Case', value }. The handler only ever writes content-type, cache-control, location,
// host and x-edgeportal-revision: none of them is forbidden or read-only for Lambda@Edge.

// CloudFront's own timeouts for a custom origin, used when the request's origin has none (an S3 origin).
const DEFAULT_READ_TIMEOUT = 30;
const DEFAULT_KEEPALIVE_TIMEOUT = 5;

/** Never throws: anything unexpected passes the request or response through unchanged. */
export function handleEvent(tables, event) {
  let cf = null;
  try {
    cf = event?.Records?.[0]?.cf ?? null;
    if (cf === null || typeof cf !== 'object') return malformed(tables, event, 'the event has no Records[0].cf');
    switch (cf.config?.eventType) {
      case 'origin-request':
        return originRequest(tables, cf, event);
      case 'origin-response':
        return originResponse(tables, cf, event);
      default:
        return passThrough(cf, event);
    }
  } catch (error) {
    const fallback = cf !== null && typeof cf === 'object' ? passThrough(cf, event) : event;
    return malformed(tables, fallback, `unexpected error: ${error?.message ?? error}`);
  }
}

function originRequest(tables, cf, event) {
  const request = cf.request;
  if (!isRequest(request)) return malformed(tables, request ?? event, 'origin-request without a request uri and headers');
  const querystring = typeof request.querystring === 'string' ? request.querystring : '';
  const decision = decideRequest(tables, request.uri, viewerCountry(request.headers), querystring);
  if (decision === null) return request;
  switch (decision.kind) {
    case 'block':
      return blockedResponse(tables.blocked);
    case 'redirect':
      return redirectResponse(decision.target, decision.location);
    default:
      rewriteOrigin(request, decision.target);
      return request;
  }
}

function originResponse(tables, cf, event) {
  const { request, response } = cf;
  if (!isRequest(request) || !isObject(response) || !isObject(response.headers)) {
    return malformed(tables, response ?? event, 'origin-response without a request uri or response headers');
  }
  const value = decideCacheControl(tables, request.uri, headerValue(response.headers, 'cache-control'));
  if (value !== null) response.headers['cache-control'] = [{ key: 'Cache-Control', value }];
  return response;
}

/** Other events: what CloudFront expects back unchanged (the response for response events). */
function passThrough(cf, event) {
  const eventType = cf.config?.eventType;
  if (typeof eventType === 'string' && eventType.endsWith('-response') && cf.response !== undefined) return cf.response;
  return cf.request ?? event;
}

function blockedResponse(blocked) {
  return {
    status: blocked.status,
    statusDescription: blocked.statusDescription,
    headers: {
      'content-type': [{ key: 'Content-Type', value: blocked.contentType }],
      'cache-control': [{ key: 'Cache-Control', value: blocked.cacheControl }],
      'x-edgeportal-revision': [{ key: 'X-EdgePortal-Revision', value: blocked.revision }],
    },
    body: blocked.body,
    bodyEncoding: 'text',
  };
}

function redirectResponse(target, location) {
  return {
    status: target.status,
    statusDescription: target.statusDescription,
    headers: {
      location: [{ key: 'Location', value: location }],
      'cache-control': [{ key: 'Cache-Control', value: target.cacheControl }],
      'x-edgeportal-revision': [{ key: 'X-EdgePortal-Revision', value: target.revision }],
    },
  };
}

// A new custom origin, built whole: the old origin's custom headers may hold a secret meant for it alone
// (X-Origin-Verify), and its path, port and protocol belong to that host. Only the timeouts, CloudFront's
// settings for the connection, are kept. Keys in the order CloudFront sends them.
function rewriteOrigin(request, target) {
  const old = request.origin?.custom;
  request.origin = {
    custom: {
      customHeaders: {},
      domainName: target.domainName,
      keepaliveTimeout: timeoutOf(old, 'keepaliveTimeout', DEFAULT_KEEPALIVE_TIMEOUT),
      path: target.path,
      port: target.port,
      protocol: target.protocol,
      readTimeout: timeoutOf(old, 'readTimeout', DEFAULT_READ_TIMEOUT),
      sslProtocols: ['TLSv1.2'],
    },
  };
  request.headers.host = [{ key: 'Host', value: target.domainName }];
}

function timeoutOf(custom, name, fallback) {
  const value = isObject(custom) ? custom[name] : undefined;
  return typeof value === 'number' ? value : fallback;
}

/** The first cloudfront-viewer-country value, upper-cased (ASCII only); null when absent or empty. */
function viewerCountry(headers) {
  const entries = headers['cloudfront-viewer-country'];
  if (!Array.isArray(entries) || entries.length === 0) return null;
  const entry = entries[0];
  if (!isObject(entry) || typeof entry.value !== 'string' || entry.value === '') return null;
  const value = entry.value;
  // Country codes arrive upper-case: only rebuild the string when an ASCII lower-case letter is there.
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) return value.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
  }
  return value;
}

/** The header's value (entries joined by ", "), or null when the header is absent. */
function headerValue(headers, name) {
  const entries = headers[name];
  if (!Array.isArray(entries) || entries.length === 0) return null;
  let joined = null;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (isObject(entry) && typeof entry.value === 'string') joined = joined === null ? entry.value : `${joined}, ${entry.value}`;
  }
  return joined;
}

function isRequest(request) {
  return isObject(request) && typeof request.uri === 'string' && isObject(request.headers);
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function malformed(tables, returned, reason) {
  console.error(JSON.stringify({ edgeportal: 'malformed event passed through unchanged', reason, revision: tables.revision }));
  return returned;
}
