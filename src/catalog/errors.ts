// Errors the catalog reports to its callers: bad queries (unknown names) and unusable snapshots.

/** A catalog problem a user can act on; the message is meant to be shown as it is. */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';
}

/** Levenshtein distance between two strings (case-sensitive; callers normalise case). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

function contains(a: string, b: string): boolean {
  return a.includes(b) || b.includes(a);
}

/** The known names closest to `name` by edit distance (ignoring case), closest first. */
export function closestNames(name: string, known: Iterable<string>, max = 5): string[] {
  const wanted = name.toLowerCase();
  return [...known]
    .map((k) => ({
      k,
      d: editDistance(wanted, k.toLowerCase()) - (contains(k.toLowerCase(), wanted) ? 2 : 0),
    }))
    .sort((x, y) => x.d - y.d || x.k.localeCompare(y.k))
    .slice(0, max)
    .map((x) => x.k);
}

/** `unknown <what> "<name>"; closest: a, b, c` — the error for a name the catalog does not know. */
export function unknownNameError(what: string, name: string, known: Iterable<string>): CatalogError {
  const close = closestNames(name, known);
  const hint = close.length > 0 ? `; closest: ${close.join(', ')}` : '; the catalog has none';
  return new CatalogError(`unknown ${what} "${name}"${hint}`);
}
