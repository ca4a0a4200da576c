// Collects what one onboarding step found and made, for its StepResult.

import type { CloudObjectRef, StepResult } from './types.ts';

export class StepLog {
  readonly created: CloudObjectRef[] = [];
  readonly objects: CloudObjectRef[] = [];

  note(kind: string, id: string, name: string, created: boolean): string {
    const ref = { kind, id, name };
    this.objects.push(ref);
    if (created) this.created.push(ref);
    return id;
  }

  result<T>(ids: T): StepResult<T> {
    return { ids, created: [...this.created], objects: [...this.objects] };
  }
}
