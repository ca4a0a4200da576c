import type { Command } from 'commander';
import { registerKubeSim } from './kube-sim.ts';

/** Every `omni` sub-command, one file each. */
export function registerCommands(program: Command): void {
  registerKubeSim(program);
}
