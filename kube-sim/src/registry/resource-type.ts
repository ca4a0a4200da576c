import type { JsonObject } from '../util/json.ts';

export interface SubresourceType {
  name: string;
  kind: string;
  /** Set when the subresource's kind lives in another group-version (pods/eviction → policy/v1). */
  group?: string;
  version?: string;
  verbs: string[];
}

export type FieldExtractor = (obj: JsonObject) => string | undefined;

/** Everything kube-sim knows about one served resource: discovery, routing, selectors, strategy. */
export interface ResourceType {
  group: string;
  version: string;
  resource: string;
  kind: string;
  listKind: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  subresources: SubresourceType[];
  /** Extra field selectors beyond metadata.name and metadata.namespace. */
  fieldSelectors: Record<string, FieldExtractor>;
  /** Updates of the main resource leave status alone and /status leaves the rest alone. */
  statusSubresource: boolean;
  /** metadata.generation is bumped when anything but metadata and status changes. */
  tracksGeneration: boolean;
  /** Set for resources served from a CRD. */
  crdName?: string;
}

export const CRUD_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export function apiVersionOf(t: { group: string; version: string }): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/** The key a resource's objects live under in the store: group/resource. */
export function resourceKey(t: { group: string; resource: string }): string {
  return `${t.group}/${t.resource}`;
}
