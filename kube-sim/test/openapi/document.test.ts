import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as openapi from '../../src/openapi/index.ts';
import type { BuiltinResource } from '../../src/openapi/index.ts';

type Json = { [k: string]: unknown };
type Doc = {
  openapi: string;
  info: Json;
  paths: Record<string, Json>;
  components: { schemas: Record<string, Json> };
};

const CORE: BuiltinResource[] = [
  {
    group: '',
    version: 'v1',
    resource: 'pods',
    kind: 'Pod',
    namespaced: true,
    subresources: ['status', 'binding', 'eviction', 'log'],
  },
  { group: '', version: 'v1', resource: 'nodes', kind: 'Node', namespaced: false, subresources: ['status'] },
  {
    group: '',
    version: 'v1',
    resource: 'namespaces',
    kind: 'Namespace',
    namespaced: false,
    subresources: ['status', 'finalize'],
  },
  { group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true, subresources: [] },
  { group: '', version: 'v1', resource: 'events', kind: 'Event', namespaced: true, subresources: [] },
];
const APPS: BuiltinResource[] = [
  {
    group: 'apps',
    version: 'v1',
    resource: 'deployments',
    kind: 'Deployment',
    namespaced: true,
    subresources: ['status', 'scale'],
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'replicasets',
    kind: 'ReplicaSet',
    namespaced: true,
    subresources: ['status', 'scale'],
  },
];

const doc = (key: string, resources: BuiltinResource[]): Doc =>
  openapi.builtinOpenApiDocument(key, resources) as Doc;
const op = (d: Doc, path: string, verb: string): Json => d.paths[path][verb] as Json;

function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

test('document header and paths for core/v1', () => {
  const d = doc('api/v1', CORE);
  assert.equal(d.openapi, '3.0.0');
  assert.ok(d.info.title);
  for (const p of [
    '/api/v1/namespaces/{namespace}/pods',
    '/api/v1/namespaces/{namespace}/pods/{name}',
    '/api/v1/namespaces/{namespace}/pods/{name}/status',
    '/api/v1/namespaces/{namespace}/pods/{name}/eviction',
    '/api/v1/namespaces/{namespace}/pods/{name}/binding',
    '/api/v1/pods',
    '/api/v1/nodes',
    '/api/v1/nodes/{name}',
    '/api/v1/namespaces/{name}/finalize',
  ]) {
    assert.ok(d.paths[p], `missing path ${p}`);
  }
  const item = d.paths['/api/v1/namespaces/{namespace}/pods/{name}'];
  for (const verb of ['get', 'put', 'patch', 'delete']) assert.ok(item[verb], verb);
  const coll = d.paths['/api/v1/namespaces/{namespace}/pods'];
  for (const verb of ['get', 'post', 'delete']) assert.ok(coll[verb], verb);
});

test('operations carry GVK and action extensions; PATCH has fieldValidation', () => {
  const d = doc('api/v1', CORE);
  const patch = op(d, '/api/v1/namespaces/{namespace}/pods/{name}', 'patch');
  assert.deepEqual(patch['x-kubernetes-group-version-kind'], { group: '', kind: 'Pod', version: 'v1' });
  assert.equal(patch['x-kubernetes-action'], 'patch');
  const params = (patch.parameters as { name: string; in: string }[]).map((p) => `${p.in}:${p.name}`);
  for (const p of ['dryRun', 'fieldManager', 'fieldValidation', 'force'])
    assert.ok(params.includes(`query:${p}`), p);
  const body = (patch.requestBody as { content: Record<string, unknown> }).content;
  assert.deepEqual(Object.keys(body).sort(), [
    'application/apply-patch+yaml',
    'application/json-patch+json',
    'application/merge-patch+json',
    'application/strategic-merge-patch+json',
  ]);
  const post = op(d, '/api/v1/namespaces/{namespace}/pods', 'post');
  assert.equal(post['x-kubernetes-action'], 'post');
  assert.ok((post.parameters as { name: string }[]).some((p) => p.name === 'fieldValidation'));
  const list = op(d, '/api/v1/namespaces/{namespace}/pods', 'get');
  assert.equal(list['x-kubernetes-action'], 'list');
  const eviction = op(d, '/api/v1/namespaces/{namespace}/pods/{name}/eviction', 'post');
  assert.deepEqual(eviction['x-kubernetes-group-version-kind'], {
    group: 'policy',
    kind: 'Eviction',
    version: 'v1',
  });
  const nodePatch = op(d, '/api/v1/nodes/{name}', 'patch');
  assert.deepEqual(nodePatch['x-kubernetes-group-version-kind'], { group: '', kind: 'Node', version: 'v1' });
});

