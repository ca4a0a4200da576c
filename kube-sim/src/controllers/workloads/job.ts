import type { JsonObject } from '../../util/json.ts';
import { deleteObject } from '../../api/delete.ts';
import { rfc3339 } from '../../util/clock.ts';
import type { ControllerContext } from '../shared/context.ts';
import { WorkloadController } from '../shared/workload-controller.ts';
import { conditionOf, isActive, isDeleting, isPodReady, nameOf, namespaceOf, phaseOf, podFromTemplate, specOf, statusOf, uidOf } from '../shared/pods.ts';

const SOURCE = { component: 'job-controller' };
const BACKOFF_BASE_MS = 10_000;
const BACKOFF_MAX_MS = 360_000;

interface Counts {
  active: JsonObject[];
  succeeded: number;
  failed: number;
  lastFailure: number;
}

function finishedAt(pod: JsonObject): number {
  const statuses = (statusOf(pod).containerStatuses as JsonObject[] | undefined) ?? [];
  const t = ((statuses[0]?.state as JsonObject | undefined)?.terminated as JsonObject | undefined)?.finishedAt;
  return Date.parse(String(t ?? '')) || 0;
}

function isFinished(job: JsonObject): boolean {
  return ['Complete', 'Failed'].some((t) => conditionOf(job, t)?.status === 'True');
}

function completionsOf(spec: JsonObject): number | undefined {
  return spec.completions === null || spec.completions === undefined ? undefined : Number(spec.completions);
}

/** Pods that should run now: parallelism, capped by the completions still missing (0 when suspended). */
function wantActive(spec: JsonObject, completions: number | undefined, succeeded: number): number {
  const parallelism = spec.suspend === true ? 0 : Number(spec.parallelism ?? 1);
  if (completions === undefined) return succeeded > 0 ? 0 : parallelism;
  return Math.min(parallelism, completions - succeeded);
}

/** Job: runs pods until `completions` succeeded (at most `parallelism` at once), fails past `backoffLimit`. */
export class JobController extends WorkloadController {
  constructor(ctx: ControllerContext) {
    super(ctx, { group: 'batch', version: 'v1', resource: 'jobs', kind: 'Job' });
  }

  private counts(job: JsonObject): Counts {
    const pods = this.ctx.pods.ownedBy(uidOf(job));
    const status = statusOf(job);
    const failedPods = pods.filter((p) => phaseOf(p) === 'Failed');
    return {
      active: pods.filter(isActive),
      succeeded: Math.max(Number(status.succeeded ?? 0), pods.filter((p) => phaseOf(p) === 'Succeeded').length),
      failed: Math.max(Number(status.failed ?? 0), failedPods.length),
      lastFailure: Math.max(0, ...failedPods.map(finishedAt)),
    };
  }

  protected reconcile(job: JsonObject): void {
    if (isFinished(job)) return;
    const spec = specOf(job);
    const c = this.counts(job);
    if (c.failed > Number(spec.backoffLimit ?? 6)) return this.fail(job, c);
    const completions = completionsOf(spec);
    const done = completions === undefined ? c.succeeded > 0 && c.active.length === 0 : c.succeeded >= completions;
    if (done) return this.complete(job, c);
    const want = wantActive(spec, completions, c.succeeded);
    if (c.active.length < want) this.createPods(job, want - c.active.length, c);
    else if (c.active.length > want) this.deletePods(c.active.slice(want));
    this.writeStatus(job, this.status(job, this.counts(job)));
  }

  private status(job: JsonObject, c: Counts): JsonObject {
    const now = rfc3339(this.ctx.clock.now());
    const all = this.ctx.pods.ownedBy(uidOf(job));
    return {
      startTime: statusOf(job).startTime ?? now,
      active: c.active.length,
      ready: c.active.filter(isPodReady).length,
      succeeded: c.succeeded,
      failed: c.failed,
      terminating: all.filter(isDeleting).length,
      uncountedTerminatedPods: {},
    };
  }

  private createPods(job: JsonObject, n: number, c: Counts): void {
    if (c.failed > 0) {
      const wait = c.lastFailure + Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (c.failed - 1)) - this.ctx.clock.now();
      if (wait > 0) return this.queue.addAfter(`${namespaceOf(job)}/${nameOf(job)}`, wait);
    }
    const template = specOf(job).template as JsonObject;
    for (let i = 0; i < n; i++) {
      const created = this.ctx.api.create(this.podType, namespaceOf(job), podFromTemplate(template, job, { generateName: `${nameOf(job)}-` }));
      this.ctx.events.normal(SOURCE, job, 'SuccessfulCreate', `Created pod: ${nameOf(created)}`);
    }
  }

  private deletePods(pods: JsonObject[]): void {
    for (const p of pods) deleteObject(this.ctx.api, this.podType, { namespace: namespaceOf(p), name: nameOf(p) });
  }

  private finishedConditions(type: 'Complete' | 'Failed', reason: string, message: string): JsonObject[] {
    const ts = rfc3339(this.ctx.clock.now());
    const c = (t: string) => ({ type: t, status: 'True', reason, message, lastProbeTime: ts, lastTransitionTime: ts });
    return type === 'Complete' ? [c('SuccessCriteriaMet'), c('Complete')] : [c('FailureTarget'), c('Failed')];
  }

  private complete(job: JsonObject, c: Counts): void {
    const status = this.status(job, c);
    status.completionTime = rfc3339(this.ctx.clock.now());
    status.conditions = this.finishedConditions('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods');
    this.writeStatus(job, status);
    this.ctx.events.normal(SOURCE, job, 'Completed', 'Job completed');
  }

  private fail(job: JsonObject, c: Counts): void {
    this.deletePods(c.active);
    const status = this.status(job, { ...c, active: [] });
    status.conditions = this.finishedConditions('Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit');
    this.writeStatus(job, status);
    this.ctx.events.warning(SOURCE, job, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit');
  }
}
