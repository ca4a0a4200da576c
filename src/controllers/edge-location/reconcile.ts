// One pass over one EdgeLocation: gone → forget; deleting → offboard; otherwise finalizer, then onboard.
import { FINALIZER } from './constants.ts';
import type { Ctx } from './context.ts';
import { offboard } from './offboard.ts';
import { onboard, type Outcome } from './onboard.ts';
import { getLocation, setFinalizers } from './store.ts';

function forget(ctx: Ctx, name: string): void {
  if (ctx.announced.delete(name) && !ctx.removed.has(name)) for (const l of ctx.listeners) l.onRemoved(name);
  ctx.removed.delete(name);
  ctx.failedAt.delete(name);
}

export async function reconcile(ctx: Ctx, name: string): Promise<Outcome> {
  let obj = await getLocation(ctx.clients, name);
  if (!obj) {
    forget(ctx, name);
    return {};
  }
  if (obj.metadata?.deletionTimestamp) return offboard(ctx, obj);
  if (!obj.metadata?.finalizers?.includes(FINALIZER)) {
    obj = await setFinalizers(ctx.clients, obj, [...(obj.metadata?.finalizers ?? []), FINALIZER]);
  }
  return onboard(ctx, obj);
}
