// Names the edge-location controller and the CLI agree on.
export { GROUP, VERSION, API_VERSION } from '../../apis/index.ts';

export const PLURAL = 'edgelocations';
export const NODE_CONFIG_PLURAL = 'edgenodeconfigurations';
export const NODE_CLAIM_PLURAL = 'nodeclaims';
export const FINALIZER = 'omni.cast.ai/edge-location';
export const NAMESPACE = 'castai-omni';
export const COMPONENT = 'omni-edge-location-controller';
/** On every Secret and EdgeNodeConfiguration the controller makes: the EdgeLocation it belongs to. */
export const LOCATION_LABEL = 'omni.cast.ai/edge-location';
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY = 'omni';

export function credentialsSecretName(location: string): string {
  return `edge-location-${location}-credentials`;
}

export function kubeconfigSecretName(location: string): string {
  return `edge-location-${location}-kubeconfig`;
}

export function nodeConfigName(location: string): string {
  return location;
}

/** The tunnel's PKI in castai-omni (main cluster), and the spoke's certificate in each edge cluster. */
export const TUNNEL_CA_SECRET = 'omni-tunnel-ca';
export const HUB_TLS_SECRET = 'omni-hub-tls';
export const SPOKE_TLS_SECRET = 'omni-spoke-tls';
export const REVOCATIONS_CONFIGMAP = 'omni-tunnel-revocations';
export const REVOCATIONS_KEY = 'revocations.json';
/** The names spokes dial the hub Service by (src/install/manifests.ts, hubManifests). */
export const HUB_DNS_NAMES = [
  'omni-hub',
  'omni-hub.castai-omni',
  'omni-hub.castai-omni.svc',
  'omni-hub.castai-omni.svc.cluster.local',
];
/** status.resources key recording the serial of the location's tunnel certificate. */
export const TUNNEL_CERT_RESOURCE = 'tunnel-certificate';
