import type { JsonObject } from '../../util/json.ts';
import type { Clock } from '../../util/clock.ts';
import type { LogProvider } from '../../server/resource-handler.ts';
import { metaOf, specOf, statusOf } from '../shared/pods.ts';

const LINE_EVERY_MS = 10_000;
const MAX_LINES = 1000;

function imageOf(pod: JsonObject, container: string): string {
  const c = ((specOf(pod).containers as JsonObject[] | undefined) ?? []).find((x) => x.name === container);
  return String(c?.image ?? 'unknown');
}

/** Synthetic `kubectl logs`: a start line, then one line per 10 simulated seconds of running. */
export function simulatedLogs(clock: Clock): LogProvider {
  return (pod, container, opts) => {
    const name = `${String(metaOf(pod).namespace)}/${String(metaOf(pod).name)}`;
    const status = statusOf(pod);
    if (status.phase === 'Pending') return `container "${container}" in pod "${String(metaOf(pod).name)}" is waiting to start: ContainerCreating\n`;
    const start = Date.parse(String(status.startTime ?? '')) || clock.now();
    const end = status.phase === 'Running' ? clock.now() : start + LINE_EVERY_MS;
    const count = Math.min(MAX_LINES, Math.floor((end - start) / LINE_EVERY_MS));
    const lines: string[] = [];
    const node = String(specOf(pod).nodeName ?? '');
    lines.push(stamp(start, opts.timestamps, `kube-sim: starting ${imageOf(pod, container)} as container ${container} of pod ${name} on node ${node}`));
    for (let i = 1; i <= count; i++) lines.push(stamp(start + i * LINE_EVERY_MS, opts.timestamps, `kube-sim: ${container} is running (tick ${i})`));
    const tail = opts.tailLines !== undefined && opts.tailLines >= 0 ? lines.slice(Math.max(0, lines.length - opts.tailLines)) : lines;
    return tail.map((l) => `${l}\n`).join('');
  };
}

function stamp(ms: number, timestamps: boolean | undefined, line: string): string {
  return timestamps ? `${new Date(ms).toISOString().replace('Z', '000000Z')} ${line}` : line;
}
