import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestCluster, type TestCluster } from '../helpers.ts';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p1
  labels: {app: web}
spec:
  containers:
  - name: c
    image: nginx:1.25
`;

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: web, image: nginx:1.25}
`;

describe('kubectl against kube-sim', () => {
  let c: TestCluster;
  before(async () => {
    c = await startTestCluster();
  });
  after(async () => c.stop());

  it('reports version 1.31 so the dispatcher runs kubectl 1.31', async () => {
    const r = await c.kubectl(['version', '-o', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const v = JSON.parse(r.stdout) as { serverVersion: { minor: string }; clientVersion: { minor: string } };
    assert.equal(v.serverVersion.minor, '31');
    assert.equal(v.clientVersion.minor, '31');
  });

  it('lists api-resources with short names and groups', async () => {
    const r = await c.kubectl(['api-resources']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^pods\s+po\s+v1\s+true\s+Pod$/m);
    assert.match(r.stdout, /^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
    assert.match(r.stdout, /^poddisruptionbudgets\s+pdb\s+policy\/v1\s+true\s+PodDisruptionBudget$/m);
  });

  it('gets namespaces as a table', async () => {
    const r = await c.kubectl(['get', 'namespaces']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^NAME\s+STATUS\s+AGE/);
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) assert.match(r.stdout, new RegExp(`^${ns}\\s+Active`, 'm'));
  });

  it('applies client-side, re-applies unchanged, and applies a change as a strategic merge patch', async () => {
    const f = c.file('deploy.yaml', DEPLOY);
    assert.match((await c.kubectl(['apply', '-f', f])).stdout, /deployment.apps\/web created/);
    assert.match((await c.kubectl(['apply', '-f', f])).stdout, /deployment.apps\/web unchanged/);
    const f2 = c.file('deploy2.yaml', DEPLOY.replace('replicas: 2', 'replicas: 4').replace('nginx:1.25', 'nginx:1.27'));
    assert.match((await c.kubectl(['apply', '-f', f2])).stdout, /deployment.apps\/web configured/);
    const got = JSON.parse((await c.kubectl(['get', 'deploy', 'web', '-o', 'json'])).stdout) as {
      spec: { replicas: number; template: { spec: { containers: { image: string }[] } } };
      metadata: { generation: number; annotations: Record<string, string> };
    };
    assert.equal(got.spec.replicas, 4);
    assert.equal(got.spec.template.spec.containers.length, 1);
    assert.equal(got.spec.template.spec.containers[0].image, 'nginx:1.27');
    assert.equal(got.metadata.generation, 2);
    assert.ok(got.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']);
  });

  it('applies server-side, reports conflicts between managers and forces them', async () => {
    const f = c.file('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa}\ndata: {a: "1", b: "2"}\n');
    assert.match((await c.kubectl(['apply', '--server-side', '-f', f])).stdout, /configmap\/ssa serverside-applied/);
    const f2 = c.file('cm2.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa}\ndata: {b: "3"}\n');
    const conflict = await c.kubectl(['apply', '--server-side', '--field-manager=other', '-f', f2]);
    assert.notEqual(conflict.code, 0);
    assert.match(conflict.stderr, /conflict with "kubectl"/);
    const forced = await c.kubectl(['apply', '--server-side', '--field-manager=other', '--force-conflicts', '-f', f2]);
    assert.equal(forced.code, 0, forced.stderr);
    const data = JSON.parse((await c.kubectl(['get', 'cm', 'ssa', '-o', 'jsonpath={.data}'])).stdout) as Record<string, string>;
    assert.deepEqual(data, { a: '1', b: '3' });
  });

  it('patches with merge, JSON and strategic patches', async () => {
    await c.kubectl(['apply', '-f', c.file('pod.yaml', POD)]);
    assert.equal((await c.kubectl(['patch', 'pod', 'p1', '--type=merge', '-p', '{"metadata":{"labels":{"m":"1"}}}'])).code, 0);
    assert.equal((await c.kubectl(['patch', 'pod', 'p1', '--type=json', '-p', '[{"op":"add","path":"/metadata/labels/j","value":"2"}]'])).code, 0);
    assert.equal((await c.kubectl(['patch', 'pod', 'p1', '-p', '{"spec":{"containers":[{"name":"c","image":"nginx:1.26"}]}}'])).code, 0);
    const pod = JSON.parse((await c.kubectl(['get', 'pod', 'p1', '-o', 'json'])).stdout) as {
      metadata: { labels: Record<string, string> };
      spec: { containers: { name: string; image: string }[] };
    };
    assert.deepEqual(pod.metadata.labels, { app: 'web', m: '1', j: '2' });
    assert.deepEqual(pod.spec.containers.map((x) => [x.name, x.image]), [['c', 'nginx:1.26']]);
    const bad = await c.kubectl(['patch', 'pod', 'p1', '--type=json', '-p', '[{"op":"test","path":"/metadata/name","value":"nope"}]']);
    assert.notEqual(bad.code, 0);
  });

  it('labels, annotates, describes and replaces', async () => {
    assert.match((await c.kubectl(['label', 'pod', 'p1', 'tier=x'])).stdout, /pod\/p1 labeled/);
    assert.match((await c.kubectl(['annotate', 'pod', 'p1', 'note=hi'])).stdout, /pod\/p1 annotated/);
    const sel = await c.kubectl(['get', 'pods', '-l', 'tier in (x,y),app', '-o', 'name']);
    assert.equal(sel.stdout.trim(), 'pod/p1');
    const d = await c.kubectl(['describe', 'pod', 'p1']);
    assert.equal(d.code, 0, d.stderr);
    assert.match(d.stdout, /^Name:\s+p1$/m);
    assert.match(d.stdout, /tier=x/);
    assert.match(d.stdout, /node.kubernetes.io\/unreachable:NoExecute op=Exists for 300s/);
    const cm = await c.kubectl(['get', 'cm', 'ssa', '-o', 'yaml']);
    const replaced = await c.kubectl(['replace', '-f', c.file('ssa.yaml', cm.stdout.replace('a: "1"', 'a: "9"'))]);
    assert.match(replaced.stdout, /configmap\/ssa replaced/, replaced.stderr);
  });

  it('explains fields from OpenAPI v3', async () => {
    const r = await c.kubectl(['explain', 'pod.spec.nodeName']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /FIELD: nodeName <string>/);
  });

  it('scales through the scale subresource', async () => {
    assert.match((await c.kubectl(['scale', 'deploy', 'web', '--replicas=1'])).stdout, /deployment.apps\/web scaled/);
    assert.equal((await c.kubectl(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'])).stdout, '1');
  });

  it('deletes and waits for deletion', async () => {
    assert.match((await c.kubectl(['delete', 'pod', 'p1'])).stdout, /pod "p1" deleted/);
    const w = await c.kubectl(['wait', '--for=delete', 'pod/p1', '--timeout=10s']);
    assert.equal(w.code, 0, w.stderr);
    const gone = await c.kubectl(['get', 'pod', 'p1']);
    assert.match(gone.stderr, /Error from server \(NotFound\): pods "p1" not found/);
  });

  it('waits for a condition', async () => {
    const r = await c.kubectl(['wait', '--for=jsonpath={.status.phase}=Active', 'namespace/default', '--timeout=10s']);
    assert.equal(r.code, 0, r.stderr);
  });

  it('dry-runs on the server without storing', async () => {
    const f = c.file('dry.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: dry}\n');
    assert.match((await c.kubectl(['apply', '--dry-run=server', '-f', f])).stdout, /configmap\/dry created \(server dry run\)/);
    assert.match((await c.kubectl(['get', 'cm', 'dry'])).stderr, /NotFound/);
  });

  it('rejects invalid objects with field causes', async () => {
    const f = c.file('bad.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: Bad_Name}\n');
    const r = await c.kubectl(['apply', '-f', f]);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
    const typo = c.file('typo.yaml', POD.replace('image:', 'imagee:').replace('p1', 'p2'));
    const strict = await c.kubectl(['apply', '-f', typo]);
    assert.match(strict.stderr, /unknown field "spec.containers\[0\].imagee"/);
  });

  it('creates and serves custom resources, validates them, and removes them with their CRD', async () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.io}
spec:
  group: example.io
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wg]}
  versions:
  - name: v1
    served: true
    storage: true
    subresources: {status: {}}
    additionalPrinterColumns:
    - {name: Size, type: integer, jsonPath: .spec.size}
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            required: [size]
            properties:
              size: {type: integer, minimum: 1}
              color: {type: string, enum: [red, blue]}
`;
    assert.equal((await c.kubectl(['apply', '-f', c.file('crd.yaml', crd)])).code, 0);
    const ok = await c.kubectl(['apply', '-f', c.file('w.yaml', 'apiVersion: example.io/v1\nkind: Widget\nmetadata: {name: w1}\nspec: {size: 3, color: red}\n')]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match((await c.kubectl(['get', 'wg'])).stdout, /^w1\s+3$/m);
    const bad = await c.kubectl(['apply', '-f', c.file('w2.yaml', 'apiVersion: example.io/v1\nkind: Widget\nmetadata: {name: w2}\nspec: {size: 0, color: green}\n')]);
    assert.match(bad.stderr, /spec.color: Unsupported value: "green": supported values: "red", "blue"/);
    assert.match(bad.stderr, /spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1/);
    assert.equal((await c.kubectl(['delete', 'crd', 'widgets.example.io'])).code, 0);
    const after = await c.kubectl(['get', 'widgets.example.io']);
    assert.notEqual(after.code, 0);
  });

  it('refuses protobuf bodies with 415', async () => {
    const r = await c.request('POST', '/api/v1/namespaces', { body: Buffer.from('k8s\0abc'), contentType: 'application/vnd.kubernetes.protobuf' });
    assert.equal(r.status, 415);
    assert.equal((JSON.parse(r.body) as { reason: string }).reason, 'UnsupportedMediaType');
  });
});
