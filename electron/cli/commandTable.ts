import type { CliCommand } from './command';
import { annotateCommand } from './commands/annotate';
import { annotationsCommand } from './commands/annotations';
import { articlesCommand } from './commands/articles';
import { backupCommand } from './commands/backup';
import { backupsCommand } from './commands/backups';
import { briefsCommand } from './commands/briefs';
import { checkCommand } from './commands/check';
import { conflictsCommand } from './commands/conflicts';
import { decryptCommand } from './commands/decrypt';
import { encryptCommand } from './commands/encrypt';
import { entitiesCommand } from './commands/entities';
import { entityCommand } from './commands/entity';
import { exportCommand } from './commands/export';
import { graphCommand } from './commands/graph';
import { importCommand } from './commands/import';
import { passphraseCommand } from './commands/passphrase';
import { reindexCommand } from './commands/reindex';
import { relateCommand } from './commands/relate';
import { relationsCommand } from './commands/relations';
import { resolveCommand } from './commands/resolve';
import { restoreCommand } from './commands/restore';
import { searchCommand } from './commands/search';
import { serveCommand } from './commands/serve';
import { syncCommand } from './commands/sync';
import { timelineCommand } from './commands/timeline';
import { workspacesCommand } from './commands/workspaces';

/** Every `dossier` command, in the order `dossier --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  importCommand,
  articlesCommand,
  annotateCommand,
  annotationsCommand,
  exportCommand,
  briefsCommand,
  entitiesCommand,
  entityCommand,
  relateCommand,
  relationsCommand,
  timelineCommand,
  graphCommand,
  searchCommand,
  reindexCommand,
  serveCommand,
  workspacesCommand,
  backupCommand,
  restoreCommand,
  backupsCommand,
  checkCommand,
  encryptCommand,
  decryptCommand,
  passphraseCommand,
  syncCommand,
  conflictsCommand,
  resolveCommand,
];
