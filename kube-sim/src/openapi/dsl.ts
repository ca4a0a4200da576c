/**
 * Compact schema definitions. A field is [type, description]; type tokens:
 * s, b, i32, i64, f64, bytes (primitives); Time, MicroTime, Quantity, IntOrString, RawExtension, FieldsV1,
 * JSONSchemaProps (shared named schemas); []T (list), {}T (string-keyed map); Name (a type of the same
 * package) or pkg.Name (another package, e.g. meta.ObjectMeta).
 */
export type FieldDef = readonly [type: string, description: string];

export interface TypeDef {
  d: string;
  /** [group, version, kind] for top-level kinds. */
  gvk?: readonly [string, string, string];
  req?: readonly string[];
  f: Readonly<Record<string, FieldDef>>;
}

export type SchemaTypes = Readonly<Record<string, TypeDef>>;

/** Strategic-merge and list-type markers for one field. */
export interface ListExtension {
  patch?: string;
  key?: string;
  list?: 'atomic' | 'set' | 'map';
  keys?: readonly string[];
}
