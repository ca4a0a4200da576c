import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EndpointSlice, Service } from '../../src/tunnel/k8s-types.ts';
import { assignPorts } from '../../src/tunnel/ports.ts';
import { SliceResolver } from '../../src/tunnel/slice-resolver.ts';
import { planWiring, type WiringInput } from '../../src/tunnel/wiring.ts';

function svc(namespace: string, name: string, ports: Array<[string, number, ('TCP' | 'UDP')?]>): Service {
  return {
    metadata: { namespace, name },
    spec: { selector: { app: name }, ports: ports.map(([n, port, protocol]) => ({ name: n, port, protocol: protocol ?? 'TCP', targetPort: port + 1000 })) },
  };
}

function slice(namespace: string, service: string, eps: Array<[string, string]>, ports: Array<[string, number]>): EndpointSlice {
  return {
    metadata: { namespace, name: `${service}-abc`, labels: { 'kubernetes.io/service-name': service } },
    addressType: 'IPv4',
    endpoints: eps.map(([ip, node]) => ({ addresses: [ip], nodeName: node, conditions: { ready: true } })),
    ports: ports.map(([name, port]) => ({ name, port, protocol: 'TCP' })),
  };
}

const input: WiringInput = {
  main: {
    services: [
      svc('default', 'db', [['pg', 5432]]),
      svc('shop', 'api', [['http', 80], ['metrics', 9090]]),
      svc('shop', 'cache', [['redis', 6379]]),
      svc('default', 'dns', [['dns', 53, 'UDP']]),
      svc('kube-system', 'kube-dns', [['dns-tcp', 53]]),
      svc('default', 'kubernetes', [['https', 443]]),
    ],
    endpointSlices: [
      slice('default', 'db', [['10.0.0.5', 'main-node-1']], [['pg', 6432]]),
      slice('shop', 'api', [['10.8.0.7', 'edge-a-node-1']], [['http', 1080], ['metrics', 10090]]),
      slice('shop', 'cache', [['10.9.0.3', 'edge-b-node-1']], [['redis', 7379]]),
    ],
  },
  virtualNodes: { 'edge-a-node-1': 'edge-a', 'edge-b-node-1': 'edge-b' },
  edges: { 'edge-a': { gatewayAddress: '10.8.255.1' }, 'edge-b': { gatewayAddress: '10.9.255.1' } },
  hubAddress: '10.0.255.1',
};

test('edges get gateway-backed Services for what runs elsewhere, and local ones with selectors', () => {
  const plan = planWiring(input);
  const a = plan.edges['edge-a'];
  assert.deepEqual(
    a.services.map((s) => [`${s.metadata.namespace}/${s.metadata.name}`, s.spec.selector ? 'selector' : 'gateway']),
    [
      ['default/db', 'gateway'],
      ['shop/cache', 'gateway'],
      ['shop/api', 'selector'],
    ],
  );
  const dbSlice = a.endpointSlices.find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'db');
  assert.ok(dbSlice);
  assert.equal(dbSlice.metadata.name, 'db-omni-spoke');
  assert.deepEqual(dbSlice.endpoints[0].addresses, ['10.8.255.1']);
  assert.deepEqual(dbSlice.ports, [{ name: 'pg', port: plan.ports.spokes['edge-a']['default/db:5432'], protocol: 'TCP' }]);
  assert.deepEqual(a.spoke.serves, ['shop/api:80', 'shop/api:9090']);
  assert.deepEqual(a.spoke.listeners.map((l) => l.service).sort(), ['default/db:5432', 'shop/cache:6379']);
});

test('main gets hub-backed slices for edge-backed services; the policy matches the listeners', () => {
  const plan = planWiring(input);
  assert.deepEqual(plan.main.endpointSlices.map((s) => s.metadata.name).sort(), ['api-omni-hub', 'cache-omni-hub']);
  assert.deepEqual(plan.main.endpointSlices[0].endpoints[0].addresses, ['10.0.255.1']);
  assert.deepEqual(plan.main.hub.listeners.map((l) => l.service).sort(), ['shop/api:80', 'shop/api:9090', 'shop/cache:6379']);
  assert.deepEqual(plan.policy.locations['edge-b'], { allow: ['default/db:5432', 'shop/api:80', 'shop/api:9090'], serves: ['shop/cache:6379'] });
  assert.deepEqual(plan.skipped, ['default/dns:53/UDP: only TCP is tunnelled']);
});

test('system namespaces and default/kubernetes are not exported', () => {
  const plan = planWiring(input);
  const names = Object.values(plan.edges).flatMap((e) => e.services.map((s) => `${s.metadata.namespace}/${s.metadata.name}`));
  assert.ok(!names.includes('kube-system/kube-dns') && !names.includes('default/kubernetes'));
});

test('listener ports stay stable as services come and go', () => {
  const first = planWiring(input);
  const fewer = planWiring({
    ...input,
    main: { ...input.main, services: input.main.services.filter((s) => s.metadata.name !== 'db') },
    previousPorts: first.ports,
  });
  assert.equal(fewer.ports.spokes['edge-a']['shop/cache:6379'], first.ports.spokes['edge-a']['shop/cache:6379']);
  assert.deepEqual(assignPorts(['b', 'a', 'c'], { c: 20000 }), { a: 20001, b: 20002, c: 20000 });
  assert.throws(() => assignPorts(['a', 'b'], {}, { from: 1, to: 1 }));
});

test('slice resolver maps service ports to ready endpoints, skipping omni slices and virtual nodes', () => {
  const r = new SliceResolver({ skipNode: (n) => n in input.virtualNodes });
  const plan = planWiring(input);
  r.update(input.main.services, [...input.main.endpointSlices, ...plan.main.endpointSlices]);
  assert.deepEqual(r.resolve('default/db:5432'), [{ host: '10.0.0.5', port: 6432 }]);
  assert.deepEqual(r.resolve('shop/api:80'), []);
  assert.deepEqual(r.resolve('nope/x:1'), []);
});
