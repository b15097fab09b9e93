import { promises as fs } from 'node:fs';
import type { EventPayload } from '../../common/contract';
import { JSON_FLAG, WORKSPACE_FLAG, type CliCommand, type JsonFlags } from '../command';
import { UsageError } from '../usageError';

interface SyncFlags extends JsonFlags {
  remote?: string;
}

/**
 * `dossier sync`: one sync run with the team's CouchDB database (docs/SYNC.md). Links the
 * workspace on first use; an empty or missing folder is cloned from the database.
 */
export const syncCommand: CliCommand<SyncFlags> = {
  name: 'sync',
  help: [['sync --remote URL [--json]', "send and receive changes with the team's CouchDB database (an empty DIR is cloned from it)"]],
  description:
    "Sync the workspace both ways with a CouchDB database: local changes go up, the team's come down; conflicting edits of one " +
    'record are kept for `dossier conflicts`. The first run links the workspace to URL (later runs may leave --remote out); an ' +
    'empty or missing workspace folder is cloned from the database. Credentials from DOSSIER_SYNC_USER and DOSSIER_SYNC_PASSWORD, ' +
    'or in the URL; they are never stored. https:// only, except http:// on this machine.',
  flags: [{ flags: '--remote <URL>', description: 'the CouchDB database, e.g. https://couch.example.org/team-dossier' }, WORKSPACE_FLAG, JSON_FLAG],
  async run(operands, flags, { io, workspaceDir, withWorkspace }) {
    if (operands.length > 0) throw new UsageError('sync takes no operands (the database goes in --remote URL)');
    const dir = workspaceDir();
    const clone = await isEmptyFolder(dir);
    if (clone && !flags.remote) throw new UsageError(`${dir} is empty: give --remote URL to clone a workspace into it`);
    return withWorkspace(
      async ({ api, events }) => {
        const off = events.subscribe((name, payload) => {
          if (name !== 'sync.progress' || flags.json) return;
          const { phase, done } = payload as EventPayload<'sync.progress'>;
          if (done > 0 && done % 1000 === 0) io.stderr(`${PHASE_WORDS[phase]}: ${done} documents\n`);
        });
        try {
          const counts = await api['sync.run']({
            ...(flags.remote ? { remote: flags.remote } : {}),
            ...(io.env.DOSSIER_SYNC_USER ? { username: io.env.DOSSIER_SYNC_USER } : {}),
            ...(io.env.DOSSIER_SYNC_PASSWORD ? { password: io.env.DOSSIER_SYNC_PASSWORD } : {}),
          });
          if (flags.json) io.stdout(`${JSON.stringify({ pushed: counts.pushed, pulled: counts.pulled, conflicts: counts.conflicts })}\n`);
          else {
            io.stdout(`${clone ? 'cloned: ' : ''}sent ${plural(counts.pushed, 'document')}, received ${plural(counts.pulled, 'document')}\n`);
            if (counts.conflicts > 0) io.stdout(`${plural(counts.conflicts, 'conflict')} to settle: dossier conflicts --json, then dossier resolve ID --keep REV\n`);
          }
          return 0;
        } finally {
          off();
        }
      },
      { create: clone },
    );
  },
};

const PHASE_WORDS: Record<EventPayload<'sync.progress'>['phase'], string> = {
  prepare: 'comparing',
  push: 'sent',
  pull: 'received',
  apply: 'written',
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A folder that does not exist or holds nothing: where a workspace is cloned from the database. */
async function isEmptyFolder(dir: string): Promise<boolean> {
  try {
    return (await fs.readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}
