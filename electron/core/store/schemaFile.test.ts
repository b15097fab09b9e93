import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DossierError } from '../../common/errors';
import { parseSchemaFile, SCHEMA_VERSION, SchemaFileAdapter } from './schemaFile';

const Thing = z.object({
  schemaVersion: z.number().int().positive(),
  kind: z.literal('thing'),
  name: z.string(),
  count: z.number().int(),
});
type Thing = z.infer<typeof Thing>;

const FILE = '/ws/thing.json';

function parseError(raw: string): DossierError {
  try {
    parseSchemaFile(raw, FILE, 'thing', Thing);
  } catch (error) {
    expect(error).toBeInstanceOf(DossierError);
    return error as DossierError;
  }
  throw new Error('expected parseSchemaFile to throw');
}

describe('parseSchemaFile', () => {
  it('returns the validated content', () => {
    const raw = JSON.stringify({ schemaVersion: 1, kind: 'thing', name: 'a', count: 2 });
    expect(parseSchemaFile(raw, FILE, 'thing', Thing)).toEqual({ schemaVersion: 1, kind: 'thing', name: 'a', count: 2 });
  });

  it('names the file when it is not JSON, in a message of one line', () => {
    for (const raw of ['', 'not json', '{"schemaVersion": 1,\n  "kind": tru\ne}', '{"a":1}\nxx\nyy']) {
      const error = parseError(raw);
      expect(error.code).toBe('corrupt-file');
      expect(error.file).toBe(FILE);
      expect(error.message).toContain(FILE);
      expect(error.message).toMatch(/untouched/);
      expect(error.message).not.toMatch(/\n/);
    }
  });

  it('names the file when it is JSON of another kind or without a header', () => {
    for (const json of [{ schemaVersion: 1, kind: 'other', name: 'a', count: 1 }, { name: 'a' }, [], 'text', null]) {
      const error = parseError(JSON.stringify(json));
      expect(error).toMatchObject({ code: 'corrupt-file', file: FILE });
      expect(error.message).toContain(FILE);
    }
  });

  it('says where valid JSON fails the schema', () => {
    const error = parseError(JSON.stringify({ schemaVersion: 1, kind: 'thing', name: 'a', count: 'many' }));
    expect(error).toMatchObject({ code: 'corrupt-file', file: FILE });
    expect(error.message).toContain('count');
  });

  it('reads a file of a newer schema that still validates, and marks one that does not as read-only', () => {
    const newer = SCHEMA_VERSION + 98;
    expect(parseSchemaFile(JSON.stringify({ schemaVersion: newer, kind: 'thing', name: 'a', count: 1 }), FILE, 'thing', Thing)).toMatchObject({
      schemaVersion: newer,
    });
    const error = parseError(JSON.stringify({ schemaVersion: newer, kind: 'thing', renamed: true }));
    expect(error).toMatchObject({ code: 'read-only', file: FILE });
    expect(error.message).toContain(String(newer));
  });
});

describe('SchemaFileAdapter', () => {
  let tmp: string;
  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-schemafile-'));
  });
  afterEach(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('reads null for a missing file and writes pretty JSON with a final newline', async () => {
    const file = path.join(tmp, 'thing.json');
    const adapter = new SchemaFileAdapter<Thing>(file, 'thing', Thing);
    expect(await adapter.read()).toBeNull();
    await adapter.write({ schemaVersion: 1, kind: 'thing', name: 'n', count: 3 });
    const raw = await fs.readFile(file, 'utf8');
    expect(raw).toBe(`${JSON.stringify({ schemaVersion: 1, kind: 'thing', name: 'n', count: 3 }, null, 2)}\n`);
    expect(await adapter.read()).toEqual({ schemaVersion: 1, kind: 'thing', name: 'n', count: 3 });
    expect(await fs.readdir(tmp)).toEqual(['thing.json']);
  });

  it('raises corrupt-file naming the file when it cannot be read', async () => {
    const dirAsFile = path.join(tmp, 'thing.json');
    await fs.mkdir(dirAsFile);
    const adapter = new SchemaFileAdapter<Thing>(dirAsFile, 'thing', Thing);
    await expect(adapter.read()).rejects.toMatchObject({ code: 'corrupt-file', file: dirAsFile });
  });

  it('raises corrupt-file for damaged content and leaves the bytes alone', async () => {
    const file = path.join(tmp, 'thing.json');
    await fs.writeFile(file, '{"schemaVersion":1,"kind":"thing"');
    const adapter = new SchemaFileAdapter<Thing>(file, 'thing', Thing);
    await expect(adapter.read()).rejects.toMatchObject({ code: 'corrupt-file', file });
    expect(await fs.readFile(file, 'utf8')).toBe('{"schemaVersion":1,"kind":"thing"');
  });
});
