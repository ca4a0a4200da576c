// Tunnel figures: bulk throughput client → spoke → hub → server against direct TCP (1 and 16 streams),
// added round-trip latency on an established connection, 1,000 concurrent streams, CPU seconds per GiB.
// Hub and spoke run as their own processes (as deployed); client and servers run here. Loopback only.
// Run: node scripts/run-bench.mjs tunnel      (BENCH_MIB=… to change the bulk size per run)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createCa, issueEdgeCert, issueHubCert } from '../src/tunnel/pki/index.ts';

const BULK_MIB = Number(process.env.BENCH_MIB ?? 256);
const RUNS = 3;
const RTT_SAMPLES = 5000;
const RTT_BLOCK = 500;
const CONCURRENT = 1000;
const WINDOW = process.env.BENCH_WINDOW ?? '8Mi';
const HOST = '127.0.0.1';

// ---------- servers and clients (this process) ----------

/** The target servers run in their own process, as they would on another pod (a fair direct baseline). */
function startServer(kind: 'sink' | 'echo'): Promise<{ child: ChildProcess; port: number }> {
  return startTool(['serve', kind, '0']);
}

/** Two chained plain-TCP relay processes in front of `port`: what two user-space hops cost without TLS or mux. */
interface Relays {
  children: ChildProcess[];
  port: number;
}

async function startRelays(port: number): Promise<Relays> {
  const second = await startTool(['relay', '0', HOST, String(port)]);
  const first = await startTool(['relay', '0', HOST, String(second.port)]);
  return { children: [first.child, second.child], port: first.port };
}

/** A free loopback port (socat needs its port up front). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, HOST, () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function whenListening(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await connect(port).then(
      (s) => (s.destroy(), true),
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on ${port}`);
}

/**
 * Reference: a mutual-TLS relay pair of socat processes (C, OpenSSL, 256 KiB buffers, one process per
 * connection) in front of `port`, when socat is installed. What a native TLS tunnel with the same two
 * hops costs on this machine, without a mux.
 */
async function startSocatPair(port: number, tls: (n: string) => string): Promise<Relays> {
  const [inner, outer] = [await freePort(), await freePort()];
  const opts = (n: string): string => `cert=${tls(`${n}.crt`)},key=${tls(`${n}.key`)},cafile=${tls('ca.crt')},verify=1`;
  const socat = (args: string[]): ChildProcess => spawn('socat', ['-b', '262144', ...args], { stdio: 'ignore' });
  const server = socat([`OPENSSL-LISTEN:${inner},fork,reuseaddr,bind=${HOST},${opts('hub')}`, `TCP:${HOST}:${port}`]);
  const client = socat([`TCP-LISTEN:${outer},fork,reuseaddr,bind=${HOST}`, `OPENSSL:${HOST}:${inner},${opts('edge')},commonname=localhost`]);
  await whenListening(inner);
  await whenListening(outer);
  return { children: [client, server], port: outer };
}

function hasSocat(): boolean {
  return spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
}

function startTool(args: string[]): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['test/tunnel/netns-tool.mjs', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, TOOL_HOST: HOST },
  });
  const rl = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  return new Promise((resolve) => rl.once('line', (line) => resolve({ child, port: Number(line.split(' ')[1]) })));
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: HOST, port, allowHalfOpen: true, noDelay: true });
    s.once('connect', () => resolve(s));
    s.once('error', reject);
  });
}

const CHUNK = Buffer.alloc(256 * 1024, 0x5a);

/** Sends `bytes` and waits for the sink's count. */
async function bulk(port: number, bytes: number): Promise<void> {
  const s = await connect(port);
  const reply = new Promise<string>((resolve, reject) => {
    let text = '';
    s.on('data', (c: Buffer) => (text += c.toString()));
    s.on('end', () => resolve(text));
    s.on('error', reject);
  });
  for (let sent = 0; sent < bytes; sent += CHUNK.length) {
    if (!s.write(CHUNK)) await new Promise((r) => s.once('drain', r));
  }
  s.end();
  const got = Number(await reply);
  if (got < bytes) throw new Error(`sink got ${got} of ${bytes} bytes`);
  s.destroy();
}

