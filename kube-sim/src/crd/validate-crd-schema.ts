import { walkGeneric } from './crd-schema-generic.ts';
import { structuralErrors } from './crd-schema-structural.ts';
import { forbidden } from './field-errors.ts';
import type { FieldCause, JsonObject } from './types.ts';

function causeText(c: FieldCause): string {
  return `${c.field}: ${c.message}`;
}

/** Validates a version's openAPIV3Schema at `path`; structural violations come sorted, as the server sorts them. */
export function validateCrdSchema(schema: JsonObject, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  if (schema.nullable === true)
    out.push(forbidden(`${path}.nullable`, 'nullable cannot be true at the root'));
  out.push(...walkGeneric(schema, { path }, true));
  const structural = structuralErrors(schema, path, 'root').sort((a, b) =>
    causeText(a) < causeText(b) ? -1 : 1,
  );
  return [...out, ...structural];
}
