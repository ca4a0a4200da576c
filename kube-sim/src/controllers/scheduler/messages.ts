import type { Failure } from './filters.ts';

function histogram(entries: string[]): string {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e, (counts.get(e) ?? 0) + 1);
  return [...counts.entries()]
    .map(([reason, n]) => `${n} ${reason}`)
    .sort()
    .join(', ');
}

function preemptionMessage(total: number, failures: Failure[], preemptionPolicy: string | undefined): string {
  if (preemptionPolicy === 'Never') return 'not eligible due to preemptionPolicy=Never.';
  const verdicts = failures.map((f) => (f.unresolvable ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod'));
  return `preemption: 0/${total} nodes are available: ${histogram(verdicts)}.`;
}

/**
 * kube-scheduler's FitError text: "0/5 nodes are available: <sorted reason histogram>. preemption: …".
 * kube-sim never preempts, so nodes short only of resources report that no victims were found.
 */
export function fitErrorMessage(total: number, failures: Failure[], opts: { preFilter?: string; preemptionPolicy?: string } = {}): string {
  if (total === 0) return 'no nodes available to schedule pods';
  if (opts.preFilter) {
    const all = Array.from({ length: total }, () => ({ reasons: [], unresolvable: true }));
    return `0/${total} nodes are available: ${opts.preFilter}. ${preemptionMessage(total, all, opts.preemptionPolicy)}`;
  }
  const reasons = histogram(failures.flatMap((f) => f.reasons));
  return `0/${total} nodes are available: ${reasons}. ${preemptionMessage(total, failures, opts.preemptionPolicy)}`;
}
