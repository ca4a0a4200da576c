import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  QuantityError,
  bytes,
  cpuMillis,
  formatBytes,
  formatCpu,
  isQuantity,
  parseQuantity,
} from '../../src/apis/index.ts';

test('parses decimal, binary and exponent quantities', () => {
  assert.equal(parseQuantity('500m'), 0.5);
  assert.equal(parseQuantity('2Gi'), 2 * 2 ** 30);
  assert.equal(parseQuantity('1e3'), 1000);
  assert.equal(parseQuantity('1.5'), 1.5);
  assert.equal(parseQuantity('128974848'), 128974848);
  assert.equal(parseQuantity('129M'), 129e6);
  assert.equal(parseQuantity('123Mi'), 123 * 2 ** 20);
  assert.equal(parseQuantity('1Ki'), 1024);
  assert.equal(parseQuantity('.5'), 0.5);
  assert.equal(parseQuantity(4), 4);
});

test('cpu in millicores rounds up; bytes are whole', () => {
  assert.equal(cpuMillis('500m'), 500);
  assert.equal(cpuMillis('0.1m'), 1);
  assert.equal(cpuMillis('2'), 2000);
  assert.equal(cpuMillis(1.5), 1500);
  assert.equal(bytes('1Gi'), 2 ** 30);
  assert.equal(bytes('1.5k'), 1500);
});

test('rejects what is not a quantity', () => {
  for (const bad of ['', 'abc', '1Gb', '1.2.3', '--1', 'Gi']) {
    assert.equal(isQuantity(bad), false, bad);
    assert.throws(() => parseQuantity(bad), QuantityError);
  }
  assert.equal(isQuantity('100Mi'), true);
});

test('formats for people', () => {
  assert.equal(formatBytes(1.5 * 2 ** 30), '1.5Gi');
  assert.equal(formatBytes(512 * 2 ** 20), '512Mi');
  assert.equal(formatCpu(250), '250m');
  assert.equal(formatCpu(2000), '2');
});
