import type { JsonObject } from '../util/json.ts';
import type { Registry } from '../registry/registry.ts';
import type { ResourceType } from '../registry/resource-type.ts';

const GROUP_ORDER = ['', 'apps', 'events.k8s.io', 'authorization.k8s.io', 'batch', 'coordination.k8s.io', 'discovery.k8s.io', 'policy', 'storage.k8s.io', 'apiextensions.k8s.io'];

function groupRank(g: string): number {
  const i = GROUP_ORDER.indexOf(g);
  return i === -1 ? GROUP_ORDER.length : i;
}

function sortedGroups(registry: Registry): { group: string; versions: string[] }[] {
  const groups = new Map<string, Set<string>>();
  for (const gv of registry.groupVersions()) {
    if (!groups.has(gv.group)) groups.set(gv.group, new Set());
    groups.get(gv.group)!.add(gv.version);
  }
  return [...groups.entries()]
    .map(([group, vs]) => ({ group, versions: [...vs].sort().reverse() }))
    .sort((a, b) => groupRank(a.group) - groupRank(b.group) || a.group.localeCompare(b.group));
}

export function apiVersions(serverAddress: string): JsonObject {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

export function apiGroupList(registry: Registry): JsonObject {
  const groups = sortedGroups(registry)
    .filter((g) => g.group !== '')
    .map((g) => apiGroup(g.group, g.versions));
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

export function apiGroup(group: string, versions: string[]): JsonObject {
  const vs = versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v }));
  return { kind: 'APIGroup', apiVersion: 'v1', name: group, versions: vs, preferredVersion: vs[0] };
}

export function groupVersionsOf(registry: Registry, group: string): string[] {
  return sortedGroups(registry).find((g) => g.group === group)?.versions ?? [];
}

function legacyResource(t: ResourceType): JsonObject[] {
  const main: JsonObject = {
    name: t.resource,
    singularName: t.singular,
    namespaced: t.namespaced,
    kind: t.kind,
    verbs: t.verbs,
  };
  if (t.shortNames.length) main.shortNames = t.shortNames;
  if (t.categories.length) main.categories = t.categories;
  main.storageVersionHash = Buffer.from(`${t.group}/${t.resource}`).toString('base64').slice(0, 11);
  const subs = t.subresources.map((s) => {
    const entry: JsonObject = { name: `${t.resource}/${s.name}`, singularName: '', namespaced: t.namespaced, kind: s.kind, verbs: s.verbs };
    if (s.group !== undefined) entry.group = s.group;
    if (s.version !== undefined) entry.version = s.version;
    return entry;
  });
  return [main, ...subs];
}

export function apiResourceList(registry: Registry, group: string, version: string): JsonObject {
  const resources = registry
    .resourcesOf(group, version)
    .sort((a, b) => a.resource.localeCompare(b.resource))
    .flatMap(legacyResource);
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

function aggregatedResource(t: ResourceType): JsonObject {
  const r: JsonObject = {
    resource: t.resource,
    responseKind: { group: t.group, version: t.version, kind: t.kind },
    scope: t.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: t.singular,
    verbs: t.verbs,
  };
  if (t.shortNames.length) r.shortNames = t.shortNames;
  if (t.categories.length) r.categories = t.categories;
  if (t.subresources.length) {
    r.subresources = t.subresources.map((s) => ({
      subresource: s.name,
      responseKind: { group: s.group ?? t.group, version: s.version ?? t.version, kind: s.kind },
      verbs: s.verbs,
    }));
  }
  return r;
}

/** apidiscovery.k8s.io/v2 APIGroupDiscoveryList for /api (core) or /apis (every other group). */
export function aggregatedDiscovery(registry: Registry, core: boolean, apiVersion: string): JsonObject {
  const items = sortedGroups(registry)
    .filter((g) => (g.group === '') === core)
    .map((g) => ({
      metadata: { name: g.group, creationTimestamp: null },
      versions: g.versions.map((v) => ({
        version: v,
        resources: registry.resourcesOf(g.group, v).sort((a, b) => a.resource.localeCompare(b.resource)).map(aggregatedResource),
        freshness: 'Current',
      })),
    }));
  return { kind: 'APIGroupDiscoveryList', apiVersion, metadata: {}, items };
}
