import { isObject } from './json.ts';

/**
 * Element ordering for merged lists, following upstream's normalizeElementOrder / mergeSortedSlice:
 * items named by the patch keep the patch's order, server-only items keep the live order, and the two
 * runs are interleaved by their positions in the live list (patch items first when undecidable).
 */
function identity(item: unknown, key: string | undefined): unknown {
  if (key === undefined) return item;
  return isObject(item) ? item[key] : undefined;
}

export function indexIn(list: readonly unknown[], item: unknown, key: string | undefined): number {
  const id = identity(item, key);
  return list.findIndex((x) => identity(x, key) === id);
}

function sortByOrder(items: unknown[], order: readonly unknown[], key: string | undefined): unknown[] {
  const rank = (item: unknown): number => {
    const i = indexIn(order, item, key);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return items
    .map((item, pos) => ({ item, pos, r: rank(item) }))
    .sort((a, b) => a.r - b.r || a.pos - b.pos)
    .map((x) => x.item);
}

function mergeSorted(
  left: unknown[],
  right: unknown[],
  serverOrder: readonly unknown[],
  key?: string,
): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (j >= right.length) out.push(left[i++]);
    else if (i >= left.length) out.push(right[j++]);
    else {
      const li = indexIn(serverOrder, left[i], key);
      const ri = indexIn(serverOrder, right[j], key);
      out.push(li >= 0 && ri >= 0 && li < ri ? left[i++] : right[j++]);
    }
  }
  return out;
}

export function normalizeOrder(
  merged: readonly unknown[],
  patchOrder: readonly unknown[],
  serverOrder: readonly unknown[],
  key: string | undefined,
): unknown[] {
  const inPatch = merged.filter((m) => indexIn(patchOrder, m, key) >= 0);
  const serverOnly = merged.filter((m) => indexIn(patchOrder, m, key) < 0);
  return mergeSorted(
    sortByOrder(serverOnly, serverOrder, key),
    sortByOrder(inPatch, patchOrder, key),
    serverOrder,
    key,
  );
}
