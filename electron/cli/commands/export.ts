import path from 'node:path';
import type { EventPayload } from '../../common/contract';
import { BriefFormat, type ExportSource } from '../../common/model/brief';
import { isEncryptedFolder } from '../../core';
import { DateFormatChoice } from '../../common/model/settings';
import { FORCE_FLAG, JSON_FLAG, WORKSPACE_FLAG, type CliCommand } from '../command';
import { checkTarget, writeOutput } from '../outputFile';
import { resolveId } from '../resolveId';
import { UsageError } from '../usageError';

interface ExportFlags {
  article?: string;
  brief?: string;
  all?: boolean;
  format?: string;
  dateFormat?: string;
  out?: string;
  force?: boolean;
  json?: boolean;
}

/** Progress lines start at this many articles: a small export is over before a line would help. */
const PROGRESS_FROM = 10;

/**
 * `dossier export (--article ID | --brief ID | --all) --format F --out FILE [--force]`: writes the
 * file atomically and durably, never over an existing one without --force, and reports progress on
 * stderr when it gathers many articles (locally; through a running app the app does the work).
 */
export const exportCommand: CliCommand<ExportFlags> = {
  name: 'export',
  help: [
    [
      'export (--article ID | --brief ID | --all) --format md|html|pdf|docx|jsonld --out FILE [--force]',
      'an annotated brief of one article, a saved brief or the whole workspace (jsonld: W3C Web Annotations)',
    ],
  ],
  description:
    'Write an annotated brief of one article (its annotations and notes), a saved brief, or every article. ' +
    'jsonld writes the W3C Web Annotation collection. PDF prints with a system Chromium ($DOSSIER_CHROMIUM).',
  flags: [
    { flags: '--article <ID>', description: 'one article (an unambiguous prefix of its id will do)' },
    { flags: '--brief <ID>', description: 'a saved brief (see: dossier briefs)' },
    { flags: '--all', description: 'every article in the workspace' },
    { flags: '--format <FORMAT>', description: `the file's format: ${BriefFormat.options.join(', ')}` },
    { flags: '--out <FILE>', description: 'the file to write' },
    {
      flags: '--date-format <FORMAT>',
      description: `how dates read in the brief: ${DateFormatChoice.options.join(', ')} (default iso, whatever the app's setting; jsonld is always ISO)`,
    },
    FORCE_FLAG,
    WORKSPACE_FLAG,
    JSON_FLAG,
  ],
  async run(_operands, flags, { io, withWorkspace, workspaceDir }) {
    const chosen = [flags.article !== undefined, flags.brief !== undefined, flags.all === true].filter(Boolean).length;
    if (chosen !== 1) throw new UsageError('export needs one of --article ID, --brief ID or --all');
    const format = BriefFormat.safeParse(flags.format);
    if (!format.success) {
      const supported = BriefFormat.options.join(', ');
      throw new UsageError(flags.format ? `unsupported --format '${flags.format}' (supported: ${supported})` : `export needs --format (${supported})`);
    }
    if (!flags.out) throw new UsageError('export needs --out FILE');
    // ISO unless asked: a script's output must not change with the settings of an app that happens to be running.
    const dateFormat = DateFormatChoice.safeParse(flags.dateFormat ?? 'iso');
    if (!dateFormat.success) throw new UsageError(`unsupported --date-format '${flags.dateFormat}' (supported: ${DateFormatChoice.options.join(', ')})`);
    const out = path.resolve(flags.out);
    const force = flags.force === true;
    return withWorkspace(async ({ api, events }) => {
      await checkTarget(out, force);
      const source: ExportSource =
        flags.article !== undefined
          ? { articleId: await resolveId(api, 'article', flags.article) }
          : flags.brief !== undefined
            ? { briefId: await resolveId(api, 'brief', flags.brief) }
            : { all: true };

      let shown = -1;
      const unsubscribe = events.subscribe((name, payload) => {
        if (name !== 'export.progress' || flags.json) return;
        const { done, total } = payload as EventPayload<'export.progress'>;
        if (total < PROGRESS_FROM) return;
        // About twenty lines for any size, and always the last one.
        const step = Math.floor((done * 20) / total);
        if (step === shown && done !== total) return;
        shown = step;
        io.stderr(`exporting: ${done} of ${total} articles\n`);
      });
      let file;
      try {
        file = await api['export.brief']({ source, format: format.data, dateFormat: dateFormat.data });
      } finally {
        unsubscribe();
      }
      const bytes = file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : Buffer.from(file.content, 'utf8');
      await writeOutput(out, bytes, force);
      // An export is the analyst's own plaintext copy (docs/ENCRYPTION.md): said, since the workspace is not.
      if (isEncryptedFolder(workspaceDir())) io.stderr(`dossier: ${out} is not encrypted (an export is a plaintext copy)\n`);
      if (flags.json) io.stdout(`${JSON.stringify({ out, bytes: bytes.length })}\n`);
      else io.stdout(`wrote ${out}\n`);
      return 0;
    });
  },
};
