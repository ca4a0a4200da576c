import fjp from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import { PatchError, type JsonObject } from './errors.ts';
import { clone, isObject } from './json.ts';

const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

const NEEDS_VALUE = new Set(['add', 'replace', 'test']);
const NEEDS_FROM = new Set(['move', 'copy']);

function operationProblem(op: JsonObject): string | undefined {
  if (typeof op.op !== 'string' || !OPS.has(op.op)) return `unexpected kind of operation "${String(op.op)}"`;
  if (typeof op.path !== 'string') return `operation ${op.op} is missing path`;
  if (NEEDS_VALUE.has(op.op) && !Object.hasOwn(op, 'value')) return `operation ${op.op} is missing value`;
  if (NEEDS_FROM.has(op.op) && typeof op.from !== 'string') return `operation ${op.op} is missing from`;
  return undefined;
}

function checkOperation(op: unknown, i: number): Operation {
  if (!isObject(op)) throw new PatchError(`invalid JSON patch: operation ${i} is not an object`, 400);
  const problem = operationProblem(op);
  if (problem) throw new PatchError(`invalid JSON patch: ${problem}`, 400);
  return op as unknown as Operation;
}

function describeFailure(err: unknown, ops: Operation[]): string {
  if (!(err instanceof fjp.JsonPatchError)) return err instanceof Error ? err.message : String(err);
  const op = err.index === undefined ? undefined : ops[err.index];
  const path = op?.path ?? '';
  switch (err.name) {
    case 'TEST_OPERATION_FAILED':
      return `testing value ${path} failed: test failed`;
    case 'OPERATION_PATH_UNRESOLVABLE':
      return `${op?.op ?? 'operation'} operation does not apply: doc is missing path: "${path}": missing value`;
    default:
      return `${err.message.split('\n')[0]} (path "${path}")`;
  }
}

/** RFC 6902 with upstream status codes: a malformed patch is 400, a patch that cannot be applied is 422. */
export function applyJsonPatch(original: JsonObject, patch: unknown): JsonObject {
  if (!Array.isArray(patch)) throw new PatchError('invalid JSON patch: expected an array of operations', 400);
  const ops = patch.map((op, i) => checkOperation(op, i));
  let result: unknown;
  try {
    result = fjp.applyPatch(clone(original), clone(ops), true, true).newDocument;
  } catch (err) {
    throw new PatchError(describeFailure(err, ops), 422);
  }
  if (!isObject(result)) throw new PatchError('JSON patch result is not an object', 422);
  return result;
}
