// `omni edge-location` bad input: each a clear error naming the field, exit 2 (usage) or 1 (failure).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildProgram } from '../../src/cli/main.ts';
import { omni } from './cli-harness.ts';
import { createLocation, startWorld, type World } from './world.ts';

let w: World;

before(async () => {
  w = await startWorld();
});

after(async () => {
  await w?.stop();
});

test('an unknown cloud is a usage error naming --cloud', async () => {
  const r = await omni(w, ['edge-location', 'create', 'x1', '--cloud', 'azur', '--region', 'eastus']);
  assert.equal(r.code, 2);
  assert.match(r.err, /--cloud: unknown cloud "azur" \(one of aws, gcp, oci\)/);
});

test('an unknown region lists close matches from the catalog', async () => {
  const r = await omni(w, ['edge-location', 'create', 'x1', '--cloud', 'gcp', '--region', 'us-centrall1']);
  assert.equal(r.code, 2);
  assert.match(r.err, /--region: "us-centrall1" is not a gcp region; closest: us-central1/);
});

test('a zone outside the region names the zone', async () => {
  const r = await omni(w, ['edge-location', 'create', 'x1', '--cloud', 'oci', '--region', 'us-ashburn-1', '--zones', 'US-ASHBURN-AD-1,US-PHOENIX-AD-1']);
  assert.equal(r.code, 2);
  assert.match(r.err, /--zones\[1\]: zone "US-PHOENIX-AD-1" is not in us-ashburn-1 \(zones: US-ASHBURN-AD-1, US-ASHBURN-AD-2, US-ASHBURN-AD-3\)/);
});

test('a bad name and a missing credentials Secret are usage errors', async () => {
  const bad = await omni(w, ['edge-location', 'create', 'Bad_Name', '--cloud', 'gcp', '--region', 'us-central1']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /name: "Bad_Name" must be lower-case/);
  const secret = await omni(w, ['edge-location', 'create', 'x2', '--cloud', 'gcp', '--region', 'us-central1', '--credentials-secret', 'nope']);
  assert.equal(secret.code, 2);
  assert.match(secret.err, /--credentials-secret: Secret castai-omni\/nope does not exist/);
});

test('a name already taken fails naming it', async () => {
  await createLocation(w.clients, 'taken', { cloud: 'gcp', region: 'us-central1' });
  const r = await omni(w, ['edge-location', 'create', 'taken', '--cloud', 'aws', '--region', 'us-east-1']);
  assert.equal(r.code, 1);
  assert.match(r.err, /name: EdgeLocation "taken" already exists \(gcp us-central1/);
});

test('get and delete of an unknown location fail; list prints a table or JSON', async () => {
  assert.match((await omni(w, ['edge-location', 'get', 'nope'])).err, /EdgeLocation "nope" not found/);
  assert.equal((await omni(w, ['edge-location', 'delete', 'nope'])).code, 1);
  const list = await omni(w, ['edge-location', 'list']);
  assert.match(list.out, /^NAME\s+CLOUD\s+REGION\s+ZONES\s+STATE/);
  const json = JSON.parse((await omni(w, ['edge-location', 'list', '-o', 'json'])).out) as { items: { metadata: { name: string } }[] };
  assert.ok(json.items.some((i) => i.metadata.name === 'taken'));
  assert.equal((await omni(w, ['edge-location', 'list', '-o', 'xml'])).code, 2);
});

test('create without --wait prints the object; no colour when not on a terminal', async () => {
  const r = await omni(w, ['edge-location', 'create', 'plain', '--cloud', 'gcp', '--region', 'us-central1', '-o', 'yaml']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /kind: EdgeLocation/);
  assert.ok(!r.out.includes(String.fromCharCode(27)), 'no ANSI colour codes');
});

test('the omni program has the edge-location command', () => {
  const el = buildProgram().commands.find((c) => c.name() === 'edge-location');
  assert.deepEqual(el?.commands.map((c) => c.name()).sort(), ['check-permissions', 'create', 'delete', 'get', 'list']);
});
