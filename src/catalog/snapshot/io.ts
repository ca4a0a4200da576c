// Reads and writes the gzip'd JSON snapshot file. The only file-system access of the catalog.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CatalogError } from '../errors.ts';
import { decodeSnapshot, type Snapshot, type SnapshotFile } from './format.ts';

/** The snapshot committed with omni, next to this module. */
export const EMBEDDED_SNAPSHOT_PATH = fileURLToPath(new URL('./catalog.json.gz', import.meta.url));

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Decodes snapshot bytes (gzip'd JSON); any problem becomes a CatalogError. */
export function parseSnapshotBytes(bytes: Buffer, label: string): Snapshot {
  let json: unknown;
  try {
    json = JSON.parse(gunzipSync(bytes).toString('utf8'));
  } catch (err) {
    throw new CatalogError(`catalog snapshot ${label} is corrupt: ${describe(err)}`);
  }
  try {
    return decodeSnapshot(json);
  } catch (err) {
    throw new CatalogError(`${describe(err)} (${label})`);
  }
}

/** Reads a snapshot file; a missing or corrupt file is a CatalogError, never an empty catalog. */
export async function readSnapshotFile(path: string): Promise<Snapshot> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new CatalogError(`cannot read catalog snapshot ${path}: ${describe(err)}`);
  }
  return parseSnapshotBytes(bytes, path);
}

/** Writes a snapshot file; returns its size in bytes. */
export async function writeSnapshotFile(path: string, file: SnapshotFile): Promise<number> {
  const bytes = gzipSync(JSON.stringify(file), { level: 9 });
  await writeFile(path, bytes);
  return bytes.length;
}
