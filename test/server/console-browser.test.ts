// The console in headless Chromium against kube-sim: sign-in, edge locations and virtual nodes, a
// decision's explanation, and the node template form (created, and rejected with the field's message).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from './browser.ts';
import { createNodeWithStatus, createOmni, edgeLocation, mainNode, nodeClaim, startEnv, virtualNode, type Env } from './helpers.ts';

let env: Env;
let browser: Browser;
let page: Page;

before(async () => {
  env = await startEnv();
  await createNodeWithStatus(env.clients, mainNode('main-1'));
  await createNodeWithStatus(env.clients, mainNode('main-2', 'us-east-1b'));
  await createOmni(env.clients, 'edgelocations', edgeLocation('gcp-us-central1'));
  await createOmni(env.clients, 'edgelocations', { ...edgeLocation('oci-us-ashburn-1', 'Initializing'), spec: { cloud: 'oci', region: 'us-ashburn-1' } });
  await createNodeWithStatus(env.clients, virtualNode('edge-gpu-1', 'gcp-us-central1'));
  await createOmni(env.clients, 'nodeclaims', { ...nodeClaim('edge-gpu-1', 'edge-gpu-1', 'gcp-us-central1'), status: { nodeName: 'edge-gpu-1' } });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
});

after(async () => {
  await browser?.close();
  await env?.stop();
});

async function open(screen: string): Promise<void> {
  await page.goto(`${env.console.url}/#/${screen}`);
  await page.waitForSelector(`main[data-screen="${screen}"]`);
}

test('refuses the console without the token', async () => {
  const res = await page.goto(`${env.console.url}/`);
  assert.equal(res?.status(), 401);
  assert.match(await page.textContent('body') ?? '', /Sign in required/);
});

test('loads with the token and shows the main cluster and edge locations', async () => {
  await page.goto(env.console.loginUrl);
  await page.waitForSelector('[data-location="gcp-us-central1"]');
  const text = await page.textContent('[data-testid="locations"]');
  assert.match(text ?? '', /Main cluster/);
  assert.match(text ?? '', /oci-us-ashburn-1/);
  assert.match(await page.textContent('[data-location="gcp-us-central1"]') ?? '', /1 \(1 virtual\)/);
  await page.screenshot({ path: screenshotPath('overview'), fullPage: true });
});

test('nodes screen shows the virtual node with its location and price', async () => {
  await open('nodes');
  const row = page.locator('[data-row="edge-gpu-1"]');
  const text = await row.textContent();
  assert.match(text ?? '', /virtual/);
  assert.match(text ?? '', /gcp-us-central1/);
  assert.match(text ?? '', /\$0\.310/);
  await page.screenshot({ path: screenshotPath('nodes'), fullPage: true });
});

test('edge locations screen shows onboarding steps', async () => {
  await open('edge-locations');
  const gcp = page.locator('[data-testid="edge-location"][data-name="gcp-us-central1"]');
  assert.match(await gcp.textContent() ?? '', /PermissionsOK.*NetworkReady.*IdentityReady.*EdgeClusterReady/s);
  assert.match(await page.textContent('[data-name="oci-us-ashburn-1"]') ?? '', /Initializing/);
  await page.screenshot({ path: screenshotPath('edge-locations'), fullPage: true });
});

test('adds an edge location through the form; a zone outside the region is rejected under its field', async () => {
  await open('edge-locations');
  const form = '[data-testid="edge-location-form"]';
  await page.fill(`${form} input[name="name"]`, 'gcp-europe-west4');
  await page.selectOption(`${form} select[name="cloud"]`, 'gcp');
  await page.fill(`${form} input[name="region"]`, 'europe-west4');
  await page.fill(`${form} input[name="zones"]`, 'us-central1-a');
  await page.click(`${form} button[type="submit"]`);
  await page.waitForSelector('[data-field="spec.zones"].has-error');
  assert.equal(await page.textContent('[data-testid="error-spec.zones"]'), 'zone "us-central1-a" is not in region europe-west4');
  await page.fill(`${form} input[name="zones"]`, 'europe-west4-a');
  await page.click(`${form} button[type="submit"]`);
  await page.waitForSelector('[data-testid="edge-location"][data-name="gcp-europe-west4"]');
});

test('decisions screen explains a decision', async () => {
  await open('decisions');
  const reason = await page.textContent('[data-nodeclaim="edge-gpu-1"] [data-testid="decision-reason"]');
  assert.match(reason ?? '', /the main region has no L4 capacity/);
  assert.match(await page.textContent('[data-nodeclaim="edge-gpu-1"]') ?? '', /55% dearer/);
  await page.screenshot({ path: screenshotPath('decisions'), fullPage: true });
});

test('creates a node template through the form', async () => {
  await open('node-templates');
  await page.fill('input[name="name"]', 'gpu-inference');
  await page.fill('input[name="edgeLocations"]', 'gcp-us-central1');
  await page.check('input[name="spot"]');
  await page.fill('input[name="gpuNames"]', 'L4');
  await page.fill('input[name="gpuMin"]', '1');
  await page.click('[data-testid="template-form"] button[type="submit"]');
  await page.waitForSelector('[data-testid="templates-table"] [data-row="gpu-inference"]');
  const created = (await env.clients.custom.getClusterCustomObject({ group: 'omni.cast.ai', version: 'v1alpha1', plural: 'nodetemplates', name: 'gpu-inference' })) as { spec: { edgeLocations: string[]; constraints: { spot: boolean; gpu: { names: string[] } } } };
  assert.deepEqual(created.spec.edgeLocations, ['gcp-us-central1']);
  assert.equal(created.spec.constraints.spot, true);
  assert.deepEqual(created.spec.constraints.gpu.names, ['L4']);
});

test('rejects an invalid node template with the field message', async () => {
  await open('node-templates');
  await page.fill('input[name="name"]', 'arm-edge');
  await page.selectOption('select[name="arch"]', 'arm64');
  await page.fill('input[name="edgeLocations"]', 'gcp-us-central1');
  await page.click('[data-testid="template-form"] button[type="submit"]');
  const error = page.locator('[data-testid="error-spec.constraints.architectures"]');
  await page.waitForSelector('[data-field="spec.constraints.architectures"].has-error');
  assert.equal(await error.textContent(), 'only amd64 is allowed with edgeLocations (edge nodes are x86_64 only)');
  await page.screenshot({ path: screenshotPath('node-templates'), fullPage: true });
});

test('prices screen draws price per GPU-hour by location', async () => {
  await open('prices');
  await page.waitForSelector('[data-testid="gpu-chart"] svg rect');
  assert.ok((await page.locator('[data-testid="gpu-chart"] svg rect').count()) > 1);
  await page.screenshot({ path: screenshotPath('prices'), fullPage: true });
});

test('cost screen draws cost over time with savings', async () => {
  await new Promise((r) => setTimeout(r, 2200));
  await open('cost');
  await page.waitForSelector('[data-testid="cost-chart"] svg path');
  await page.screenshot({ path: screenshotPath('cost'), fullPage: true });
});

test('pending, evictor and tunnel screens load', async () => {
  for (const screen of ['pending', 'evictor', 'tunnel']) {
    await open(screen);
    await page.screenshot({ path: screenshotPath(screen), fullPage: true });
  }
});
