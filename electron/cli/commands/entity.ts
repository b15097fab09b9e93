import { JSON_FLAG, WORKSPACE_FLAG, type CliCommand, type JsonFlags } from '../command';
import { findEntity } from '../findEntity';
import { UsageError } from '../usageError';

/** `dossier entity list` and `dossier entity show NAME`: the workspace's confirmed entities. */
export const entityCommand: CliCommand<JsonFlags> = {
  name: 'entity',
  help: [
    ['entity list --json', "the workspace's entities with mention counts"],
    ['entity show NAME --json', 'one entity: aliases, mentions with context, co-occurring entities'],
  ],
  description: "The workspace's entities: 'list' all of them with mention counts, or 'show NAME' (a name, alias or id).",
  operands: 'list | show NAME',
  flags: [WORKSPACE_FLAG, JSON_FLAG],
  run: ([sub, ...nameParts], flags, { io, withWorkspace }) =>
    withWorkspace(async ({ api }) => {
      const { entities } = await api['entities.list']({});
      if (sub === 'list') {
        if (flags.json) io.stdout(`${JSON.stringify({ entities })}\n`);
        else if (entities.length === 0) io.stdout('No entities yet: review the suggestions of an article in the app.\n');
        else for (const e of entities) io.stdout(`${e.type.padEnd(12)} ${e.name}  ${e.mentionCount} mentions in ${e.articleCount} articles\n`);
        return 0;
      }
      if (sub !== 'show') throw new UsageError("entity needs 'list' or 'show NAME'");
      const name = nameParts.join(' ').trim();
      if (!name) throw new UsageError('entity show needs a NAME');
      const found = await findEntity(api, name);
      const page = await api['entities.page']({ id: found.id });
      if (flags.json) {
        io.stdout(`${JSON.stringify({ entity: { ...page.entity, mentions: page.mentions, annotations: page.annotations, cooccurring: page.cooccurring } })}\n`);
        return 0;
      }
      io.stdout(`${page.entity.name} (${page.entity.type})${page.entity.aliases.length ? ` — also ${page.entity.aliases.join(', ')}` : ''}\n`);
      for (const m of page.mentions) io.stdout(`  ${m.title.slice(0, 50)}  ${m.start}–${m.end}  ${m.context}\n`);
      if (page.cooccurring.length) io.stdout(`With: ${page.cooccurring.map((c) => `${c.name} (${c.articles})`).join(', ')}\n`);
      return 0;
    }),
};
