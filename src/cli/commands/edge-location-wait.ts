// Waiting on an EdgeLocation from the CLI: print each step as its condition changes, then the end state.
import { GROUP, VERSION } from '../../apis/index.ts';
import { isNotFound, type KubeClients } from '../../kube/index.ts';
import { CONDITION_ORDER, painter, progressLine, type LocationView } from './edge-location-output.ts';

export interface WaitDeps {
  out(text: string): void;
  tty: boolean;
  pollMs: number;
  timeoutS: number;
  progress?: boolean;
}

async function fetch(clients: KubeClients, name: string): Promise<LocationView | undefined> {
  try {
    return (await clients.custom.getClusterCustomObject({ group: GROUP, version: VERSION, plural: 'edgelocations', name })) as LocationView;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Prints the conditions that changed since the last look (`seen` remembers each one). */
function report(o: LocationView | undefined, seen: Map<string, string>, d: WaitDeps): void {
  const paint = painter(d.tty);
  for (const type of CONDITION_ORDER) {
    const c = o?.status?.conditions?.find((x) => x.type === type);
    if (!c) continue;
    const key = `${c.status}/${c.reason}/${c.message}`;
    if (seen.get(type) === key) continue;
    seen.set(type, key);
    if (d.progress !== false) d.out(progressLine(c, paint));
  }
}

function failure(o: LocationView | undefined): string {
  const c = o?.status?.conditions?.find((x) => x.status === 'False' && x.reason !== 'FirewallPending');
  return c ? `${c.type} ${c.reason}: ${c.message}` : 'see `omni edge-location get`';
}

function finalLine(name: string, o: LocationView | undefined, d: WaitDeps): string {
  const paint = painter(d.tty);
  const state = o?.status?.state ?? 'PendingOnboarding';
  if (!o) return paint.bad(`EdgeLocation ${name} was deleted`);
  if (state === 'Ready') return paint.ok(`EdgeLocation ${name} is Ready (edge cluster ${o.status?.edgeClusterEndpoint ?? ''})`);
  if (state === 'Failed') return paint.bad(`EdgeLocation ${name} Failed: ${failure(o)}`);
  return paint.bad(`EdgeLocation ${name} is still ${state} after ${d.timeoutS}s`);
}

/** Ready, Failed or Deleted; undefined while onboarding goes on. */
function settledState(o: LocationView | undefined): string | undefined {
  if (!o) return 'Deleted';
  const state = o.status?.state;
  return state === 'Ready' || state === 'Failed' ? state : undefined;
}

export interface Settled {
  state: string;
  location?: LocationView;
}

/** Waits for Ready or Failed (or the timeout), printing progress; prints the final state. */
export async function waitForSettled(clients: KubeClients, name: string, d: WaitDeps): Promise<Settled> {
  const seen = new Map<string, string>();
  const end = Date.now() + d.timeoutS * 1000;
  for (;;) {
    const o = await fetch(clients, name);
    report(o, seen, d);
    const settled = settledState(o);
    if (settled || Date.now() > end) {
      if (d.progress !== false) d.out(`${finalLine(name, o, d)}\n`);
      return { state: settled ?? `Timeout(${o?.status?.state})`, location: o };
    }
    await sleep(d.pollMs);
  }
}

/** Waits until the location is gone; true when it is. */
export async function waitForGone(clients: KubeClients, name: string, d: WaitDeps): Promise<boolean> {
  const end = Date.now() + d.timeoutS * 1000;
  const paint = painter(d.tty);
  let last = '';
  for (;;) {
    const o = await fetch(clients, name);
    if (!o) {
      d.out(`${paint.ok('✓')} EdgeLocation ${name} deleted: edge cluster and cloud objects are gone\n`);
      return true;
    }
    const state = o.status?.state ?? '';
    if (state !== last) d.out(`${paint.wait('…')} ${state || 'Deleting'}\n`);
    last = state;
    if (Date.now() > end) {
      d.out(`${paint.bad('✗')} EdgeLocation ${name} still ${state} after ${d.timeoutS}s (are its nodes gone?)\n`);
      return false;
    }
    await sleep(d.pollMs);
  }
}
