// The API's OpenAPI 3 document: docs/api/openapi.yaml, parsed once and served as JSON.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'yaml';

export const OPENAPI_PATH = resolve(import.meta.dirname, '../../docs/api/openapi.yaml');

let doc: Promise<unknown> | undefined;

export function openApiDocument(): Promise<unknown> {
  doc ??= readFile(OPENAPI_PATH, 'utf8').then((text) => parse(text) as unknown);
  doc.catch(() => (doc = undefined));
  return doc;
}
