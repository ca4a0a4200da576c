// Starting omni gateways and the netns tool as child processes, optionally inside a network namespace,
// and tearing everything down (processes by pid, namespaces by name) even when a test fails.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const TOOL = 'test/tunnel/netns-tool.mjs';

export interface Proc {
  child: ChildProcess;
  lines: string[];
}

export class ProcessSet {
  private readonly procs: Proc[] = [];

  /** Runs `argv` (inside `ns` when given) and resolves once a stdout line matches `readyWhen`. */
  async start(ns: string | null, argv: string[], readyWhen: RegExp, timeoutMs = 20_000): Promise<Proc> {
    const cmd = ns ? ['ip', 'netns', 'exec', ns, ...argv] : argv;
    const child = spawn(cmd[0], cmd.slice(1), {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, OMNI_LOG_LEVEL: process.env.OMNI_TEST_GATEWAY_LOG ?? 'warn' },
    });
    const p: Proc = { child, lines: [] };
    this.procs.push(p);
    const rl = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    child.stderr?.on('data', (d: Buffer) => p.lines.push(d.toString()));
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`${argv.join(' ')} not ready:\n${p.lines.join('\n')}`)), timeoutMs);
      rl.on('line', (line) => {
        p.lines.push(line);
        if (!readyWhen.test(line)) return;
        clearTimeout(t);
        resolve();
      });
      child.once('exit', (code) => (clearTimeout(t), reject(new Error(`${argv.join(' ')} exited ${code}:\n${p.lines.join('\n')}`))));
    });
    return p;
  }

  /** Resolves once the gateway says it is ready (or whatever else `readyWhen` matches, such as standing by). */
  gateway(ns: string | null, args: string[], readyWhen = /"ready":true/): Promise<Proc> {
    // Same command as `omni gateway …`, through a lean entry that skips loading the rest of the CLI.
    return this.start(ns, [process.execPath, '--import', 'tsx', 'test/tunnel/gateway-main.ts', 'gateway', ...args], readyWhen);
  }

  server(ns: string | null, kind: string, port: number, name = ''): Promise<Proc> {
    return this.start(ns, [process.execPath, TOOL, 'serve', kind, String(port), name], /^ready /);
  }

  kill(p: Proc, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (p.child.exitCode !== null || p.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      p.child.once('exit', () => resolve());
      p.child.kill(signal);
    });
  }

  async killAll(): Promise<void> {
    await Promise.all(this.procs.map((p) => this.kill(p)));
  }
}

/** Runs a one-shot netns-tool client and returns its first output line. */
export function tool(ns: string | null, args: string[], timeoutMs = 10_000): string {
  const cmd = [process.execPath, TOOL, ...args];
  const full = ns ? ['ip', 'netns', 'exec', ns, ...cmd] : cmd;
  const r = spawnSync(full[0], full.slice(1), { encoding: 'utf8', timeout: timeoutMs });
  return (r.stdout ?? '').split('\n')[0];
}

/** Starts a streaming client that prints `streaming`, then `reset`/`ended` when its connection dies. */
export function streamingClient(ns: string | null, host: string, port: number): { first: Promise<void>; outcome: Promise<string>; child: ChildProcess } {
  const cmd = [process.execPath, TOOL, 'stream', host, String(port)];
  const full = ns ? ['ip', 'netns', 'exec', ns, ...cmd] : cmd;
  const child = spawn(full[0], full.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
  const rl = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const lines: string[] = [];
  const waiters: Array<() => void> = [];
  rl.on('line', (l) => (lines.push(l), waiters.forEach((w) => w())));
  const next = (n: number): Promise<string> =>
    new Promise((resolve) => {
      const check = (): void => void (lines.length >= n && resolve(lines[n - 1]));
      waiters.push(check);
      check();
      child.once('exit', () => resolve(lines[n - 1] ?? 'exited'));
    });
  return { first: next(1).then(() => undefined), outcome: next(2), child };
}

/** `ip …`, throwing with stderr on failure. */
export function ip(...args: string[]): void {
  const r = spawnSync('ip', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ip ${args.join(' ')}: ${r.stderr || r.error?.message}`);
}

/** Whether this machine lets us make network namespaces (root, iproute2, kernel support). */
export function netnsAvailable(): { ok: true } | { ok: false; why: string } {
  if (process.platform !== 'linux') return { ok: false, why: 'not Linux' };
  if (process.getuid?.() !== 0) return { ok: false, why: 'not root' };
  const probe = `omni-t9-probe-${process.pid}`;
  const r = spawnSync('ip', ['netns', 'add', probe], { encoding: 'utf8' });
  if (r.error) return { ok: false, why: `ip not runnable: ${r.error.message}` };
  if (r.status !== 0) return { ok: false, why: `ip netns add failed: ${r.stderr.trim()}` };
  spawnSync('ip', ['netns', 'del', probe]);
  return { ok: true };
}

export function deleteNamespaces(names: readonly string[]): void {
  for (const n of names) spawnSync('ip', ['netns', 'del', n]);
}
