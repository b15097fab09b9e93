import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DossierError } from '../../common/errors';
import { writeFileDurable } from './durableFile';
import { FILE_NAMES } from './files';
import { SCHEMA_VERSION } from './schemaFile';

/**
 * Steps that bring a workspace written by an earlier Dossier up to the schema this one writes.
 * Each step is idempotent and rewrites workspace.json last: that file's schema version is the
 * commit point, so a step cut short by a crash simply runs again on the next open.
 */
export interface Migration {
  from: number;
  to: number;
  /** What changes, for the notice shown after migrating. */
  summary: string;
  run(dir: string): Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    to: 2,
    summary: 'entities remember which entity each merged one went into (so notes keep pointing at it)',
    async run(dir) {
      // Marked version 2 so that a Dossier of schema 1 opens it read-only instead of dropping the field.
      await rewriteJson(path.join(dir, 'entities.json'), (doc) => ({ ...doc, schemaVersion: 2, mergedInto: doc.mergedInto ?? {} }));
    },
  },
  {
    from: 2,
    to: 3,
    summary: 'articles can be archived and moved to the trash',
    async run(dir) {
      // Marked version 3 so that a Dossier of schema 2, which would drop the trash from the
      // library (and list trashed articles again), opens it read-only instead.
      await rewriteJson(path.join(dir, FILE_NAMES.library), (doc) => ({ ...doc, schemaVersion: 3, trash: doc.trash ?? [] }));
    },
  },
];

/** Runs every step from `version` to `target`; returns what was done, for the notice. */
export async function migrateWorkspace(dir: string, version: number, target: number): Promise<string[]> {
  const done: string[] = [];
  let current = version;
  while (current < target) {
    const step = MIGRATIONS.find((m) => m.from === current);
    if (!step) throw new DossierError('internal', `No migration from workspace schema ${current}; this Dossier cannot open it.`);
    await step.run(dir);
    await rewriteJson(path.join(dir, FILE_NAMES.workspace), (doc) => ({ ...doc, schemaVersion: step.to }));
    done.push(`schema ${step.from} → ${step.to}: ${step.summary}`);
    current = step.to;
  }
  return done;
}

/** Rewrites a JSON file if it exists (a workspace without entities has no entities.json). */
async function rewriteJson(file: string, change: (doc: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    throw new DossierError('corrupt-file', `${file} is damaged and was left untouched; the workspace cannot be upgraded until it is repaired.`, file);
  }
  // A file a newer Dossier wrote is never rewritten down; reading it later makes the workspace read-only.
  if (typeof doc.schemaVersion === 'number' && doc.schemaVersion > SCHEMA_VERSION) return;
  await writeFileDurable(file, `${JSON.stringify(change(doc), null, 2)}\n`);
}
