import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliIO } from '../../cli/runCli';
import { noteContentOf, serializedParagraph } from '../../common/model/note';
import { createCore } from '../dossierCore';
import { SCHEMA_VERSION } from '../store/schemaFile';
import { WorkspaceStore } from '../store/workspaceStore';
import { checkWorkspace } from './checkWorkspace';
import { repairWorkspace } from './repairWorkspace';
import { Backups } from '../snapshots/backups';

let tmp: string;
let ws: string;
let articleId: string;
let noteId: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-check-'));
  ws = path.join(tmp, 'ws');
  const core = createCore(await WorkspaceStore.open(ws, { create: true }));
  const { articles } = await core.api['articles.import']({
    files: [{ name: 'a.txt', base64: Buffer.from('Ministers meet\n\nThe ministers met in Delhi and agreed on logistics.').toString('base64') }],
  });
  articleId = articles[0]!.id;
  await core.api['annotations.createFromQuote']({ articleId, quote: 'Delhi', comment: 'where' });
  await core.api['annotations.createFromQuote']({ articleId, quote: 'logistics', comment: 'what' });
  noteId = (await core.api['notes.create']({ title: 'Thoughts', content: noteContentOf([serializedParagraph([textNode('First thought')])]) })).note.id;
  // The first save keeps the text it replaces in notes/revisions/<id>.json.
  await core.api['notes.save']({ id: noteId, content: noteContentOf([serializedParagraph([textNode('Second thought')])]) });
  await core.api['entities.create']({ name: 'Rajnath Singh', type: 'person' });
  await core.store.close();
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const at = (...parts: string[]) => path.join(ws, ...parts);
const textNode = (text: string) => ({ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 });
const damage = {
  truncated: (raw: string) => raw.slice(0, Math.floor(raw.length / 2)),
  'NUL-filled': (raw: string) => '\0'.repeat(raw.length),
  'invalid JSON': (raw: string) => raw.replace('{', '{,'),
  'the wrong shape': (raw: string) => JSON.stringify(wrongShape(JSON.parse(raw))),
  'a newer schema': (raw: string) => JSON.stringify({ ...wrongShape(JSON.parse(raw)), schemaVersion: SCHEMA_VERSION + 1 }),
};
/** The file's header kept, every other field replaced by a string: valid JSON that fits no schema. */
function wrongShape(json: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, k === 'schemaVersion' || k === 'kind' ? v : 'seven']));
}
const files = () => ({
  'annotations.json': at('articles', articleId, 'annotations.json'),
  'notes.json': at('notes.json'),
  'entities.json': at('entities.json'),
  'note file': at('notes', `${noteId}.json`),
  'revisions file': at('notes', 'revisions', `${noteId}.json`),
  'article.json': at('articles', articleId, 'article.json'),
  'library.json': at('library.json'),
});

describe('dossier check', () => {
  it('finds nothing wrong with a healthy workspace, a live write-ahead log included, and tells how far it has got', async () => {
    const seen: [number, number][] = [];
    expect(await checkWorkspace(ws, (done, total) => seen.push([done, total]))).toEqual([]);
    expect(seen).toEqual([
      [0, 1],
      [1, 1],
    ]);
    const core = createCore(await WorkspaceStore.open(ws, {}));
    await core.api['annotations.createFromQuote']({ articleId, quote: 'ministers', occurrence: 1 });
    expect(await checkWorkspace(ws)).toEqual([]);
    await core.store.close();
  });

  for (const [label, change] of Object.entries(damage)) {
    it(`detects ${label} in every kind of file`, async () => {
      for (const [name, file] of Object.entries(files())) {
        const raw = await fs.readFile(file, 'utf8');
        await fs.writeFile(file, change(raw));
        const found = await checkWorkspace(ws);
        expect(found.map((p) => p.file), `${label} ${name}`).toContain(path.relative(ws, file).split(path.sep).join('/'));
        if (label === 'a newer schema') expect(found[0]!.problem).toMatch(/written by a newer Dossier/);
        await fs.writeFile(file, raw);
      }
      expect(await checkWorkspace(ws)).toEqual([]);
    });
  }

  it('checks the original bytes against their SHA-256, and the history line by line', async () => {
    const original = at('articles', articleId, 'v1', 'original.txt');
    await fs.chmod(original, 0o644);
    await fs.writeFile(original, 'Ministers meet\n\nThe ministers met in Delhi and agreed on LOGISTICS.');
    await fs.appendFile(at('articles', articleId, 'history.jsonl'), '{"at":"2026-01-01T00:00:00Z","op":"annot');
    expect((await checkWorkspace(ws)).map(({ file, problem }) => ({ file, problem }))).toEqual([
      { file: `articles/${articleId}/v1/original.txt`, problem: 'does not match the SHA-256 recorded when it was imported' },
      { file: `articles/${articleId}/history.jsonl`, problem: 'ends with a line cut short by a crash' },
    ]);
  });
});

