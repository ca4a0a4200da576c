#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx so a checkout needs no build step.
import process from 'node:process';
import { register } from 'tsx/esm/api';

// `omni … | head` closes stdout early: end quietly, as Unix tools do, instead of crashing on EPIPE.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