// ---------- processes ----------

interface Gateway {
  child: ChildProcess;
  listeners: Record<string, number>;
  port?: number;
}

function startGateway(args: string[]): Promise<Gateway> {
  const prof = process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', 'test/tunnel/gateway-main.ts', 'gateway', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, OMNI_LOG_LEVEL: 'warn' },
  });
  const rl = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  return new Promise((resolve, reject) => {
    rl.on('line', (line) => {
      if (!line.includes('"ready":true')) return;
      const r = JSON.parse(line) as { port?: number; listeners: Record<string, number> };
      resolve({ child, listeners: r.listeners, port: r.port });
    });
    child.once('exit', (code) => reject(new Error(`gateway exited ${code}`)));
  });
}

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function selfCpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

// ---------- measurements ----------

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

interface Throughput {
  mibps: number;
  cpuPerGiB: { gateways: number; total: number };
}

let serverPid: number | undefined;

async function throughput(port: number, streams: number, gateways: Gateway[]): Promise<Throughput> {
  const per = Math.floor((BULK_MIB * 2 ** 20) / streams);
  const rates: number[] = [];
  const cpuG: number[] = [];
  const cpuT: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const g0 = gateways.reduce((a, g) => a + cpuOf(g.child.pid), 0);
    const srv0 = cpuOf(serverPid);
    const s0 = selfCpu();
    const t0 = performance.now();
    await Promise.all(Array.from({ length: streams }, () => bulk(port, per)));
    const secs = (performance.now() - t0) / 1000;
    const gib = (per * streams) / 2 ** 30;
    const g = gateways.reduce((a, gw) => a + cpuOf(gw.child.pid), 0) - g0;
    rates.push((per * streams) / 2 ** 20 / secs);
    cpuG.push(g / gib);
    cpuT.push((g + selfCpu() - s0 + cpuOf(serverPid) - srv0) / gib);
  }
  return { mibps: median(rates), cpuPerGiB: { gateways: median(cpuG), total: median(cpuT) } };
}

/** One 64-byte request/response on an established connection; resolves when the echo is complete. */
function roundTrip(s: net.Socket, msg: Buffer): Promise<void> {
  return new Promise((resolve) => {
    let got = 0;
    const on = (c: Buffer): void => {
      got += c.length;
      if (got < msg.length) return;
      s.off('data', on);
      resolve();
    };
    s.on('data', on);
    s.write(msg);
  });
}

/** One block of round trips per path, in turn; `record` gets each time (µs), or nothing is recorded. */
async function takeTurns(socks: net.Socket[], record?: (path: number, us: number) => void): Promise<void> {
  const msg = Buffer.alloc(64, 1);
  for (let block = 0; block < RTT_SAMPLES / RTT_BLOCK; block++) {
    for (let j = 0; j < socks.length; j++) {
      for (let i = 0; i < RTT_BLOCK; i++) {
        const t = process.hrtime.bigint();
        await roundTrip(socks[j], msg);
        record?.(j, Number(process.hrtime.bigint() - t) / 1000);
      }
    }
  }
}

/**
 * Round-trip times (µs) of 64-byte request/response on one established connection per path. A first,
 * untimed pass of as many round trips warms every process up (JIT compilation on the two cores otherwise
 * shows up as the tail). The paths then take turns in blocks of RTT_BLOCK samples, so that a quiet or busy
 * moment of the shared machine falls on every path alike.
 */
async function rtts(ports: readonly number[]): Promise<number[][]> {
  const socks = await Promise.all(ports.map((p) => connect(p)));
  const out = socks.map((): number[] => []);
  await takeTurns(socks);
  await takeTurns(socks, (j, us) => out[j].push(us));
  socks.forEach((s) => s.destroy());
  return out.map((xs) => xs.sort((a, b) => a - b));
}

