// Small helpers the feeds share: JSON GET with a clear error, and paging until a source says stop.
import type { FeedResult, HttpFetch, LivePrice } from './types.ts';

export async function getJson(
  fetch: HttpFetch,
  url: string,
  headers?: Record<string, string>,
): Promise<unknown> {
  const res = await fetch(url, headers ? { headers } : undefined);
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return res.json();
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function asString(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** One page: the items on it and the URL of the next page, if any. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/**
 * Follows pages from `firstUrl` (at most `maxPages`). A failed page stops paging: what was read is
 * kept, and the result says it is incomplete.
 */
export async function readPages<T>(
  firstUrl: string,
  readPage: (url: string) => Promise<Page<T>>,
  maxPages = 1000,
): Promise<{ items: T[]; complete: boolean; errors: string[]; pages: number }> {
  const items: T[] = [];
  let url: string | null = firstUrl;
  let pages = 0;
  while (url !== null && pages < maxPages) {
    try {
      const page: Page<T> = await readPage(url);
      items.push(...page.items);
      url = page.next;
      pages++;
    } catch (err) {
      return { items, complete: false, errors: [`page ${pages + 1}: ${errorText(err)}`], pages };
    }
  }
  const errors = url === null ? [] : [`stopped after ${maxPages} pages`];
  return { items, complete: url === null, errors, pages };
}

export function feedResult(
  prices: LivePrice[],
  paging: { complete: boolean; errors: string[]; pages: number },
): FeedResult {
  return { prices, complete: paging.complete, errors: paging.errors, pages: paging.pages };
}
