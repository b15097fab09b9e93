import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { chromium } from 'playwright-core';
import { chooseBrowser, CHROMIUM_ARGS, sandboxArgs } from '../e2e/browserExecutable';
import type { EntityType } from '../electron/common/model/entity';
import { $createEntityMentionNode } from '../electron/common/notes/nodes/EntityMentionNode';
import { buildNote } from '../electron/common/notes/testing/noteFixtures';
import { createCore } from '../electron/core/dossierCore';
import { WorkspaceStore } from '../electron/core/store/workspaceStore';
import { startHost } from '../electron/host/hostServer';
import { mulberry32 } from './corpus';

const WORDS = 20_000;
const MENTIONS = 500;
const PARAGRAPH_WORDS = 100;
const KEYSTROKES = 200;
const VOCABULARY = 'the ministers agreed to deepen cooperation on defence equipment logistics supply maritime security exercises naval aircraft joint production'.split(' ');
const TYPES: EntityType[] = ['person', 'organization', 'place', 'event', 'agreement'];

/**
 * Keystroke-to-paint while typing at the end of a 20,000-word note with 500 @mentions, in
 * Chromium through the host: from the keydown event's timestamp to the frame after the editor
 * changed the DOM (a rAF, then a task, so the frame has been produced).
 */
export async function typingLatency(root: string, log: (line: string) => void): Promise<Record<string, number>> {
  const browserChoice = chooseBrowser();
  if (!browserChoice.executablePath) {
    log(`typing skipped: ${browserChoice.missing}`);
    return {};
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-typing-'));
  const store = await WorkspaceStore.open(dir, { create: true });
  const core = createCore(store);
  const entities: { id: string; type: EntityType; name: string }[] = [];
  for (let i = 0; i < 50; i++) entities.push((await core.api['entities.create']({ name: `Entity ${i}`, type: TYPES[i % TYPES.length]! })).entity);
  const random = mulberry32(5);
  const mentionEvery = Math.floor(WORDS / MENTIONS);
  const content = buildNote(() => {
    let paragraph = $createParagraphNode();
    let words: string[] = [];
    for (let w = 1; w <= WORDS; w++) {
      words.push(VOCABULARY[Math.floor(random() * VOCABULARY.length)]!);
      if (w % mentionEvery === 0) {
        const e = entities[Math.floor(random() * entities.length)]!;
        paragraph.append($createTextNode(`${words.join(' ')} `), $createEntityMentionNode(e.id, e.type, e.name));
        words = [];
      }
      if (w % PARAGRAPH_WORDS === 0) {
        if (words.length) paragraph.append($createTextNode(` ${words.join(' ')}.`));
        $getRoot().append(paragraph);
        paragraph = $createParagraphNode();
        words = [];
      }
    }
  });
  const { note } = await core.api['notes.create']({ title: 'Long note', content });
  const host = await startHost({ core, rendererDir: path.join(root, 'out', 'renderer') });
  const browser = await chromium.launch({ executablePath: browserChoice.executablePath, args: [...CHROMIUM_ARGS, ...sandboxArgs()] });
  const samples: number[] = [];
  const work: number[] = [];
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(host.url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    await page.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: 'Notes', exact: true }).click();
    await page.locator('.note-list').getByRole('button', { name: /Long note/ }).click();
    const editor = page.getByRole('textbox', { name: /^Note:/ });
    await editor.waitFor();
    const chips = await page.locator('.entity-chip').count();
    if (chips < MENTIONS) throw new Error(`only ${chips} mention chips rendered`);
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.evaluate(() => {
      const w = window as unknown as { __lat: number[]; __work: number[] };
      w.__lat = [];
      w.__work = [];
      let current: { input?: number } = {};
      // The editor has changed the DOM once the input event has been dispatched.
      document.addEventListener('input', () => (current.input = performance.now()), true);
      document.addEventListener(
        'keydown',
        (e) => {
          const t0 = e.timeStamp;
          const keystroke: { input?: number } = {};
          current = keystroke;
          requestAnimationFrame(() => {
            const frameStart = performance.now();
            setTimeout(() => {
              const end = performance.now();
              w.__lat.push(end - t0);
              // Handling the key plus producing the frame, without the wait for the display's next
              // frame in between: that wait depends on when the key lands, not on Dossier.
              w.__work.push((keystroke.input ?? frameStart) - t0 + (end - frameStart));
            }, 0);
          });
        },
        true,
      );
    });
    for (let i = 0; i < KEYSTROKES; i++) {
      await page.keyboard.press(i % 7 === 6 ? 'Space' : String.fromCharCode(97 + (i % 26)));
      await page.waitForTimeout(30);
    }
    await page.waitForTimeout(300);
    const measured = await page.evaluate(() => {
      const w = window as unknown as { __lat: number[]; __work: number[] };
      return { lat: w.__lat, work: w.__work };
    });
    // The first keystrokes warm the JIT; what the analyst feels is the steady state.
    samples.push(...measured.lat.slice(10));
    work.push(...measured.work.slice(10));
  } finally {
    await browser.close();
    await host.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const q = (xs: number[], p: number) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 10) / 10;
  };
  void note;
  return {
    typing_p50_ms: q(samples, 0.5),
    typing_p95_ms: q(samples, 0.95),
    typing_work_p50_ms: q(work, 0.5),
    typing_work_p95_ms: q(work, 0.95),
    typing_note_words: WORDS,
    typing_note_mentions: MENTIONS,
  };
}

// Run alone: `node --import tsx bench/typing.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  console.log(await typingLatency(root, (l) => process.stderr.write(`${l}\n`)));
}
