import { JSON_FLAG, WORKSPACE_FLAG, type CliCommand, type JsonFlags } from '../command';

/** `dossier briefs`: the saved briefs, newest first. */
export const briefsCommand: CliCommand<JsonFlags> = {
  name: 'briefs',
  help: [['briefs --json', 'list the saved briefs']],
  description: 'List the saved briefs, newest first: id, date, title and number of sections.',
  flags: [WORKSPACE_FLAG, JSON_FLAG],
  run: (_operands, flags, { io, withWorkspace }) =>
    withWorkspace(async ({ api }) => {
      const { briefs } = await api['briefs.list']({});
      if (flags.json) io.stdout(`${JSON.stringify({ briefs })}\n`);
      else if (briefs.length === 0) io.stdout('No saved briefs yet. Compose one in the app.\n');
      else for (const b of briefs) io.stdout(`${b.id}  ${b.modified.slice(0, 10)}  ${b.title}  (${b.sectionCount} section${b.sectionCount === 1 ? '' : 's'})\n`);
      return 0;
    }),
};
