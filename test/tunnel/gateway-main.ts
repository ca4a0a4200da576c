// Lean process entry for tests: only the `gateway` command (the full CLI loads every component).
import { Command } from 'commander';
import { registerGateway } from '../../src/cli/commands/gateway.ts';

const program = new Command('omni');
registerGateway(program);
await program.parseAsync(process.argv);
