export { SimCloud } from './cloud.ts';
export type { SimCloudOptions } from './cloud.ts';
export { createSimClouds, tickAll } from './world.ts';
export type { SimClouds, SimWorldOptions } from './world.ts';
export { DEFAULT_SCARCITY } from './capacity.ts';
export type { CapacityRule } from './capacity.ts';
export type { FaultRule, SimFault, SimOp } from './faults.ts';
export { PROFILES } from './profiles.ts';
export type { SimObject } from './inventory.ts';
