// Names every install manifest shares.
export const NAMESPACE = 'castai-omni';
export const CONTROLLER = 'omni-controller';
export const HUB = 'omni-hub';
export const SPOKE = 'omni-spoke';
export const DEFAULT_IMAGE = 'omni-controller:0.1.0';
/** The main cluster's cloud/region in deploy/base (the controller's --main); omni install sets the detected one. */
export const DEFAULT_MAIN = 'aws/us-east-1';
export const FIELD_MANAGER = 'omni-install';
export const PART_OF = { 'app.kubernetes.io/part-of': 'omni' };
