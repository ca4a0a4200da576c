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
