import { JSON_FLAG, WORKSPACE_FLAG, type CliCommand, type JsonFlags } from '../command';

/** `dossier articles`: the workspace's articles. */
export const articlesCommand: CliCommand<JsonFlags> = {
  name: 'articles',
  help: [['articles --json', "list the workspace's articles"]],
  description: "List the workspace's articles: id, date and title.",
  flags: [WORKSPACE_FLAG, JSON_FLAG],
  run: (_operands, flags, { io, withWorkspace }) =>
    withWorkspace(async ({ api }) => {
      const { articles } = await api['articles.list']({});
      if (flags.json) {
        io.stdout(`${JSON.stringify({ articles: articles.map(({ id, title, published }) => ({ id, title, published })) })}\n`);
      } else if (articles.length === 0) {
        io.stdout('No articles yet. Add one with: dossier import FILE\n');
      } else {
        for (const a of articles) io.stdout(`${a.id}  ${a.published ?? '—'.padEnd(10)}  ${a.title}\n`);
      }
      return 0;
    }),
};
