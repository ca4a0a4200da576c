export interface ResourcePath {
  group: string;
  version: string;
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
}

export type ParsedPath =
  | { kind: 'resource'; path: ResourcePath }
  | { kind: 'groupVersion'; group: string; version: string }
  | { kind: 'group'; group: string }
  | { kind: 'root'; core: boolean }
  | { kind: 'other'; path: string };

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

function parseRest(group: string, version: string, segs: string[]): ParsedPath {
  if (segs.length === 0) return { kind: 'groupVersion', group, version };
  if (segs[0] === 'namespaces' && segs.length >= 3 && !(segs.length === 3 && NAMESPACE_SUBRESOURCES.has(segs[2]))) {
    const [, namespace, resource, name, subresource] = segs;
    if (segs.length > 5) return { kind: 'other', path: segs.join('/') };
    return { kind: 'resource', path: { group, version, namespace, resource, name, subresource } };
  }
  if (segs.length > 3) return { kind: 'other', path: segs.join('/') };
  const [resource, name, subresource] = segs;
  return { kind: 'resource', path: { group, version, resource, name, subresource } };
}

/** Splits a Kubernetes API path into group, version, namespace, resource, name and subresource. */
export function parseApiPath(pathname: string): ParsedPath {
  const segs = pathname.split('/').filter((s) => s.length > 0).map(decodeURIComponent);
  if (segs[0] === 'api') {
    if (segs.length === 1) return { kind: 'root', core: true };
    return parseRest('', segs[1], segs.slice(2));
  }
  if (segs[0] === 'apis') {
    if (segs.length === 1) return { kind: 'root', core: false };
    if (segs.length === 2) return { kind: 'group', group: segs[1] };
    return parseRest(segs[1], segs[2], segs.slice(3));
  }
  return { kind: 'other', path: pathname };
}
