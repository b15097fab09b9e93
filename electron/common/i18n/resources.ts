/**
 * The message catalogs: one JSON file per namespace (a renderer folder, the commands, the native
 * menus) and language, under locales/. JSON so translators can work on them with any tool, and
 * importable both by the renderer and by the Electron shell, which builds its menus from them.
 *
 * The English titles of commands are not copied into a catalog: the registry
 * (../commands.ts) holds them, and English reads them from there, so the two never disagree.
 * Plurals follow i18next's JSON v4 form: `key_one`, `key_other` in English; Arabic has all six
 * CLDR categories (`_zero`, `_one`, `_two`, `_few`, `_many`, `_other`).
 *
 * The imports carry `with { type: 'json' }`: the core words undo steps for the audit trail with
 * these catalogs, and Node loads the core unbundled where the e2e fixtures seed a workspace.
 */
import { COMMAND_IDS, COMMANDS } from '../commands';
import type { UiLanguage } from './uiLanguage';
import appEn from './locales/en/app.json' with { type: 'json' };
import annotationsEn from './locales/en/annotations.json' with { type: 'json' };
import backupsEn from './locales/en/backups.json' with { type: 'json' };
import briefsEn from './locales/en/briefs.json' with { type: 'json' };
import entitiesEn from './locales/en/entities.json' with { type: 'json' };
import graphEn from './locales/en/graph.json' with { type: 'json' };
import guideEn from './locales/en/guide.json' with { type: 'json' };
import historyEn from './locales/en/history.json' with { type: 'json' };
import libraryEn from './locales/en/library.json' with { type: 'json' };
import notesEn from './locales/en/notes.json' with { type: 'json' };
import readerEn from './locales/en/reader.json' with { type: 'json' };
import searchEn from './locales/en/search.json' with { type: 'json' };
import settingsEn from './locales/en/settings.json' with { type: 'json' };
import timelineEn from './locales/en/timeline.json' with { type: 'json' };
import uiEn from './locales/en/ui.json' with { type: 'json' };
import workspacesEn from './locales/en/workspaces.json' with { type: 'json' };
import menuEn from './locales/en/menu.json' with { type: 'json' };
import securityEn from './locales/en/security.json' with { type: 'json' };
import syncEn from './locales/en/sync.json' with { type: 'json' };
import errorsEn from './locales/en/errors.json' with { type: 'json' };
import appAr from './locales/ar/app.json' with { type: 'json' };
import annotationsAr from './locales/ar/annotations.json' with { type: 'json' };
import backupsAr from './locales/ar/backups.json' with { type: 'json' };
import briefsAr from './locales/ar/briefs.json' with { type: 'json' };
import entitiesAr from './locales/ar/entities.json' with { type: 'json' };
import graphAr from './locales/ar/graph.json' with { type: 'json' };
import guideAr from './locales/ar/guide.json' with { type: 'json' };
import historyAr from './locales/ar/history.json' with { type: 'json' };
import libraryAr from './locales/ar/library.json' with { type: 'json' };
import notesAr from './locales/ar/notes.json' with { type: 'json' };
import readerAr from './locales/ar/reader.json' with { type: 'json' };
import searchAr from './locales/ar/search.json' with { type: 'json' };
import settingsAr from './locales/ar/settings.json' with { type: 'json' };
import timelineAr from './locales/ar/timeline.json' with { type: 'json' };
import uiAr from './locales/ar/ui.json' with { type: 'json' };
import workspacesAr from './locales/ar/workspaces.json' with { type: 'json' };
import menuAr from './locales/ar/menu.json' with { type: 'json' };
import securityAr from './locales/ar/security.json' with { type: 'json' };
import syncAr from './locales/ar/sync.json' with { type: 'json' };
import errorsAr from './locales/ar/errors.json' with { type: 'json' };
import commandsAr from './locales/ar/commands.json' with { type: 'json' };

export type Catalog = { [key: string]: string | Catalog };

/** The English commands namespace, read from the registry: `<id>.title` and, for menu commands, `<id>.menu`. */
const commandsEn: Catalog = Object.fromEntries(
  COMMAND_IDS.map((id): [string, Catalog] => {
    const spec: { title: string; menu?: { label: string } } = COMMANDS[id];
    return [id, spec.menu ? { title: spec.title, menu: spec.menu.label } : { title: spec.title }];
  }),
);

export const RESOURCES: Record<UiLanguage, Record<string, Catalog>> = {
  en: {
    app: appEn,
    annotations: annotationsEn,
    backups: backupsEn,
    briefs: briefsEn,
    entities: entitiesEn,
    graph: graphEn,
    guide: guideEn,
    history: historyEn,
    library: libraryEn,
    notes: notesEn,
    reader: readerEn,
    search: searchEn,
    settings: settingsEn,
    timeline: timelineEn,
    ui: uiEn,
    workspaces: workspacesEn,
    menu: menuEn,
    security: securityEn,
    sync: syncEn,
    errors: errorsEn,
    commands: commandsEn,
  },
  ar: {
    app: appAr,
    annotations: annotationsAr,
    backups: backupsAr,
    briefs: briefsAr,
    entities: entitiesAr,
    graph: graphAr,
    guide: guideAr,
    history: historyAr,
    library: libraryAr,
    notes: notesAr,
    reader: readerAr,
    search: searchAr,
    settings: settingsAr,
    timeline: timelineAr,
    ui: uiAr,
    workspaces: workspacesAr,
    menu: menuAr,
    security: securityAr,
    sync: syncAr,
    errors: errorsAr,
    commands: commandsAr,
  },
};

export const NAMESPACES = Object.keys(RESOURCES.en);
