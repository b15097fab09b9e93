import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inProcessDetector, workerDetector, type EntityDetector } from './entityDetector';

const TEXT = 'Defence Minister Rajnath Singh met Japanese officials in New Delhi.';

let tmp: string;
let detectors: EntityDetector[];

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-detector-'));
  detectors = [];
});
afterEach(async () => {
  for (const d of detectors) await d.close();
  vi.restoreAllMocks();
  await fs.rm(tmp, { recursive: true, force: true });
});

const names = async (detector: EntityDetector) => {
  detectors.push(detector);
  return (await detector.detect(TEXT, {})).map((e) => e.name);
};

describe('entity detectors', () => {
  it('detect in the calling thread', async () => {
    expect(await names(inProcessDetector())).toEqual(expect.arrayContaining(['Rajnath Singh', 'New Delhi', 'Japan']));
  });

  it('talk to a worker thread: one message in, the answer out, matched by id', async () => {
    const worker = path.join(tmp, 'echo-worker.mjs');
    await fs.writeFile(
      worker,
      `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, output: [{ name: 'From worker: ' + m.input.text.length, type: 'other', aliases: [], mentions: [] }] }));`,
    );
    const detector = workerDetector(worker);
    detectors.push(detector);
    const [a, b] = await Promise.all([detector.detect('abc', {}), detector.detect('abcdef', {})]);
    expect(a[0]!.name).toBe('From worker: 3');
    expect(b[0]!.name).toBe('From worker: 6');
  });

  it('fall back to the calling thread when the worker bundle is missing or cannot start', async () => {
    expect(await names(workerDetector(path.join(tmp, 'missing.js')))).toContain('Rajnath Singh');

    const broken = path.join(tmp, 'broken-worker.mjs');
    await fs.writeFile(broken, "throw new Error('cannot start');\n");
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const detector = workerDetector(broken);
    expect(await names(detector)).toContain('Rajnath Singh');
    expect(await names(detector)).toContain('New Delhi');
  });

  it('find confirmed entities in many texts in one call, in the calling thread and through the worker task', async () => {
    const search = { texts: [{ text: 'Officials of Japan met.' }, { text: 'Nothing here.' }, { text: TEXT }], known: [{ name: 'Japan', type: 'place' as const, aliases: [] }], rejected: [] };
    // A country's demonym names it, as in detection.
    const expected = [[{ start: 13, end: 18, text: 'Japan', entity: 0 }], [], [{ start: 35, end: 43, text: 'Japanese', entity: 0 }]];
    expect(await inProcessDetector().findKnown(search)).toEqual(expected);
    const fallback = workerDetector(path.join(tmp, 'missing.js'));
    detectors.push(fallback);
    expect(await fallback.findKnown(search)).toEqual(expected);
  });
});
