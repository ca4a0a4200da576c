// Builds the committed catalog snapshot (src/catalog/snapshot/catalog.json.gz) from the shared CSVs.
// Usage: node --import tsx scripts/build-catalog.ts [--from /work/shared/catalog] [--out <file>] [--created-at <ISO>]
// omni never reads the CSVs at runtime; only this script does.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCatalogCsv } from '../src/catalog/csv.ts';
import { encodeSnapshot } from '../src/catalog/snapshot/format.ts';
import { EMBEDDED_SNAPSHOT_PATH, writeSnapshotFile } from '../src/catalog/snapshot/io.ts';
import type { CatalogRow, CloudName, SnapshotSource } from '../src/catalog/types.ts';
import { CLOUDS } from '../src/catalog/types.ts';

/** Provenance from /work/shared/catalog/README.md; update it when the shared catalog is rebuilt. */
function sourcesFor(createdAt: string): SnapshotSource[] {
  return [
    {
      cloud: 'aws',
      pricesAsOf: '2026-07-20T00:00:00Z',
      credits: [
        'aws/karpenter-provider-aws @ 1d927085dd81a9df9301e613f371dac5b4d16bfe (Apache-2.0): on-demand prices 2026-07-20, specs',
        'alexei-led/spotinfo @ 05e933139449b888c78795b28af8e9370429a031 (Apache-2.0; AWS Spot Instance Advisor data, 2025-06-28): spot = on-demand x (1 - savings)',
      ],
    },
    {
      cloud: 'gcp',
      pricesAsOf: '2026-07-30T00:00:00Z',
      credits: [
        'Cyclenerd/google-cloud-pricing-cost-calculator @ fd66b26ff84fee5cdd94f341ea89206e76c06b99 (Apache-2.0): pricing.yml 2026-07-30',
        'anycloud-sh/catalog @ 62ff0a987e0c257a89235415d2877812fb1aaf29 (no license file): gcp/vms.csv zones, 2026-05-20',
      ],
    },
    {
      cloud: 'azure',
      pricesAsOf: '2026-05-20T00:00:00Z',
      credits: [
        'anycloud-sh/catalog @ 62ff0a987e0c257a89235415d2877812fb1aaf29 (no license file): azure/vms.csv 2026-05-20',
      ],
    },
    {
      cloud: 'oci',
      // The source's commit date is not known, so OCI ages count from the snapshot build.
      pricesAsOf: createdAt,
      credits: [
        'skypilot-org/skypilot-catalog catalogs/v8/oci/vms.csv @ 0588751183820cf2dab5c8a89447e8aac9f73fd5 (no license file)',
      ],
    },
  ];
}

async function readCloud(dir: string, cloud: CloudName): Promise<CatalogRow[]> {
  const file = join(dir, `${cloud}.csv`);
  const rows = parseCatalogCsv(await readFile(file, 'utf8'), file);
  const foreign = rows.find((r) => r.cloud !== cloud);
  if (foreign) throw new Error(`${file}: row for cloud ${foreign.cloud}`);
  return rows;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      from: { type: 'string', default: '/work/shared/catalog' },
      out: { type: 'string', default: EMBEDDED_SNAPSHOT_PATH },
      'created-at': { type: 'string', default: new Date().toISOString() },
    },
  });
  const createdAt = new Date(values['created-at']).toISOString();
  const rows: CatalogRow[] = [];
  for (const cloud of CLOUDS) {
    const mine = await readCloud(values.from, cloud);
    console.log(`${cloud}: ${mine.length} rows`);
    rows.push(...mine);
  }
  const size = await writeSnapshotFile(values.out, encodeSnapshot(rows, sourcesFor(createdAt), createdAt));
  console.log(`wrote ${values.out}: ${rows.length} rows, ${(size / 1024).toFixed(0)} KiB`);
}

main().catch((err: unknown) => {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
