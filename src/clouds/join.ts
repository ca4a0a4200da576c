// The join contract: everything an instance needs to become a node of a cluster, carried in its
// user data. Real clouds run the script (K3s agent or server, NVIDIA stack on GPU instances); the
// simulated cloud parses the same contract back out of it and registers the node itself.

import { InvalidRequestError } from './errors.ts';

export interface NodeTaint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface JoinContract {
  /** `agent` joins an existing cluster; `server` starts an edge location's K3s control plane. */
  role: 'agent' | 'server';
  /** https URL of the cluster's API server (for a server: the URL it will be reached at). */
  clusterEndpoint: string;
  /** Base64 PEM of the cluster CA. */
  caData: string;
  bootstrapToken: string;
  nodeName: string;
  labels: Record<string, string>;
  taints: NodeTaint[];
  /** Install the NVIDIA driver, container toolkit and device plugin before joining. */
  installGpuDriver: boolean;
  k3sVersion?: string;
}

const CONTRACT_MARKER = '# omni-join-contract: ';
const GPU_STEP_MARKER = '# omni-step: nvidia-driver';
const DEFAULT_K3S_VERSION = 'v1.31.4+k3s1';

export function encodeUserData(contract: JoinContract): string {
  validate(contract);
  const embedded = Buffer.from(JSON.stringify(contract), 'utf8').toString('base64');
  return [
    '#!/bin/bash',
    '# Written by omni: joins this machine to its cluster. Do not edit; omni rewrites it.',
    CONTRACT_MARKER + embedded,
    'set -euo pipefail',
    ...(contract.installGpuDriver ? gpuDriverStep(contract.role) : []),
    ...k3sStep(contract),
    '',
  ].join('\n');
}

export interface ParsedUserData {
  contract: JoinContract;
  /** Whether the script really carries the NVIDIA step (what a booted GPU node can rely on). */
  gpuDriverStep: boolean;
}

export function parseUserData(userData: string): ParsedUserData {
  const line = userData.split('\n').find((l) => l.startsWith(CONTRACT_MARKER));
  if (!line) throw new InvalidRequestError('user data carries no omni join contract');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(line.slice(CONTRACT_MARKER.length), 'base64').toString('utf8'));
  } catch {
    throw new InvalidRequestError('user data join contract is not valid base64 JSON');
  }
  const contract = asContract(decoded);
  const gpuDriverStep = userData.includes(GPU_STEP_MARKER);
  return { contract: { ...contract, installGpuDriver: gpuDriverStep }, gpuDriverStep };
}

function validate(c: JoinContract): void {
  if (!/^https:\/\//.test(c.clusterEndpoint))
    throw new InvalidRequestError('clusterEndpoint must be an https URL');
  if (!/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(c.nodeName)) {
    throw new InvalidRequestError(`node name "${c.nodeName}" is not a valid DNS-1123 subdomain`);
  }
  if (c.role === 'agent' && c.bootstrapToken === '')
    throw new InvalidRequestError('an agent needs a bootstrap token');
}

function asContract(v: unknown): JoinContract {
  if (typeof v !== 'object' || v === null) throw new InvalidRequestError('join contract is not an object');
  const o = v as Record<string, unknown>;
  const strings = ['role', 'clusterEndpoint', 'caData', 'bootstrapToken', 'nodeName'];
  for (const k of strings) {
    if (typeof o[k] !== 'string') throw new InvalidRequestError(`join contract field ${k} is missing`);
  }
  if (typeof o.labels !== 'object' || !Array.isArray(o.taints)) {
    throw new InvalidRequestError('join contract labels/taints are malformed');
  }
  return v as JoinContract;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function k3sStep(c: JoinContract): string[] {
  const version = c.k3sVersion ?? DEFAULT_K3S_VERSION;
  const flags = [
    `--node-name ${shellQuote(c.nodeName)}`,
    ...Object.entries(c.labels).map(([k, v]) => `--node-label ${shellQuote(`${k}=${v}`)}`),
    ...c.taints.map((t) => `--node-taint ${shellQuote(`${t.key}=${t.value ?? ''}:${t.effect}`)}`),
  ];
  const env =
    c.role === 'agent'
      ? [
          `export K3S_URL=${shellQuote(c.clusterEndpoint)}`,
          `export K3S_TOKEN=${shellQuote(c.bootstrapToken)}`,
        ]
      : [`export K3S_TOKEN=${shellQuote(c.bootstrapToken)}`];
  return [
    `# omni-step: k3s-${c.role}`,
    `export INSTALL_K3S_VERSION=${shellQuote(version)}`,
    ...env,
    'mkdir -p /etc/rancher/k3s',
    `echo ${shellQuote(c.caData)} | base64 -d > /etc/rancher/k3s/omni-cluster-ca.crt`,
    `curl -sfL https://get.k3s.io | sh -s - ${c.role} ${flags.join(' ')}`,
  ];
}

function gpuDriverStep(role: JoinContract['role']): string[] {
  return [
    GPU_STEP_MARKER,
    '. /etc/os-release',
    'apt-get update && apt-get install -y ubuntu-drivers-common curl gnupg',
    'ubuntu-drivers install --gpgpu',
    'curl -fsSL https://nvidia.github.io/libnvidia-container/gpgkey | gpg --dearmor -o /usr/share/keyrings/nvidia-container-toolkit-keyring.gpg',
    "curl -sL https://nvidia.github.io/libnvidia-container/stable/deb/nvidia-container-toolkit.list | sed 's#deb https://#deb [signed-by=/usr/share/keyrings/nvidia-container-toolkit-keyring.gpg] https://#g' > /etc/apt/sources.list.d/nvidia-container-toolkit.list",
    'apt-get update && apt-get install -y nvidia-container-toolkit',
    'nvidia-ctk runtime configure --runtime=containerd --config=/var/lib/rancher/k3s/agent/etc/containerd/config.toml.tmpl --set-as-default',
    ...devicePluginStep(role),
  ];
}

const DEVICE_PLUGIN_IMAGE = 'nvcr.io/nvidia/k8s-device-plugin:v0.17.0';

/** A server applies the DaemonSet through K3s' manifests folder; an agent runs it as a static pod. */
function devicePluginStep(role: JoinContract['role']): string[] {
  if (role === 'server') {
    return [
      'mkdir -p /var/lib/rancher/k3s/server/manifests',
      'curl -sfL -o /var/lib/rancher/k3s/server/manifests/nvidia-device-plugin.yml https://raw.githubusercontent.com/NVIDIA/k8s-device-plugin/v0.17.0/deployments/static/nvidia-device-plugin.yml',
    ];
  }
  const pod = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: nvidia-device-plugin, namespace: kube-system}',
    'spec:',
    '  priorityClassName: system-node-critical',
    '  tolerations: [{operator: Exists}]',
    `  containers: [{name: nvidia-device-plugin, image: ${DEVICE_PLUGIN_IMAGE}, securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}, volumeMounts: [{name: device-plugin, mountPath: /var/lib/kubelet/device-plugins}]}]`,
    '  volumes: [{name: device-plugin, hostPath: {path: /var/lib/kubelet/device-plugins}}]',
  ];
  return [
    'mkdir -p /var/lib/rancher/k3s/agent/pod-manifests',
    `cat > /var/lib/rancher/k3s/agent/pod-manifests/nvidia-device-plugin.yaml <<'OMNI_EOF'`,
    ...pod,
    'OMNI_EOF',
  ];
}
