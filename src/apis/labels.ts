// Label values derived from cloud names, as the nodes omni makes carry them.

/**
 * An instance type as a label value: OCI flex shapes carry their size after a `$`
 * (`VM.Standard.E4.Flex$_12_48`), which label values may not contain.
 */
export function instanceTypeLabel(instanceType: string): string {
  return instanceType.replace(/[^A-Za-z0-9._-]+/g, '').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '').slice(0, 63);
}