/** Opens `n` connections at once, holds them all open, then echoes 1 KiB over each. */
async function concurrent(port: number, n: number): Promise<{ ok: number; openMs: number; echoMs: number }> {
  const t0 = performance.now();
  const socks = await Promise.all(Array.from({ length: n }, () => connect(port)));
  const openMs = performance.now() - t0;
  const t1 = performance.now();
  const payload = Buffer.alloc(1024, 3);
  const results = await Promise.all(
    socks.map(
      (s) =>
        new Promise<boolean>((resolve) => {
          let got = 0;
          s.on('data', (c: Buffer) => {
            got += c.length;
            if (got >= payload.length) resolve(true);
          });
          s.on('error', () => resolve(false));
          s.write(payload);
        }),
    ),
  );
  const echoMs = performance.now() - t1;
  socks.forEach((s) => s.destroy());
  return { ok: results.filter(Boolean).length, openMs, echoMs };
}

/** The reference paths in front of a target: two plain Node relays, and socat's TLS pair when installed. */
async function references(
  target: number,
  useSocat: boolean,
  tls: (n: string) => string,
): Promise<{ relays: Relays; socat?: Relays; stop: () => void }> {
  const relays = await startRelays(target);
  const socat = useSocat ? await startSocatPair(target, tls) : undefined;
  const stop = (): void => [...relays.children, ...(socat?.children ?? [])].forEach((c) => c.kill());
  return { relays, socat, stop };
}

const share = (x: Throughput, direct: Throughput): string =>
  `${x.mibps.toFixed(0)} MiB/s = ${((100 * x.mibps) / direct.mibps).toFixed(0)}% of direct`;

async function bulkFigures(o: { sink: number; tunnel: number; gateways: Gateway[]; useSocat: boolean; tls: (n: string) => string }): Promise<void> {
  const ref = await references(o.sink, o.useSocat, o.tls);
  const relayGws = ref.relays.children.map((child) => ({ child, listeners: {} }));
  for (const streams of (process.env.BENCH_STREAMS ?? '1,16').split(',').map(Number)) {
    const label = `bulk ${String(streams).padStart(2)} stream(s):`;
    const direct = await throughput(o.sink, streams, []);
    const relay = await throughput(ref.relays.port, streams, relayGws);
    // socat forks a process and does a handshake per connection, so only its one-stream figure is a relay's.
    const native = ref.socat && streams === 1 ? await throughput(ref.socat.port, streams, []) : undefined;
    const tunnel = await throughput(o.tunnel, streams, o.gateways);
    console.log(`${label} plain relay ×2 (no TLS, no mux) ${share(relay, direct)}; CPU s/GiB: relays ${relay.cpuPerGiB.gateways.toFixed(2)}`);
    if (native) console.log(`${label} socat mutual-TLS pair (C, OpenSSL, no mux) ${share(native, direct)}`);
    console.log(
      `${label} direct ${direct.mibps.toFixed(0)} MiB/s, tunnel ${share(tunnel, direct)} (target ≥ 50%); ` +
        `CPU s/GiB: gateways ${tunnel.cpuPerGiB.gateways.toFixed(2)}, all processes ${tunnel.cpuPerGiB.total.toFixed(2)} (direct ${direct.cpuPerGiB.total.toFixed(2)})`,
    );
  }
  ref.stop();
}

async function latencyFigures(o: { echo: number; tunnel: number; useSocat: boolean; tls: (n: string) => string }): Promise<void> {
  const ref = await references(o.echo, o.useSocat, o.tls);
  const [d, r, t, n] = await rtts([o.echo, ref.relays.port, o.tunnel, ...(ref.socat ? [ref.socat.port] : [])]);
  ref.stop();
  const row = (name: string, xs: number[]): string => `${name} p50 ${pct(xs, 50).toFixed(0)} µs, p99 ${pct(xs, 99).toFixed(0)} µs`;
  const added = (name: string, xs: number[]): string =>
    `${name}: p50 ${(pct(xs, 50) - pct(d, 50)).toFixed(0)} µs, p99 ${(pct(xs, 99) - pct(d, 99)).toFixed(0)} µs`;
  const paths = [row('direct', d), row('plain relay ×2', r), row('tunnel', t), ...(n ? [row('socat TLS pair', n)] : [])];
  console.log(`latency 64 B round trip (${RTT_SAMPLES} samples each after as many untimed, paths taking turns in blocks of ${RTT_BLOCK}): ${paths.join('; ')}`);
  const extra = n ? `; ${added('by the socat TLS pair', n)}` : '';
  console.log(`  added ${added('by the tunnel', t)} (target p99 ≤ 200 µs); ${added('by two plain relays', r)}${extra}`);
}

