import { age, ageCol, at, col, list, name, nameCol, num, orNone, rec, str, strings } from './format.ts';
import type { JsonObject, Printer } from './types.ts';

function nodeStatus(node: JsonObject): string {
  const ready = list(at(node, 'status', 'conditions')).find((c) => str(c.type) === 'Ready');
  const parts = [ready === undefined ? 'Unknown' : str(ready.status) === 'True' ? 'Ready' : 'NotReady'];
  if (at(node, 'spec', 'unschedulable') === true) parts.push('SchedulingDisabled');
  return parts.join(',');
}

function nodeRoles(node: JsonObject): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(rec(at(node, 'metadata', 'labels')))) {
    if (k.startsWith('node-role.kubernetes.io/') && k.length > 'node-role.kubernetes.io/'.length) {
      roles.add(k.slice('node-role.kubernetes.io/'.length));
    } else if (k === 'kubernetes.io/role' && str(v) !== '') roles.add(str(v));
  }
  return orNone([...roles].sort().join(','));
}

function nodeAddress(node: JsonObject, type: string): string {
  const addr = list(at(node, 'status', 'addresses')).find((a) => str(a.type) === type);
  return addr === undefined ? '<none>' : str(addr.address);
}

export const nodePrinter: Printer = {
  columns: [
    nameCol(),
    col('Status', 'string', 'The status of the node'),
    col('Roles', 'string', 'The roles of the node'),
    ageCol(),
    col('Version', 'string', 'Kubelet Version reported by the node.'),
    col('Internal-IP', 'string', 'List of addresses reachable to the node.', 1),
    col('External-IP', 'string', 'List of addresses reachable to the node.', 1),
    col(
      'OS-Image',
      'string',
      'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).',
      1,
    ),
    col(
      'Kernel-Version',
      'string',
      "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).",
      1,
    ),
    col(
      'Container-Runtime',
      'string',
      'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).',
      1,
    ),
  ],
  cells(node, now) {
    const info = rec(at(node, 'status', 'nodeInfo'));
    return [
      name(node),
      nodeStatus(node),
      nodeRoles(node),
      age(node, now),
      str(info.kubeletVersion),
      nodeAddress(node, 'InternalIP'),
      nodeAddress(node, 'ExternalIP'),
      orNone(str(info.osImage), '<unknown>'),
      orNone(str(info.kernelVersion), '<unknown>'),
      orNone(str(info.containerRuntimeVersion), '<unknown>'),
    ];
  },
};

function serviceExternalIP(svc: JsonObject): string {
  const spec = rec(svc.spec);
  const external = strings(spec.externalIPs);
  switch (str(spec.type)) {
    case 'LoadBalancer': {
      const ingress = list(at(svc, 'status', 'loadBalancer', 'ingress')).map(
        (i) => str(i.ip) || str(i.hostname),
      );
      const all = [...ingress, ...external];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return str(spec.externalName);
    default:
      return orNone(external.join(','));
  }
}

function servicePorts(svc: JsonObject): string {
  const ports = list(at(svc, 'spec', 'ports')).map((p) => {
    const proto = str(p.protocol) || 'TCP';
    return num(p.nodePort) > 0 ? `${num(p.port)}:${num(p.nodePort)}/${proto}` : `${num(p.port)}/${proto}`;
  });
  return orNone(ports.join(','));
}

export const servicePrinter: Printer = {
  columns: [
    nameCol(),
    col('Type', 'string', 'type determines how the Service is exposed.'),
    col(
      'Cluster-IP',
      'string',
      'clusterIP is the IP address of the service and is usually assigned randomly.',
    ),
    col(
      'External-IP',
      'string',
      'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.',
    ),
    col('Port(s)', 'string', 'The list of ports that are exposed by this service.'),
    ageCol(),
    col(
      'Selector',
      'string',
      'Route service traffic to pods with label keys and values matching this selector.',
      1,
    ),
  ],
  cells(svc, now) {
    const spec = rec(svc.spec);
    const selector = Object.entries(rec(spec.selector))
      .map(([k, v]) => `${k}=${str(v)}`)
      .sort()
      .join(',');
    return [
      name(svc),
      str(spec.type) || 'ClusterIP',
      orNone(str(spec.clusterIP)),
      serviceExternalIP(svc),
      servicePorts(svc),
      age(svc, now),
      orNone(selector),
    ];
  },
};

/** "ip:port,…" limited to three entries plus " + N more...", like formatEndpoints. */
export function formatEndpoints(pairs: string[]): string {
  if (pairs.length === 0) return '<none>';
  const shown = pairs.slice(0, 3).join(',');
  return pairs.length > 3 ? `${shown} + ${pairs.length - 3} more...` : shown;
}

function endpointPairs(ep: JsonObject): string[] {
  const out: string[] = [];
  for (const subset of list(ep.subsets)) {
    const ports = list(subset.ports);
    for (const addr of list(subset.addresses)) {
      if (ports.length === 0) out.push(str(addr.ip));
      for (const p of ports) out.push(`${str(addr.ip)}:${num(p.port)}`);
    }
  }
  return out;
}

export const endpointsPrinter: Printer = {
  columns: [
    nameCol(),
    col('Endpoints', 'string', 'The set of all endpoints is the union of all subsets.'),
    ageCol(),
  ],
  cells: (ep, now) => [name(ep), formatEndpoints(endpointPairs(ep)), age(ep, now)],
};

export const configMapPrinter: Printer = {
  columns: [nameCol(), col('Data', 'string', 'Data contains the configuration data.'), ageCol()],
  cells: (cm, now) => [
    name(cm),
    Object.keys(rec(cm.data)).length + Object.keys(rec(cm.binaryData)).length,
    age(cm, now),
  ],
};

export const secretPrinter: Printer = {
  columns: [
    nameCol(),
    col('Type', 'string', 'Used to facilitate programmatic handling of secret data.'),
    col('Data', 'string', 'Data contains the secret data.'),
    ageCol(),
  ],
  cells: (s, now) => [
    name(s),
    str(s.type) || 'Opaque',
    Object.keys(rec(s.data)).length + Object.keys(rec(s.stringData)).length,
    age(s, now),
  ],
};

export const serviceAccountPrinter: Printer = {
  columns: [
    nameCol(),
    col(
      'Secrets',
      'string',
      'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.',
    ),
    ageCol(),
  ],
  cells: (sa, now) => [name(sa), list(sa.secrets).length, age(sa, now)],
};

export const namespacePrinter: Printer = {
  columns: [nameCol(), col('Status', 'string', 'The status of the namespace'), ageCol()],
  cells: (ns, now) => [name(ns), str(at(ns, 'status', 'phase')) || 'Active', age(ns, now)],
};

const ACCESS_MODES: Record<string, string> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};

