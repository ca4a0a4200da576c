// Public surface of the EdgeLocation controller: start it with its ports; the CLI reuses the checks.
export { startEdgeLocationController, type EdgeLocationController } from './controller.ts';
export type { EdgeLocationControllerDeps, EdgeLocationControllerOptions } from './context.ts';
export type {
  CloudProviders,
  EdgeClusterInfo,
  EdgeClusterProvisioner,
  EdgeClusterRequest,
  EdgeJoin,
  EdgeReadyListener,
  ProviderScope,
  ReadyEdge,
} from './ports.ts';
export { FINALIZER, NAMESPACE, credentialsSecretName, kubeconfigSecretName, nodeConfigName } from './constants.ts';
export { checkPlace, resolvePlace, EDGE_CLOUDS, PlaceError, type EdgeCloud, type ResolvedPlace } from './validate.ts';
export { desiredNodeConfigSpec } from './node-config.ts';
export { sdkCloudProviders, type SdkProviderOptions } from './sdk-providers.ts';
export { k3sServerProvisioner, serverUserData, SERVER_TAG, type BootstrapStore, type K3sBootstrap, type K3sServerOptions } from './k3s-server.ts';
export { secretBootstrapStore } from './secrets.ts';
export { registryListener, virtualKubeletListener, type EdgeRegistry, type EdgeServer } from './listeners.ts';
export { installCrds } from '../../kube/crds.ts';
