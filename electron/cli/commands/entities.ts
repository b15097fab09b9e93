import { normalizeArticleText } from '../../common/text/normalizeArticleText';
import { extractArticle, inProcessDetector } from '../../core';
import { JSON_FLAG, WORKSPACE_FLAG, type CliCommand } from '../command';
import { readInput } from '../inputFiles';
import { UsageError } from '../usageError';

interface EntitiesFlags {
  workspace?: string;
  json?: boolean;
}

/** `dossier entities FILE`: the entities detected in a file; nothing is stored. */
export const entitiesCommand: CliCommand<EntitiesFlags> = {
  name: 'entities',
  help: [['entities FILE --json', 'detect entities in FILE without storing anything (--workspace: its confirmed entities apply)']],
  description:
    'Detect the people, organisations, places … in FILE without storing anything. With --workspace, the ' +
    "workspace's confirmed entities and rejections apply.",
  operands: 'FILE',
  flags: [WORKSPACE_FLAG, JSON_FLAG],
  async run(files, flags, { io, withWorkspace }) {
    if (files.length !== 1) throw new UsageError('entities takes exactly one FILE');
    const file = files[0]!;
    const extracted = await extractArticle(await readInput(file), file);
    const { text } = normalizeArticleText(extracted.text);
    // Only a workspace named on the command line: $DOSSIER_WORKSPACE alone leaves detection plain.
    const entities =
      flags.workspace === undefined
        ? await inProcessDetector().detect(text, {})
        : (await withWorkspace(({ api }) => api['entities.detect']({ text }))).entities;
    const rows = entities.map(({ name, type, aliases, mentions }) => ({
      name,
      type,
      aliases,
      mentions: mentions.map(({ start, end, text: t }) => ({ start, end, text: t })),
    }));
    if (flags.json) io.stdout(`${JSON.stringify({ entities: rows })}\n`);
    else for (const e of rows) io.stdout(`${e.type.padEnd(12)} ${e.name}${e.aliases.length ? ` (${e.aliases.join(', ')})` : ''}  ×${e.mentions.length}\n`);
    return 0;
  },
};
