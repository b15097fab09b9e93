import { JSON_FLAG, WORKSPACE_FLAG, type CliCommand } from '../command';
import { findEntity } from '../findEntity';
import { relationLines, relationRow } from '../relationRows';

interface RelationsFlags {
  entity?: string;
  json?: boolean;
}

/** `dossier relations [--entity NAME]`: relationships between entities, with their evidence. */
export const relationsCommand: CliCommand<RelationsFlags> = {
  name: 'relations',
  help: [['relations [--entity NAME] --json', 'relationships between entities, with their evidence']],
  description: "The workspace's relationships between entities, each with its evidence passages; with --entity, that entity's (either way round).",
  flags: [{ flags: '--entity <NAME>', description: 'only the relationships of this entity (a name, alias or id)' }, WORKSPACE_FLAG, JSON_FLAG],
  run: (_operands, flags, { io, withWorkspace }) =>
    withWorkspace(async ({ api }) => {
      const entityId = flags.entity === undefined ? undefined : (await findEntity(api, flags.entity)).id;
      const { relations } = await api['relations.list']({ entityId });
      if (flags.json) io.stdout(`${JSON.stringify({ relations: relations.map(relationRow) })}\n`);
      else if (relations.length === 0) io.stdout('No relationships yet: add one with dossier relate.\n');
      else for (const r of relations) io.stdout(`${relationLines(r, entityId).join('\n')}\n`);
      return 0;
    }),
};