export function accessModes(modes: unknown): string {
  return strings(modes)
    .map((m) => ACCESS_MODES[m] ?? m)
    .join(',');
}

const pvcColumns = [
  nameCol(),
  col('Status', 'string', 'phase represents the current phase of PersistentVolumeClaim.'),
  col('Volume', 'string', 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
  col('Capacity', 'string', 'capacity represents the actual resources of the underlying volume.'),
  col('Access Modes', 'string', 'accessModes contains the desired access modes the volume should have.'),
  col('StorageClass', 'string', 'storageClassName is the name of the StorageClass required by the claim.'),
  col(
    'VolumeAttributesClass',
    'string',
    'volumeAttributesClassName may be used to set the VolumeAttributesClass used by this claim.',
  ),
  ageCol(),
  col('VolumeMode', 'string', 'volumeMode defines what type of volume is required by the claim.', 1),
];

export const pvcPrinter: Printer = {
  columns: pvcColumns,
  cells(pvc, now) {
    const spec = rec(pvc.spec);
    const status = rec(pvc.status);
    const bound = str(status.phase) === 'Bound';
    return [
      name(pvc),
      str(status.phase) || 'Pending',
      str(spec.volumeName),
      bound ? str(at(status, 'capacity', 'storage')) : '',
      bound ? accessModes(status.accessModes) : '',
      str(spec.storageClassName),
      orNone(str(spec.volumeAttributesClassName), '<unset>'),
      age(pvc, now),
      str(spec.volumeMode) || 'Filesystem',
    ];
  },
};

export const pvPrinter: Printer = {
  columns: [
    nameCol(),
    col(
      'Capacity',
      'string',
      "capacity is the description of the persistent volume's resources and capacity.",
    ),
    col('Access Modes', 'string', 'accessModes contains all ways the volume can be mounted.'),
    col(
      'Reclaim Policy',
      'string',
      'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim.',
    ),
    col(
      'Status',
      'string',
      'phase indicates if a volume is available, bound to a claim, or released by a claim.',
    ),
    col(
      'Claim',
      'string',
      'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim.',
    ),
    col(
      'StorageClass',
      'string',
      'storageClassName is the name of StorageClass to which this persistent volume belongs.',
    ),
    col(
      'VolumeAttributesClass',
      'string',
      'Name of VolumeAttributesClass to which this persistent volume belongs.',
    ),
    col('Reason', 'string', 'reason is a brief CamelCase string that describes any failure.'),
    ageCol(),
    col(
      'VolumeMode',
      'string',
      'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.',
      1,
    ),
  ],
  cells(pv, now) {
    const spec = rec(pv.spec);
    const claim = rec(spec.claimRef);
    return [
      name(pv),
      str(at(spec, 'capacity', 'storage')),
      accessModes(spec.accessModes),
      str(spec.persistentVolumeReclaimPolicy) || 'Retain',
      str(at(pv, 'status', 'phase')) || 'Pending',
      spec.claimRef === undefined ? '' : `${str(claim.namespace)}/${str(claim.name)}`,
      str(spec.storageClassName),
      orNone(str(spec.volumeAttributesClassName), '<unset>'),
      str(at(pv, 'status', 'reason')),
      age(pv, now),
      str(spec.volumeMode) || 'Filesystem',
    ];
  },
};
