// Names every install manifest shares.
export const NAMESPACE = 'castai-omni';
export const CONTROLLER = 'omni-controller';
export const HUB = 'omni-hub';
export const DEFAULT_IMAGE = 'omni-controller:0.1.0';
export const FIELD_MANAGER = 'omni-install';
export const PART_OF = { 'app.kubernetes.io/part-of': 'omni' };
