// Injected failures: "the next N <op> calls matching <match> fail with <error>".

import type { CloudName } from '../../catalog/types.ts';
import {
  AuthenticationError,
  CapacityError,
  PermissionError,
  ThrottlingError,
  TransientError,
} from '../errors.ts';
import type { CloudError, OfferingKey } from '../errors.ts';
import type { SimErrorCodes } from './profiles.ts';

export type SimOp =
  'launch' | 'terminate' | 'listInstances' | 'listOfferings' | 'create' | 'delete' | 'preflight';
export type SimFault = 'capacity' | 'throttling' | 'transient' | 'permission' | 'authentication';

export interface FaultMatch extends Partial<OfferingKey> {
  /** For create/delete: the object kind (vpc, subnet, service-account…). */
  kind?: string;
}

export interface FaultRule {
  op: SimOp;
  error: SimFault;
  /** How many matching calls fail; Infinity for "until cleared". */
  times: number;
  match?: FaultMatch;
}

export interface FaultContext extends Partial<OfferingKey> {
  kind?: string;
}

function matches(match: FaultMatch | undefined, ctx: FaultContext): boolean {
  if (!match) return true;
  return Object.entries(match).every(([k, v]) => v === undefined || ctx[k as keyof FaultContext] === v);
}

export class FaultInjector {
  private rules: FaultRule[] = [];

  constructor(
    private readonly cloud: CloudName,
    private readonly codes: SimErrorCodes,
  ) {}

  add(rule: FaultRule): void {
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
  }

  /** Throws the first matching rule's error and uses up one of its `times`. */
  check(op: SimOp, ctx: FaultContext = {}): void {
    const rule = this.rules.find((r) => r.op === op && r.times > 0 && matches(r.match, ctx));
    if (!rule) return;
    rule.times -= 1;
    throw this.errorFor(rule.error, op, ctx);
  }

  errorFor(fault: SimFault, op: string, ctx: FaultContext): CloudError {
    const what = ctx.instanceType ? `${ctx.instanceType} in ${ctx.zone}` : (ctx.kind ?? op);
    switch (fault) {
      case 'capacity':
        return new CapacityError(
          `${this.cloud}: insufficient capacity for ${what}`,
          this.codes.capacity,
          offeringOf(ctx),
        );
      case 'throttling':
        return new ThrottlingError(`${this.cloud}: request rate exceeded (${op})`, this.codes.throttling);
      case 'transient':
        return new TransientError(`${this.cloud}: internal error (${op})`, this.codes.transient);
      case 'permission':
        return new PermissionError(`${this.cloud}: not authorized (${op})`, this.codes.permission);
      case 'authentication':
        return new AuthenticationError(`${this.cloud}: credentials were rejected`, 'AuthFailure');
    }
  }
}

function offeringOf(ctx: FaultContext): OfferingKey | undefined {
  if (!ctx.region || ctx.zone === undefined || !ctx.instanceType || !ctx.lifecycle) return undefined;
  return { region: ctx.region, zone: ctx.zone, instanceType: ctx.instanceType, lifecycle: ctx.lifecycle };
}
