import type { JsonObject } from '../util/json.ts';
import { badRequest } from '../util/errors.ts';
import { matchesLabelRequirements, parseFieldSelector, parseLabelSelector } from '../util/selectors.ts';
import type { ResourceType } from '../registry/resource-type.ts';

export type ObjectMatcher = (obj: JsonObject) => boolean;

function metaField(obj: JsonObject, key: string): string {
  const v = (obj.metadata as JsonObject | undefined)?.[key];
  return typeof v === 'string' ? v : '';
}

/** Compiles namespace, label and field selectors into one predicate; unknown fields are a 400. */
export function compileMatcher(
  t: ResourceType,
  opts: { namespace?: string; labelSelector?: string; fieldSelector?: string },
): ObjectMatcher {
  const labels = parseLabelSelector(opts.labelSelector);
  const fields = parseFieldSelector(opts.fieldSelector).map((f) => {
    if (f.field === 'metadata.name') return { ...f, get: (o: JsonObject) => metaField(o, 'name') };
    if (f.field === 'metadata.namespace') return { ...f, get: (o: JsonObject) => metaField(o, 'namespace') };
    const ex = t.fieldSelectors[f.field];
    if (!ex) throw badRequest(`field label not supported: ${f.field}`);
    return { ...f, get: (o: JsonObject) => ex(o) ?? '' };
  });
  const ns = opts.namespace;
  return (obj) => {
    if (ns && metaField(obj, 'namespace') !== ns) return false;
    if (labels.length && !matchesLabelRequirements(labels, (obj.metadata as JsonObject | undefined)?.labels as Record<string, string> | undefined)) return false;
    for (const f of fields) if ((f.get(obj) === f.value) === f.negate) return false;
    return true;
  };
}