test('apps/v1 scale subresource uses autoscaling/v1 Scale', () => {
  const d = doc('apis/apps/v1', APPS);
  const scale = op(d, '/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale', 'patch');
  assert.deepEqual(scale['x-kubernetes-group-version-kind'], {
    group: 'autoscaling',
    kind: 'Scale',
    version: 'v1',
  });
  assert.ok(d.components.schemas['io.k8s.api.autoscaling.v1.Scale']);
  const dep = d.components.schemas['io.k8s.api.apps.v1.Deployment'];
  assert.deepEqual(dep['x-kubernetes-group-version-kind'], [
    { group: 'apps', kind: 'Deployment', version: 'v1' },
  ]);
});

test('every $ref resolves inside the document', () => {
  for (const d of [doc('api/v1', CORE), doc('apis/apps/v1', APPS)]) {
    for (const r of refs(d)) {
      const name = r.replace('#/components/schemas/', '');
      assert.ok(d.components.schemas[name], `dangling $ref ${r}`);
    }
  }
});

test('schemas: names, descriptions, patch extensions, special types', () => {
  const s = doc('api/v1', CORE).components.schemas;
  const names = openapi.builtinSchemaNames();
  for (const n of [
    'io.k8s.api.core.v1.Pod',
    'io.k8s.api.core.v1.PodSpec',
    'io.k8s.api.core.v1.Container',
    'io.k8s.api.core.v1.Affinity',
    'io.k8s.api.core.v1.TopologySpreadConstraint',
    'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
    'io.k8s.api.apps.v1.StatefulSet',
    'io.k8s.api.batch.v1.Job',
    'io.k8s.api.coordination.v1.Lease',
    'io.k8s.api.policy.v1.PodDisruptionBudget',
    'io.k8s.api.discovery.v1.EndpointSlice',
    'io.k8s.api.events.v1.Event',
    'io.k8s.api.storage.v1.StorageClass',
    'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition',
    'io.k8s.api.apps.v1.ControllerRevision',
    'io.k8s.api.authorization.v1.SelfSubjectAccessReview',
    'io.k8s.api.scheduling.v1.PriorityClass',
    'io.k8s.api.core.v1.Binding',
    'io.k8s.api.policy.v1.Eviction',
  ]) {
    assert.ok(names.includes(n), n);
  }
  const podSpec = s['io.k8s.api.core.v1.PodSpec'].properties as Record<string, Json>;
  assert.equal(podSpec.containers['x-kubernetes-patch-strategy'], 'merge');
  assert.equal(podSpec.containers['x-kubernetes-patch-merge-key'], 'name');
  assert.equal(podSpec.containers['x-kubernetes-list-type'], 'map');
  assert.deepEqual(podSpec.containers['x-kubernetes-list-map-keys'], ['name']);
  assert.equal(podSpec.volumes['x-kubernetes-patch-strategy'], 'merge,retainKeys');
  const container = s['io.k8s.api.core.v1.Container'];
  assert.ok(typeof container.description === 'string' && container.description.length > 0);
  const cProps = container.properties as Record<string, Json>;
  assert.equal(cProps.image.type, 'string');
  assert.ok(typeof cProps.image.description === 'string');
  assert.equal(cProps.ports['x-kubernetes-patch-merge-key'], 'containerPort');
  assert.deepEqual(container.required, ['name']);
  assert.equal(s['io.k8s.apimachinery.pkg.util.intstr.IntOrString']['x-kubernetes-int-or-string'], true);
  assert.equal(s['io.k8s.apimachinery.pkg.api.resource.Quantity']['x-kubernetes-int-or-string'], true);
  assert.equal(s['io.k8s.apimachinery.pkg.apis.meta.v1.Time'].format, 'date-time');
  const pod = s['io.k8s.api.core.v1.Pod'];
  assert.deepEqual(pod['x-kubernetes-group-version-kind'], [{ group: '', kind: 'Pod', version: 'v1' }]);
  assert.deepEqual(s['io.k8s.api.core.v1.PodList']['x-kubernetes-group-version-kind'], [
    { group: '', kind: 'PodList', version: 'v1' },
  ]);
});

test('CRD openAPIV3Schema preserves unknown fields', () => {
  const crd = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: {
      group: 'example.com',
      names: { kind: 'Widget', plural: 'widgets' },
      scope: 'Namespaced',
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, anything: 1 },
          },
        },
      ],
    },
  };
  assert.deepEqual(openapi.builtinUnknownFields('CustomResourceDefinition', crd), []);
});

