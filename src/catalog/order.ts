// The catalog's tie-break order among equal prices: cloud, region, zone, instance type (code-unit order).
import type { CatalogRow } from './types.ts';

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byPlaceThenType(a: CatalogRow, b: CatalogRow): number {
  return (
    compareText(a.cloud, b.cloud) ||
    compareText(a.region, b.region) ||
    compareText(a.zone, b.zone) ||
    compareText(a.instanceType, b.instanceType)
  );
}
