// What a spoke says about its hub link: losing the hub is a warning; closing the spoke itself is not.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import { Hub } from '../../src/tunnel/hub.ts';
import { Spoke } from '../../src/tunnel/spoke.ts';
import { staticResolver } from '../../src/tunnel/resolver.ts';
import { POLICY, TEST_MUX, pki, spokeOptions } from './fixture.ts';

/** A logger whose lines are kept, for asserting what was said. */
function capturingLogger(): { logger: pino.Logger; messages: () => string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = pino({ level: 'info' }, sink);
  return { logger, messages: () => lines.map((l) => (JSON.parse(l) as { msg: string }).msg) };
}

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; !cond();) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

let hub: Hub;

async function startHub(port = 0): Promise<Hub> {
  const p = pki();
  const h = new Hub({
    tls: { ...p.hub, caPem: p.ca.certPem },
    policy: POLICY,
    resolver: staticResolver({}),
    host: '127.0.0.1',
    port,
    mux: TEST_MUX,
  });
  await h.start();
  return h;
}

before(async () => {
  hub = await startHub();
});
after(async () => {
  await hub.close();
});

test('a spoke that is closed says nothing of losing the hub', async () => {
  const log = capturingLogger();
  const spoke = new Spoke(spokeOptions('edge-a', hub.port, { logger: log.logger }));
  await spoke.start();
  await spoke.ready(5000);
  await spoke.close();
  assert.ok(log.messages().includes('connected to hub'));
  assert.ok(!log.messages().includes('hub connection lost'), log.messages().join(', '));
});

test('a spoke whose hub goes away warns once, then reconnects', async () => {
  const log = capturingLogger();
  const spoke = new Spoke(spokeOptions('edge-b', hub.port, { logger: log.logger }));
  await spoke.start();
  await spoke.ready(5000);
  const count = (msg: string): number => log.messages().filter((m) => m === msg).length;
  const port = hub.port;
  await hub.close();
  await until(() => count('hub connection lost') === 1);
  hub = await startHub(port);
  await until(() => count('connected to hub') === 2);
  await spoke.close();
  assert.equal(count('hub connection lost'), 1);
});
