import type { JsonObject } from '../../util/json.ts';
import type { StatusCause } from '../../util/errors.ts';

export interface StrategyContext {
  now: number;
  /** Allocates a ClusterIP for Services. */
  allocateClusterIP(): string;
  defaultNotReadyTolerationSeconds: number;
  defaultUnreachableTolerationSeconds: number;
}

/** Per-kind behaviour of the write pipeline, as kube-apiserver's registry strategies. */
export interface Strategy {
  /** Defaulting and status reset on create. Mutates `obj` (a private copy). */
  prepareForCreate?(obj: JsonObject, ctx: StrategyContext): void;
  /** Defaulting on update; `obj` is a private copy, `old` is stored. */
  prepareForUpdate?(obj: JsonObject, old: JsonObject, ctx: StrategyContext): void;
  validate?(obj: JsonObject): StatusCause[];
  validateUpdate?(obj: JsonObject, old: JsonObject): StatusCause[];
}