// ---------- main ----------

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'omni-tunnel-bench-'));
  const f = (n: string): string => join(dir, n);
  const ca = createCa();
  const hubCert = issueHubCert(ca, { dns: ['localhost'], ips: [HOST] });
  const edge = issueEdgeCert(ca, 'bench');
  for (const [n, b] of [['hub', hubCert], ['edge', edge]] as const) {
    writeFileSync(f(`${n}.crt`), b.certPem);
    writeFileSync(f(`${n}.key`), b.keyPem);
  }
  writeFileSync(f('ca.crt'), ca.certPem);
  const sinkServer = await startServer('sink');
  const echoServer = await startServer('echo');
  const sinkPort = sinkServer.port;
  const echoPort = echoServer.port;
  writeFileSync(f('policy.json'), JSON.stringify({ locations: { bench: { allow: ['bench/sink:1', 'bench/echo:2'] } } }));
  writeFileSync(f('endpoints.json'), JSON.stringify({ 'bench/sink:1': [`${HOST}:${sinkPort}`], 'bench/echo:2': [`${HOST}:${echoPort}`] }));
  const tls = (n: string): string[] => ['--cert', f(`${n}.crt`), '--key', f(`${n}.key`), '--ca', f('ca.crt')];
  const hub = await startGateway(['hub', '--listen', `${HOST}:0`, ...tls('hub'), '--policy', f('policy.json'), '--endpoints', f('endpoints.json'), '--window', WINDOW]);
  const spoke = await startGateway([
    'spoke', '--hub', `${HOST}:${hub.port}`, '--location', 'bench', ...tls('edge'), '--window', WINDOW,
    '--listener', `bench/sink:1=${HOST}:0`, '--listener', `bench/echo:2=${HOST}:0`,
  ]);
  const gws = [hub, spoke];
  serverPid = sinkServer.child.pid;
  const tSink = spoke.listeners['bench/sink:1'];
  const tEcho = spoke.listeners['bench/echo:2'];
  // Let the spoke finish dialling.
  for (let i = 0; i < 100; i++) {
    try {
      await bulk(tSink, 1024);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  console.log(`tunnel bench: window ${WINDOW}, ${BULK_MIB} MiB per run, median of ${RUNS}; load average ${loadavg()[0].toFixed(1)} on this machine`);
  const useSocat = hasSocat();
  if (!useSocat) console.log('socat is not installed: no native TLS reference (apt-get install socat to get one)');
  await bulkFigures({ sink: sinkPort, tunnel: tSink, gateways: gws, useSocat, tls: f });
  await latencyFigures({ echo: echoPort, tunnel: tEcho, useSocat, tls: f });
  const c = await concurrent(tEcho, CONCURRENT);
  console.log(`${CONCURRENT} concurrent streams: ${c.ok}/${CONCURRENT} echoed; opened in ${c.openMs.toFixed(0)} ms, all echoed in ${c.echoMs.toFixed(0)} ms`);

  // Bounded: a gateway that has not exited 10 s after SIGTERM is killed.
  await Promise.all(
    gws.map((g) => new Promise((r) => {
      g.child.once('exit', r);
      g.child.kill('SIGTERM');
      setTimeout(() => g.child.kill('SIGKILL'), 10_000).unref();
    })),
  );

  sinkServer.child.kill();
  echoServer.child.kill();
  rmSync(dir, { recursive: true, force: true });
}

await main();
process.exit(0);
