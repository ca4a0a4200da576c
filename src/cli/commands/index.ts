import type { Command } from 'commander';
import { registerGateway } from './gateway.ts';
import { registerKubeSim } from './kube-sim.ts';
import { registerPrices } from './prices.ts';
import { registerPlan } from './plan.ts';

/** Every `omni` sub-command, one file each. */
export function registerCommands(program: Command): void {
  registerGateway(program);
  registerKubeSim(program);
  registerPrices(program);
  registerPlan(program);
}
