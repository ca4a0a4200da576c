import type { JsonObject } from '../../util/json.ts';
import type { StatusCause } from '../../util/errors.ts';
import type { Strategy, StrategyContext } from './types.ts';

/** Services other than ExternalName get a cluster IP allocated and single-stack IPv4 defaults. */
function defaultClusterIPs(spec: JsonObject, ctx: StrategyContext): void {
  if (spec.clusterIP === undefined || spec.clusterIP === '') spec.clusterIP = ctx.allocateClusterIP();
  spec.clusterIPs ??= [spec.clusterIP];
  spec.ipFamilies ??= ['IPv4'];
  spec.ipFamilyPolicy ??= 'SingleStack';
}

function defaultServicePorts(spec: JsonObject): void {
  for (const p of (spec.ports as JsonObject[] | undefined) ?? []) {
    p.protocol ??= 'TCP';
    p.targetPort ??= p.port;
  }
}

export const serviceStrategy: Strategy = {
  prepareForCreate(obj, ctx) {
    const spec = (obj.spec as JsonObject | undefined) ?? {};
    obj.spec = spec;
    spec.type ??= 'ClusterIP';
    spec.sessionAffinity ??= 'None';
    spec.internalTrafficPolicy ??= 'Cluster';
    if (spec.type !== 'ExternalName') defaultClusterIPs(spec, ctx);
    defaultServicePorts(spec);
    obj.status = { loadBalancer: {} };
  },
  prepareForUpdate(obj, old) {
    const spec = (obj.spec as JsonObject | undefined) ?? {};
    const oldSpec = (old.spec as JsonObject | undefined) ?? {};
    obj.spec = spec;
    if (spec.clusterIP === undefined || spec.clusterIP === '') spec.clusterIP = oldSpec.clusterIP;
    spec.clusterIPs ??= oldSpec.clusterIPs;
    spec.type ??= oldSpec.type;
    defaultServicePorts(spec);
  },
  validate(obj) {
    const spec = (obj.spec as JsonObject | undefined) ?? {};
    const causes: StatusCause[] = [];
    const ports = (spec.ports as JsonObject[] | undefined) ?? [];
    if (spec.type !== 'ExternalName' && spec.clusterIP !== 'None' && ports.length === 0) {
      causes.push({ field: 'spec.ports', reason: 'FieldValueRequired', message: 'Required value' });
    }
    ports.forEach((p, i) => {
      const port = p.port;
      if (typeof port !== 'number' || port < 1 || port > 65535) {
        causes.push({
          field: `spec.ports[${i}].port`,
          reason: 'FieldValueInvalid',
          message: `Invalid value: ${JSON.stringify(port)}: must be between 1 and 65535, inclusive`,
        });
      }
    });
    return causes;
  },
  validateUpdate(obj, old) {
    const a = (obj.spec as JsonObject | undefined)?.clusterIP;
    const b = (old.spec as JsonObject | undefined)?.clusterIP;
    if (a === b) return [];
    return [
      {
        field: 'spec.clusterIPs[0]',
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${JSON.stringify([a])}: may not change once set`,
      },
    ];
  },
};

export const namespaceStrategy: Strategy = {
  prepareForCreate(obj) {
    obj.spec = { finalizers: ['kubernetes'] };
    obj.status = { phase: 'Active' };
    const meta = obj.metadata as JsonObject;
    meta.labels = {
      ...((meta.labels as Record<string, string> | undefined) ?? {}),
      'kubernetes.io/metadata.name': meta.name as string,
    };
  },
  prepareForUpdate(obj, old) {
    // spec.finalizers changes only through the finalize subresource.
    obj.spec = old.spec;
    const meta = obj.metadata as JsonObject;
    meta.labels = {
      ...((meta.labels as Record<string, string> | undefined) ?? {}),
      'kubernetes.io/metadata.name': meta.name as string,
    };
  },
};

function isBase64(s: unknown): boolean {
  return typeof s === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(s) && s.length % 4 === 0;
}

function foldStringData(obj: JsonObject): void {
  const stringData = obj.stringData as Record<string, string> | undefined;
  if (!stringData) return;
  const data = { ...((obj.data as Record<string, string> | undefined) ?? {}) };
  for (const [k, v] of Object.entries(stringData)) data[k] = Buffer.from(String(v)).toString('base64');
  obj.data = data;
  delete obj.stringData;
}

export const secretStrategy: Strategy = {
  prepareForCreate(obj) {
    obj.type ??= 'Opaque';
    foldStringData(obj);
  },
  prepareForUpdate(obj) {
    obj.type ??= 'Opaque';
    foldStringData(obj);
  },
  validate(obj) {
    const causes: StatusCause[] = [];
    for (const [k, v] of Object.entries((obj.data as Record<string, unknown> | undefined) ?? {})) {
      if (!isBase64(v))
        causes.push({
          field: `data[${k}]`,
          reason: 'FieldValueInvalid',
          message: 'Invalid value: "<secret contents redacted>": illegal base64 data',
        });
    }
    return causes;
  },
};

export const resetStatusStrategy = (initial: JsonObject): Strategy => ({
  prepareForCreate(obj) {
    obj.status = structuredClone(initial);
  },
});
