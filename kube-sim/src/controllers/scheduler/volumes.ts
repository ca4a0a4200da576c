import type { JsonObject } from '../../util/json.ts';
import type { ClusterApi } from '../../api/cluster-api.ts';
import { keyOf, labelsOf, nameOf, namespaceOf, specOf, uidOf } from '../shared/pods.ts';
import type { NodeSelectorTerm } from './affinity.ts';

export interface VolumeCheck {
  /** A PreFilter failure such as `persistentvolumeclaim "data" not found`. */
  preFilter?: string;
  /** Node-affinity terms of the PersistentVolumes the pod's claims are bound to. */
  terms: NodeSelectorTerm[][];
  /** Claims not bound yet: provisioned on the chosen node's zone after binding (WaitForFirstConsumer). */
  unbound: JsonObject[];
}

const ZONE = 'topology.kubernetes.io/zone';

function claimNames(pod: JsonObject): string[] {
  const out: string[] = [];
  for (const v of (specOf(pod).volumes as JsonObject[] | undefined) ?? []) {
    const claim = (v.persistentVolumeClaim as JsonObject | undefined)?.claimName;
    if (typeof claim === 'string') out.push(claim);
  }
  return out;
}

function pvTerms(pv: JsonObject): NodeSelectorTerm[] | undefined {
  const required = ((specOf(pv).nodeAffinity as JsonObject | undefined)?.required as JsonObject | undefined)
    ?.nodeSelectorTerms;
  if (Array.isArray(required) && required.length) return required as NodeSelectorTerm[];
  const zone = labelsOf(pv)[ZONE];
  return zone ? [{ matchExpressions: [{ key: ZONE, operator: 'In', values: zone.split('__') }] }] : undefined;
}

export function checkVolumes(api: ClusterApi, pod: JsonObject): VolumeCheck {
  const out: VolumeCheck = { terms: [], unbound: [] };
  for (const claim of claimNames(pod)) {
    const pvc = api.store.get('/persistentvolumeclaims', namespaceOf(pod), claim);
    if (!pvc) return { ...out, preFilter: `persistentvolumeclaim "${claim}" not found` };
    const volumeName = specOf(pvc).volumeName as string | undefined;
    if (!volumeName) {
      out.unbound.push(pvc);
      continue;
    }
    const pv = api.store.get('/persistentvolumes', undefined, volumeName);
    const terms = pv ? pvTerms(pv) : undefined;
    if (terms) out.terms.push(terms);
  }
  return out;
}

function placement(node: JsonObject): { key: string; value: string } {
  const zone = labelsOf(node)[ZONE];
  return zone
    ? { key: ZONE, value: zone }
    : { key: 'kubernetes.io/hostname', value: labelsOf(node)['kubernetes.io/hostname'] ?? nameOf(node) };
}

/** What a dynamic provisioner does for a WaitForFirstConsumer claim: a PV pinned where the pod landed. */
export function provisionClaim(api: ClusterApi, pvc: JsonObject, node: JsonObject): void {
  const pvType = api.resolve('', 'v1', 'persistentvolumes');
  const pvcType = api.resolve('', 'v1', 'persistentvolumeclaims');
  const spec = specOf(pvc);
  const name = `pvc-${uidOf(pvc)}`;
  const at = placement(node);
  const storage =
    ((spec.resources as JsonObject | undefined)?.requests as JsonObject | undefined)?.storage ?? '1Gi';
  const accessModes = spec.accessModes ?? ['ReadWriteOnce'];
  if (!api.tryGet(pvType, undefined, name)) {
    api.create(pvType, undefined, {
      metadata: {
        name,
        annotations: { 'pv.kubernetes.io/provisioned-by': 'kube-sim.omni.cast.ai/provisioner' },
      },
      spec: {
        capacity: { storage },
        accessModes,
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: spec.storageClassName ?? 'standard',
        volumeMode: spec.volumeMode ?? 'Filesystem',
        hostPath: { path: `/var/lib/kube-sim/volumes/${name}` },
        claimRef: {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          namespace: namespaceOf(pvc),
          name: nameOf(pvc),
          uid: uidOf(pvc),
        },
        nodeAffinity: {
          required: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: at.key, operator: 'In', values: [at.value] }] }],
          },
        },
      },
    });
    api.mutate(pvType, { name }, (d) => void (d.status = { phase: 'Bound' }), {
      subresource: 'status',
    });
  }
  api.mutate(pvcType, { namespace: namespaceOf(pvc), name: nameOf(pvc) }, (d) => {
    specOf(d).volumeName = name;
    const m = d.metadata as JsonObject;
    m.annotations = {
      ...((m.annotations as Record<string, string> | undefined) ?? {}),
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
    };
  });
  api.mutate(
    pvcType,
    { namespace: namespaceOf(pvc), name: nameOf(pvc) },
    (d) => void (d.status = { phase: 'Bound', accessModes, capacity: { storage } }),
    { subresource: 'status' },
  );
}

export function claimKey(pvc: JsonObject): string {
  return keyOf(pvc);
}
