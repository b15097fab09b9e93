import { JSON_FLAG, WORKSPACE_FLAG, type CliCommand, type JsonFlags } from '../command';

/** `dossier reindex`: builds the search index anew from the workspace. */
export const reindexCommand: CliCommand<JsonFlags> = {
  name: 'reindex',
  help: [['reindex [--json]', 'build the search index anew from the workspace']],
  description: 'Build the search index anew from the workspace, with progress on stderr.',
  flags: [WORKSPACE_FLAG, JSON_FLAG],
  run: (_operands, flags, { io, withWorkspace }) =>
    withWorkspace(async ({ api, events }) => {
      const started = performance.now();
      const off = events.subscribe((name, payload) => {
        if (name !== 'search.progress') return;
        const { done, total } = payload as { done: number; total: number };
        io.stderr(`[${done}/${total}] indexed\n`);
      });
      try {
        const { documents } = await api['search.reindex']({});
        const seconds = Math.round((performance.now() - started) / 100) / 10;
        if (flags.json) io.stdout(`${JSON.stringify({ documents, seconds })}\n`);
        else io.stdout(`indexed ${documents} records in ${seconds} s\n`);
        return 0;
      } finally {
        off();
      }
    }),
};
