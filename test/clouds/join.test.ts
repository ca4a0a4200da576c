import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeUserData, parseUserData } from '../../src/clouds/join.ts';
import { InvalidRequestError } from '../../src/clouds/types.ts';
import { nodeAllocatable, reservedCpuMillis, reservedMemoryBytes } from '../../src/clouds/allocatable.ts';
import { buildNode } from '../../src/clouds/node-object.ts';
import { KubeNodeRegistrar } from '../../src/clouds/registrar.ts';
import type { NodeApi } from '../../src/clouds/registrar.ts';
import { ApiException } from '@kubernetes/client-node';
import type { V1Node } from '@kubernetes/client-node';
import { joinContract } from './helpers.ts';

const SPEC = {
  cloud: 'gcp' as const,
  instanceId: '1234',
  instanceType: 'a2-highgpu-1g',
  region: 'us-central1',
  zone: 'us-central1-a',
  arch: 'amd64' as const,
  vcpus: 12,
  memoryGiB: 85,
  gpuName: 'A100',
  gpuCount: 1,
  lifecycle: 'on-demand' as const,
  edgeLocation: 'gcp-central',
};

describe('join contract in user data', () => {
  it('round-trips through user data', () => {
    const c = joinContract({
      labels: { a: 'b', "q'uote": 'x y' },
      taints: [{ key: 'k', value: 'v', effect: 'NoExecute' }],
    });
    const ud = encodeUserData(c);
    assert.ok(ud.startsWith('#!/bin/bash\n'));
    assert.deepEqual(parseUserData(ud).contract, c);
  });

  it('a K3s agent script joins the endpoint with the token, node name, labels and taints', () => {
    const ud = encodeUserData(joinContract({ taints: [{ key: 'k', value: 'v', effect: 'NoExecute' }] }));
    assert.match(ud, /export K3S_URL='https:\/\/127\.0\.0\.1:6443'/);
    assert.match(ud, /export K3S_TOKEN='abcdef\.0123456789abcdef'/);
    assert.match(
      ud,
      /get\.k3s\.io \| sh -s - agent --node-name 'omni-node-1' --node-label 'scheduling\.cast\.ai\/node-template=default' --node-taint 'k=v:NoExecute'/,
    );
    assert.doesNotMatch(ud, /nvidia/);
  });

  it('a K3s server script for the edge cluster has no K3S_URL', () => {
    const ud = encodeUserData(joinContract({ role: 'server' }));
    assert.match(ud, /sh -s - server/);
    assert.doesNotMatch(ud, /K3S_URL/);
  });

  it('GPU instances get the NVIDIA driver, container toolkit and device plugin step', () => {
    const ud = encodeUserData(joinContract({ installGpuDriver: true }));
    assert.match(ud, /ubuntu-drivers install/);
    assert.match(ud, /nvidia-container-toolkit/);
    assert.match(ud, /nvidia-device-plugin/);
    assert.ok(ud.indexOf('nvidia-driver') < ud.indexOf('get.k3s.io'), 'driver before joining');
    assert.equal(parseUserData(ud).gpuDriverStep, true);
    assert.match(
      ud,
      /agent\/pod-manifests\/nvidia-device-plugin\.yaml/,
      'an agent runs the device plugin as a static pod',
    );
    const server = encodeUserData(joinContract({ role: 'server', installGpuDriver: true }));
    assert.match(server, /server\/manifests\/nvidia-device-plugin\.yml/);
  });

  it('the driver flag follows the script, not the claim: stripping the step drops the GPU', () => {
    const ud = encodeUserData(joinContract({ installGpuDriver: true })).replace(
      '# omni-step: nvidia-driver',
      '',
    );
    const parsed = parseUserData(ud);
    assert.equal(parsed.contract.installGpuDriver, false);
    assert.equal(buildNode(parsed.contract, SPEC).status?.capacity?.['nvidia.com/gpu'], undefined);
  });

  it('rejects user data without a contract and contracts with bad fields', () => {
    assert.throws(() => parseUserData('#cloud-config\n'), InvalidRequestError);
    assert.throws(() => parseUserData('# omni-join-contract: !!!\n'), InvalidRequestError);
    assert.throws(() => encodeUserData(joinContract({ clusterEndpoint: 'http://x' })), /https/);
    assert.throws(() => encodeUserData(joinContract({ nodeName: 'Bad_Name' })), /DNS-1123/);
  });
});

describe('registered node', () => {
  it('follows the default allocatable model', () => {
    assert.equal(reservedCpuMillis(1), 60);
    assert.equal(reservedCpuMillis(4), 80);
    assert.equal(reservedCpuMillis(8), 90);
    assert.equal(reservedMemoryBytes(8), Math.round(1.8 * 1024 ** 3) + 100 * 1024 ** 2);
    const a = nodeAllocatable(2, 8, 100);
    assert.equal(a.cpu, '1930m');
    assert.equal(a.memory, `${Math.floor((8 * 1024 ** 3 - (1.8 * 1024 ** 3 + 100 * 1024 ** 2)) / 1024)}Ki`);
    assert.equal(a.pods, '110');
  });

  it('carries instance facts, omni labels, GPU resources and the simulated annotation', () => {
    const node = buildNode(joinContract({ installGpuDriver: true }), SPEC);
    const l = node.metadata?.labels ?? {};
    assert.equal(l['kubernetes.io/arch'], 'amd64');
    assert.equal(l['kubernetes.io/os'], 'linux');
    assert.equal(l['topology.kubernetes.io/region'], 'us-central1');
    assert.equal(l['omni.cast.ai/cloud'], 'gcp');
    assert.equal(l['omni.cast.ai/edge-node'], 'true');
    assert.equal(l['nvidia.com/gpu.product'], 'A100');
    assert.equal(l['scheduling.cast.ai/spot'], undefined);
    assert.equal(node.status?.allocatable?.['nvidia.com/gpu'], '1');
    assert.equal(node.spec?.providerID, 'castai-omni://gcp-central/1234');
  });

  it('KubeNodeRegistrar creates the Node, tolerates 409 on create and 404 on delete', async () => {
    const calls: string[] = [];
    let conflict = false;
    const api: NodeApi = {
      createNode: async ({ body }: { body: V1Node }) => {
        calls.push(`create ${body.metadata?.name}`);
        if (conflict) throw new ApiException(409, 'AlreadyExists', {}, {});
        return body;
      },
      deleteNode: async ({ name }: { name: string }) => {
        calls.push(`delete ${name}`);
        throw new ApiException(404, 'NotFound', {}, {});
      },
    };
    const seen: string[] = [];
    const reg = new KubeNodeRegistrar((j) => {
      seen.push(j.clusterEndpoint);
      return api;
    });
    await reg.register(joinContract(), SPEC);
    conflict = true;
    await reg.register(joinContract(), SPEC);
    await reg.deregister(joinContract(), 'omni-node-1');
    assert.deepEqual(calls, ['create omni-node-1', 'create omni-node-1', 'delete omni-node-1']);
    assert.deepEqual(seen, ['https://127.0.0.1:6443', 'https://127.0.0.1:6443', 'https://127.0.0.1:6443']);
  });
});
