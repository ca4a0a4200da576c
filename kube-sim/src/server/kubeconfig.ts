import YAML from 'yaml';

export interface KubeconfigParams {
  name: string;
  server: string;
  caPem: string;
  token: string;
}

export interface Kubeconfig {
  apiVersion: 'v1';
  kind: 'Config';
  clusters: { name: string; cluster: { server: string; 'certificate-authority-data': string } }[];
  users: { name: string; user: { token: string } }[];
  contexts: { name: string; context: { cluster: string; user: string; namespace: string } }[];
  'current-context': string;
  preferences: Record<string, never>;
}

export function buildKubeconfig(p: KubeconfigParams): Kubeconfig {
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: p.name, cluster: { server: p.server, 'certificate-authority-data': Buffer.from(p.caPem).toString('base64') } }],
    users: [{ name: `${p.name}-admin`, user: { token: p.token } }],
    contexts: [{ name: p.name, context: { cluster: p.name, user: `${p.name}-admin`, namespace: 'default' } }],
    'current-context': p.name,
    preferences: {},
  };
}

export function kubeconfigYaml(k: Kubeconfig): string {
  return YAML.stringify(k);
}