describe('dossier check --repair', () => {
  it('quarantines what is damaged, rebuilds what can be rebuilt, and leaves a healthy workspace that holds every highlight', async () => {
    const annotations = at('articles', articleId, 'annotations.json');
    await fs.writeFile(annotations, '\0\0\0\0');
    await fs.writeFile(at('notes.json'), '{"schemaVersion":2,"kind":"notes","rev":1,"notes":[{"id":5}]}');
    await fs.appendFile(at('articles', articleId, 'history.jsonl'), '{"torn');
    await fs.writeFile(at('.entities.json.0123456789ab.tmp'), 'left by a crash');
    await fs.rm(at('library.json'));
    await fs.mkdir(at('search'), { recursive: true });
    await fs.writeFile(at('search', 'index.bin'), 'not an index');

    const { repaired, problems } = await repairWorkspace(ws);
    expect(problems).toEqual([]);
    expect(repaired.map((r) => r.file).sort()).toEqual(
      [
        '.entities.json.0123456789ab.tmp',
        'library.json',
        'notes.json',
        `articles/${articleId}/annotations.json`,
        `articles/${articleId}/history.jsonl`,
        'search/index.bin',
      ].sort(),
    );
    const [stamp] = await fs.readdir(at('quarantine'));
    expect(await fs.readFile(at('quarantine', stamp!, 'articles', articleId, 'annotations.json'), 'utf8')).toBe('\0\0\0\0');
    expect(await fs.readFile(at('quarantine', stamp!, 'notes.json'), 'utf8')).toContain('"id":5');

    const core = createCore(await WorkspaceStore.open(ws, {}));
    expect((await core.api['annotations.list']({ articleId })).annotations.map((a) => a.comment)).toEqual(['where', 'what']);
    expect((await core.api['notes.list']({})).notes.map((n) => n.id)).toEqual([noteId]);
    expect((await core.api['search.query']({ query: 'logistics' })).results.length).toBeGreaterThan(0);
    await core.store.close();
    expect(await checkWorkspace(ws)).toEqual([]);
  });

  it("quarantines a damaged revisions file and leaves the note's text alone", async () => {
    const revisions = at('notes', 'revisions', `${noteId}.json`);
    await fs.writeFile(revisions, '{"schemaVersion":2,"kind":"note-revisions","noteId":"note_x","revisions":[]}');
    expect(await checkWorkspace(ws)).toEqual([
      expect.objectContaining({ file: `notes/revisions/${noteId}.json`, problem: 'holds the earlier versions of another note (note_x)', action: 'quarantine' }),
    ]);
    await fs.writeFile(revisions, '{"schemaVersion":2,"kind":"note-revisions"');
    await fs.writeFile(at('notes', 'revisions', `.${noteId}.json.0123456789ab.tmp`), 'left by a crash');
    const { repaired, problems } = await repairWorkspace(ws);
    expect(problems).toEqual([]);
    expect(repaired.map((r) => r.file).sort()).toEqual([`notes/revisions/.${noteId}.json.0123456789ab.tmp`, `notes/revisions/${noteId}.json`]);
    const core = createCore(await WorkspaceStore.open(ws, {}));
    expect((await core.api['notes.get']({ id: noteId })).note.text).toBe('Second thought');
    expect((await core.api['notes.revisions']({ id: noteId })).revisions).toEqual([]);
    await core.store.close();
  });

  it('reports what it cannot mend and leaves it in place', async () => {
    const original = at('articles', articleId, 'v1', 'original.txt');
    await fs.chmod(original, 0o644);
    await fs.writeFile(original, 'changed');
    const { repaired, problems } = await repairWorkspace(ws);
    expect(repaired).toEqual([]);
    expect(problems).toEqual([{ file: `articles/${articleId}/v1/original.txt`, problem: 'does not match the SHA-256 recorded when it was imported', repair: expect.stringMatching(/backup/) }]);
    expect(await fs.readFile(original, 'utf8')).toBe('changed');
  });
});

