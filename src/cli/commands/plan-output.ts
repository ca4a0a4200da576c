// How `omni plan` prints a plan: the JSON contract, YAML, or a table that explains each choice.
import { stringify } from 'yaml';
import { toPlanJson, type Plan, type PlannedNode } from '../../planner/index.ts';

export type PlanFormat = 'table' | 'json' | 'yaml';

export function formatPlan(plan: Plan, format: PlanFormat): string {
  if (format === 'json') return `${JSON.stringify(toPlanJson(plan), null, 2)}\n`;
  if (format === 'yaml') return stringify(toPlanJson(plan));
  return planTable(plan);
}

function money(n: number): string {
  return `$${n.toFixed(4)}`;
}

function place(n: { location: string; zone: string }, cloudRegion: string): string {
  return `${n.location} (${cloudRegion}${n.zone ? ` ${n.zone}` : ''})`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** One sentence: why this node got this offering. */
export function whyNode(n: PlannedNode): string {
  const chosen = `${n.instanceType} ${n.lifecycle} in ${place(n, `${n.cloud} ${n.region}`)} at ${money(n.pricePerHour)}/h`;
  const of = `cheapest of ${n.explanation.compatibleOfferings} compatible offering${n.explanation.compatibleOfferings === 1 ? '' : 's'} for its ${n.pods.length} pod${n.pods.length === 1 ? '' : 's'}`;
  const next = n.explanation.nextCheapest;
  const then = next
    ? `next cheapest: ${next.instanceType} ${next.lifecycle} in ${next.location}${next.zone ? ` (${next.zone})` : ''} at ${money(next.pricePerHour)}/h`
    : 'no other offering could hold these pods';
  return `${chosen}: ${of}; ${then}`;
}

export function planTable(plan: Plan): string {
  const out: string[] = [];
  if (plan.nodes.length > 0) {
    const rows = [
      [
        'NODE',
        'TEMPLATE',
        'LOCATION',
        'CLOUD',
        'REGION',
        'ZONE',
        'INSTANCE TYPE',
        'LIFECYCLE',
        'PRICE/H',
        'PODS',
      ],
    ];
    for (const n of plan.nodes) {
      rows.push([
        n.name,
        n.nodeTemplate,
        n.location,
        n.cloud,
        n.region,
        n.zone || '-',
        n.instanceType,
        n.lifecycle,
        money(n.pricePerHour),
        String(n.pods.length),
      ]);
    }
    out.push(table(rows), '', 'Why these offerings:');
    for (const n of plan.nodes) out.push(`  ${n.name}: ${whyNode(n)}`);
  } else {
    out.push('No new nodes needed.');
  }
  const placed = plan.existing.filter((e) => e.pods.length > 0);
  if (placed.length > 0) {
    out.push('', 'Pods on existing nodes:');
    for (const e of placed) out.push(`  ${e.node}: ${e.pods.join(', ')}`);
  }
  if (plan.unschedulable.length > 0) {
    out.push('', 'Unschedulable pods:');
    for (const u of plan.unschedulable) out.push(`  ${u.pod}: ${u.reason}`);
  }
  const pods = plan.nodes.reduce((s, n) => s + n.pods.length, 0);
  out.push(
    '',
    `Total: ${money(plan.totalPricePerHour)}/h for ${plan.nodes.length} new node${plan.nodes.length === 1 ? '' : 's'} (${pods} pods); ${plan.unschedulable.length} unschedulable.`,
  );
  return `${out.join('\n')}\n`;
}
