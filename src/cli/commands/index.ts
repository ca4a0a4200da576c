import type { Command } from 'commander';
import { registerController } from './controller.ts';
import { registerDemo } from './demo.ts';
import { registerEdgeLocation } from './edge-location.ts';
import { registerGateway } from './gateway.ts';
import { registerInstall } from './install.ts';
import { registerKubeSim } from './kube-sim.ts';
import { registerPrices } from './prices.ts';
import { registerPlan } from './plan.ts';
import { registerServe } from './serve.ts';

/** Every `omni` sub-command, one file each. */
export function registerCommands(program: Command): void {
  registerController(program);
  registerDemo(program);
  registerEdgeLocation(program);
  registerGateway(program);
  registerKubeSim(program);
  registerPrices(program);
  registerPlan(program);
  registerServe(program);
  registerInstall(program);
}
