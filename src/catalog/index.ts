// The catalog's public surface: load the embedded snapshot, build a catalog from offerings, query it,
// and refresh it from the clouds' live price feeds.
import { systemClock, type Clock } from './clock.ts';
import { OfferingIndex } from './offering-index.ts';
import type { Snapshot } from './snapshot/format.ts';
import { EMBEDDED_SNAPSHOT_PATH, readSnapshotFile } from './snapshot/io.ts';
import { snapshotOfferings } from './snapshot/offerings.ts';
import type { Catalog, Offering } from './types.ts';

export type * from './types.ts';
export { CLOUDS } from './types.ts';
export { CatalogError, closestNames } from './errors.ts';
export { instanceFamily } from './families.ts';
export { systemClock, type Clock } from './clock.ts';
export { EMBEDDED_SNAPSHOT_PATH, readSnapshotFile } from './snapshot/io.ts';
export type { Snapshot } from './snapshot/format.ts';
export { toPriceRow, type PriceRow } from './price-row.ts';
export {
  PriceRefresher,
  type RefresherOptions,
  type RefreshReport,
  type StaleReport,
} from './live/refresher.ts';
export type { HttpFetch, HttpResponse, PriceFeed, FeedResult, LivePrice } from './live/types.ts';
export {
  AwsPriceFeed,
  type AwsFeedOptions,
  type SpotPriceHistoryPort,
  type SpotPriceRecord,
} from './live/aws.ts';
export { GcpPriceFeed } from './live/gcp.ts';
export { AzurePriceFeed } from './live/azure.ts';
export { OciPriceFeed } from './live/oci.ts';

/** A catalog over the given offerings (tests, simulated clouds). Prices keep their source and age. */
export function catalogFromOfferings(offerings: Offering[]): Catalog {
  return new OfferingIndex(offerings);
}

/** A catalog over a snapshot, with ages measured by `clock` now. */
export function catalogFromSnapshot(snapshot: Snapshot, clock: Clock = systemClock): Catalog {
  return new OfferingIndex(snapshotOfferings(snapshot, clock.now()));
}

/**
 * Reads the snapshot committed with omni (each call reads the file; keep the result if you need it
 * twice). A missing or corrupt file rejects with CatalogError.
 */
export function loadEmbeddedSnapshot(): Promise<Snapshot> {
  return readSnapshotFile(EMBEDDED_SNAPSHOT_PATH);
}

let embeddedCatalog: Promise<Catalog> | undefined;

/** The catalog of the committed snapshot, built once per process; ages are as of the first load. */
export function loadEmbeddedCatalog(): Promise<Catalog> {
  embeddedCatalog ??= loadEmbeddedSnapshot().then((s) => catalogFromSnapshot(s));
  embeddedCatalog.catch(() => (embeddedCatalog = undefined));
  return embeddedCatalog;
}