test('builtinUnknownFields finds typos in nested lists and maps', () => {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', labels: { app: 'x' }, bogus: true },
    spec: {
      containers: [
        { name: 'ok', image: 'nginx', resources: { limits: { cpu: 1, memory: '1Gi' } } },
        {
          name: 'bad',
          imagee: 'nginx',
          env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'x', oops: 1 } } }],
        },
      ],
      tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }],
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'zone', typo: 1 }],
        },
      },
    },
    status: { phase: 'Running' },
  };
  assert.deepEqual(openapi.builtinUnknownFields('Pod', pod), [
    'metadata.bogus',
    'spec.containers[1].imagee',
    'spec.containers[1].env[0].valueFrom.fieldRef.oops',
    'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].typo',
  ]);
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 2,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx', port: 80 }] },
      },
    },
  };
  assert.deepEqual(openapi.builtinUnknownFields('Deployment', deployment), [
    'spec.template.spec.containers[0].port',
  ]);
  assert.deepEqual(openapi.builtinUnknownFields('NoSuchKind', { a: 1 }), []);
  const ev = {
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: { name: 'e' },
    note: 'n',
    message: 'old field',
  };
  assert.deepEqual(openapi.builtinUnknownFields('Event', ev), ['message']);
  const coreEv = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'e' },
    message: 'm',
    involvedObject: { kind: 'Pod' },
  };
  assert.deepEqual(openapi.builtinUnknownFields('Event', coreEv), []);
});

test('openApiV3Index lists server-relative URLs with hashes', () => {
  const idx = openapi.openApiV3Index(['apis/apps/v1', 'api/v1'], (k) => `H${k.length}`);
  assert.deepEqual(idx, {
    paths: {
      'api/v1': { serverRelativeURL: '/openapi/v3/api/v1?hash=H6' },
      'apis/apps/v1': { serverRelativeURL: '/openapi/v3/apis/apps/v1?hash=H12' },
    },
  });
});

test('documents are deterministic (stable hashes)', () => {
  assert.equal(JSON.stringify(doc('api/v1', CORE)), JSON.stringify(doc('api/v1', CORE)));
});

test('documents for every built-in group-version resolve all references', () => {
  const all: BuiltinResource[] = [
    ...CORE,
    ...APPS,
    {
      group: 'apps',
      version: 'v1',
      resource: 'daemonsets',
      kind: 'DaemonSet',
      namespaced: true,
      subresources: ['status'],
    },
    {
      group: 'apps',
      version: 'v1',
      resource: 'statefulsets',
      kind: 'StatefulSet',
      namespaced: true,
      subresources: ['scale'],
    },
    {
      group: 'batch',
      version: 'v1',
      resource: 'jobs',
      kind: 'Job',
      namespaced: true,
      subresources: ['status'],
    },
    {
      group: 'coordination.k8s.io',
      version: 'v1',
      resource: 'leases',
      kind: 'Lease',
      namespaced: true,
      subresources: [],
    },
    {
      group: 'policy',
      version: 'v1',
      resource: 'poddisruptionbudgets',
      kind: 'PodDisruptionBudget',
      namespaced: true,
      subresources: ['status'],
    },
    {
      group: 'discovery.k8s.io',
      version: 'v1',
      resource: 'endpointslices',
      kind: 'EndpointSlice',
      namespaced: true,
      subresources: [],
    },
    {
      group: 'events.k8s.io',
      version: 'v1',
      resource: 'events',
      kind: 'Event',
      namespaced: true,
      subresources: [],
    },
    {
      group: 'storage.k8s.io',
      version: 'v1',
      resource: 'storageclasses',
      kind: 'StorageClass',
      namespaced: false,
      subresources: [],
    },
    {
      group: 'apiextensions.k8s.io',
      version: 'v1',
      resource: 'customresourcedefinitions',
      kind: 'CustomResourceDefinition',
      namespaced: false,
      subresources: ['status'],
    },
    {
      group: 'example.com',
      version: 'v1',
      resource: 'things',
      kind: 'Thing',
      namespaced: true,
      subresources: [],
    },
  ];
  const keys = [
    ...new Set(all.map((r) => (r.group === '' ? `api/${r.version}` : `apis/${r.group}/${r.version}`))),
  ];
  for (const key of keys) {
    const d = doc(key, all);
    assert.ok(Object.keys(d.paths).length > 0, key);
    for (const r of refs(d))
      assert.ok(d.components.schemas[r.replace('#/components/schemas/', '')], `${key}: ${r}`);
  }
  const unknownKind = doc('apis/example.com/v1', all).components.schemas['io.k8s.sim.example.com.v1.Thing'];
  assert.equal(unknownKind['x-kubernetes-preserve-unknown-fields'], true);
});
