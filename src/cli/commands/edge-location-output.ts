// How `omni edge-location` prints locations: a table, a detail view, JSON or YAML; and step progress.
import { stringify } from 'yaml';

export type OutputFormat = 'table' | 'json' | 'yaml';

export interface LocationCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface LocationView {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; creationTimestamp?: string | Date; deletionTimestamp?: string | Date };
  spec?: { cloud?: string; region?: string; zones?: string[]; credentialsSecretRef?: { name?: string } };
  status?: {
    state?: string;
    conditions?: LocationCondition[];
    resources?: Record<string, string>;
    edgeClusterEndpoint?: string;
  };
}

export const CONDITION_ORDER = [
  'PermissionsOK',
  'NetworkReady',
  'IdentityReady',
  'EdgeClusterReady',
  'TunnelReady',
];

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return (
    rows
      .map((r) =>
        r
          .map((cell, c) => cell.padEnd(widths[c]))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

function stateOf(o: LocationView): string {
  if (o.metadata?.deletionTimestamp && o.status?.state !== 'Offboarding') return 'Offboarding';
  return o.status?.state ?? 'PendingOnboarding';
}

function zonesOf(o: LocationView): string {
  return o.spec?.zones?.length ? o.spec.zones.join(',') : '(all)';
}

function conditionsDone(o: LocationView): string {
  const ok = CONDITION_ORDER.filter((t) =>
    o.status?.conditions?.some((c) => c.type === t && c.status === 'True'),
  ).length;
  return `${ok}/${CONDITION_ORDER.length}`;
}

function listRow(o: LocationView): string[] {
  const { name = '' } = o.metadata ?? {};
  const { cloud = '', region = '' } = o.spec ?? {};
  return [
    name,
    cloud,
    region,
    zonesOf(o),
    stateOf(o),
    conditionsDone(o),
    o.status?.edgeClusterEndpoint ?? '',
  ];
}

export function formatList(items: LocationView[], format: OutputFormat): string {
  if (format === 'json') return `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items }, null, 2)}\n`;
  if (format === 'yaml') return stringify({ apiVersion: 'v1', kind: 'List', items });
  if (items.length === 0) return 'No edge locations.\n';
  const rows = [['NAME', 'CLOUD', 'REGION', 'ZONES', 'STATE', 'STEPS', 'ENDPOINT']];
  for (const o of items) rows.push(listRow(o));
  return table(rows);
}

function conditionRows(o: LocationView): string[][] {
  const rows = [['CONDITION', 'STATUS', 'REASON', 'MESSAGE']];
  for (const type of CONDITION_ORDER) {
    const c = o.status?.conditions?.find((x) => x.type === type);
    rows.push([type, c?.status ?? 'Unknown', c?.reason ?? '', c?.message ?? '']);
  }
  return rows;
}

function header(o: LocationView): string {
  const [name, cloud, region] = listRow(o);
  const secret = o.spec?.credentialsSecretRef?.name;
  const lines = [
    `Name:         ${name}`,
    `Cloud:        ${cloud}`,
    `Region:       ${region}`,
    `Zones:        ${zonesOf(o)}`,
    `Credentials:  ${secret ? `Secret castai-omni/${secret}` : '(ambient)'}`,
    `State:        ${stateOf(o)}`,
    `Endpoint:     ${o.status?.edgeClusterEndpoint ?? ''}`,
  ];
  return `${lines.join('\n')}\n`;
}

function resourcesTable(o: LocationView): string {
  const resources = Object.entries(o.status?.resources ?? {});
  return resources.length
    ? table([['CLOUD OBJECT', 'ID'], ...resources.map(([k, v]) => [k, v])])
    : 'No cloud objects recorded.\n';
}

export function formatOne(o: LocationView, format: OutputFormat): string {
  if (format === 'json') return `${JSON.stringify(o, null, 2)}\n`;
  if (format === 'yaml') return stringify(o);
  return `${header(o)}\n${table(conditionRows(o))}\n${resourcesTable(o)}`;
}

export interface Painter {
  ok(s: string): string;
  bad(s: string): string;
  wait(s: string): string;
}

/** Colours only on a terminal (and never with NO_COLOR). */
export function painter(tty: boolean): Painter {
  const on = tty && !process.env.NO_COLOR;
  const wrap = (code: number) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { ok: wrap(32), bad: wrap(31), wait: wrap(33) };
}

/** One progress line for a condition: `✓ NetworkReady  Created: network …`. */
export function progressLine(c: LocationCondition, paint: Painter): string {
  const mark =
    c.status === 'True'
      ? paint.ok('✓')
      : c.reason === 'Retrying' || c.reason === 'FirewallPending'
        ? paint.wait('…')
        : paint.bad('✗');
  return `${mark} ${c.type.padEnd(16)} ${c.reason ?? ''}${c.message ? `: ${c.message}` : ''}\n`;
}
