import type { ResourceType } from './resource-type.ts';
import { BUILTIN_RESOURCES } from './builtin.ts';

export interface GroupVersion {
  group: string;
  version: string;
}

/** The set of served resources: built-ins plus those of Established CRDs. */
export class Registry {
  private readonly types = new Map<string, ResourceType>();
  private readonly listeners: (() => void)[] = [];
  private generationCounter = 0;

  constructor() {
    for (const t of BUILTIN_RESOURCES) this.types.set(this.key(t.group, t.version, t.resource), t);
  }

  private key(group: string, version: string, resource: string): string {
    return `${group}/${version}/${resource}`;
  }

  /** Changes whenever the served set changes (discovery and OpenAPI hashes use it). */
  get generation(): number {
    return this.generationCounter;
  }

  onChange(fn: () => void): void {
    this.listeners.push(fn);
  }

  lookup(group: string, version: string, resource: string): ResourceType | undefined {
    return this.types.get(this.key(group, version, resource));
  }

  /** The storage type for a group/resource pair, whatever version asked. */
  byGroupResource(group: string, resource: string): ResourceType | undefined {
    for (const t of this.types.values()) if (t.group === group && t.resource === resource) return t;
    return undefined;
  }

  byKind(apiVersion: string, kind: string): ResourceType | undefined {
    for (const t of this.types.values()) {
      const av = t.group ? `${t.group}/${t.version}` : t.version;
      if (av === apiVersion && t.kind === kind) return t;
    }
    return undefined;
  }

  all(): ResourceType[] {
    return [...this.types.values()];
  }

  groupVersions(): GroupVersion[] {
    const seen = new Map<string, GroupVersion>();
    for (const t of this.types.values()) seen.set(`${t.group}/${t.version}`, { group: t.group, version: t.version });
    return [...seen.values()];
  }

  resourcesOf(group: string, version: string): ResourceType[] {
    return this.all().filter((t) => t.group === group && t.version === version);
  }

  /** Replaces every type that came from `crdName` with `types`. */
  setCrdTypes(crdName: string, types: ResourceType[]): void {
    for (const [k, t] of this.types) if (t.crdName === crdName) this.types.delete(k);
    for (const t of types) this.types.set(this.key(t.group, t.version, t.resource), { ...t, crdName });
    this.generationCounter++;
    for (const fn of this.listeners) fn();
  }
}
