import { JSON_FLAG, WORKSPACE_FLAG, type CliCommand } from '../command';
import { resolveId } from '../resolveId';

interface AnnotationsFlags {
  article?: string;
  json?: boolean;
}

/** `dossier annotations --article ID`: an article's annotations where they are now. */
export const annotationsCommand: CliCommand<AnnotationsFlags> = {
  name: 'annotations',
  help: [['annotations --article ID --json', "list an article's annotations"]],
  description: "List an article's annotations: id, current position and words, status and comment.",
  flags: [{ flags: '--article <ID>', description: 'the article (an unambiguous prefix of its id will do)' }, WORKSPACE_FLAG, JSON_FLAG],
  run: (_operands, flags, { io, withWorkspace }) =>
    withWorkspace(async ({ api }) => {
      const articleId = await resolveId(api, 'article', flags.article);
      const { annotations } = await api['annotations.list']({ articleId });
      const rows = annotations.map((a) => ({
        id: a.id,
        exact: a.target.quote.exact,
        start: a.target.position.start,
        end: a.target.position.end,
        comment: a.comment,
        status: a.status,
      }));
      if (flags.json) {
        io.stdout(`${JSON.stringify({ annotations: rows })}\n`);
      } else if (rows.length === 0) {
        io.stdout('No annotations on this article.\n');
      } else {
        for (const r of rows) io.stdout(`${r.id}  ${r.start}–${r.end}  [${r.status}]  "${r.exact}"${r.comment ? `  — ${r.comment}` : ''}\n`);
      }
      return 0;
    }),
};