describe('the dossier check command', () => {
  async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const io: CliIO = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env: {} };
    const code = await runCli([...args, '--workspace', ws], io);
    return { code, stdout, stderr };
  }

  it('answers exactly {"healthy","problems":[{"file","problem","repair"}]} and exits 0 when healthy, 1 when not', async () => {
    const healthy = await run('check', '--json');
    expect(healthy.code).toBe(0);
    expect(JSON.parse(healthy.stdout)).toEqual({ healthy: true, problems: [] });
    await fs.writeFile(at('entities.json'), '{');
    const sick = await run('check', '--json');
    expect(sick.code).toBe(1);
    const body = JSON.parse(sick.stdout) as { healthy: boolean; problems: Record<string, string>[] };
    expect(body.healthy).toBe(false);
    expect(body.problems).toEqual([{ file: 'entities.json', problem: expect.stringMatching(/^is damaged \(not valid JSON/), repair: expect.any(String) }]);
    expect(Object.keys(body.problems[0]!).sort()).toEqual(['file', 'problem', 'repair']);
    const repaired = await run('check', '--repair', '--json');
    expect(repaired.code).toBe(0);
    expect(JSON.parse(repaired.stdout)).toMatchObject({ healthy: true, problems: [], repaired: [{ file: 'entities.json' }] });
    expect((await run('check')).stdout).toBe('healthy: every file checks out\n');
  });
});

describe('dossier check with automatic backups', () => {
  it('restores a damaged original and a damaged entities.json from the newest backup holding a good copy', async () => {
    const store = await WorkspaceStore.open(ws);
    expect(await new Backups(ws).take('manual')).not.toBeNull();
    await store.close();
    const original = at('articles', articleId, 'v1', 'original.txt');
    const good = await fs.readFile(original, 'utf8');
    const entities = await fs.readFile(at('entities.json'), 'utf8');
    await fs.chmod(original, 0o644);
    await fs.writeFile(original, 'tampered');
    await fs.writeFile(at('entities.json'), '{');

    const findings = await checkWorkspace(ws);
    expect(findings.map((f) => [f.file, f.action])).toEqual(
      expect.arrayContaining([
        [`articles/${articleId}/v1/original.txt`, 'restore-backup'],
        ['entities.json', 'restore-backup'],
      ]),
    );
    expect(findings.find((f) => f.file === 'entities.json')!.repair).toMatch(/^Move it to quarantine\/ and restore it from the automatic backup of /);

    const report = await repairWorkspace(ws);
    expect(report.problems).toEqual([]);
    expect(await fs.readFile(original, 'utf8')).toBe(good);
    expect((await fs.stat(original)).mode & 0o222).toBe(0);
    expect(await fs.readFile(at('entities.json'), 'utf8')).toBe(entities);
    const core = createCore(await WorkspaceStore.open(ws));
    expect((await core.api['entities.list']({})).entities.map((e) => e.name)).toContain('Rajnath Singh');
    await core.close();
  });
});
