// Evictor actions: the Events omni-evictor writes when it moves or packs pods.
import type { EventView } from '../api-types.ts';
import { isEvictorEvent, selectEvents } from './events.ts';
import type { ViewDeps } from './snapshot.ts';

export function evictorView(deps: ViewDeps): EventView[] {
  return selectEvents(deps.cache.events.list(), isEvictorEvent);
}
