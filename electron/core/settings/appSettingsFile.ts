import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppSettings, DEFAULT_SETTINGS, SETTINGS_VERSION, SettingsPatch } from '../../common/model/settings';
import { DossierError, phrase } from '../../common/errors';
import { writeFileDurable } from '../store/durableFile';

export const SETTINGS_FILE = 'settings.json';

type Listener = (settings: AppSettings) => void;

/**
 * The app's settings file (`settings.json` in the app-data folder). Read once on start; each
 * change re-reads the file, applies the patch and writes it durably, so the desktop app and a
 * `dossier serve` running side by side do not undo each other's changes. A damaged file is kept
 * beside it (`settings.json.damaged`) and the defaults are used, with a notice; a file from a
 * newer Dossier is read as far as it is understood and never overwritten.
 */
export class AppSettingsFile {
  /** What reading the file found that the analyst should know. */
  readonly notices: string[] = [];
  private current: AppSettings;
  private readOnly = false;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<Listener>();

  private constructor(
    readonly file: string,
    initial: AppSettings,
  ) {
    this.current = initial;
  }

  /** Opens the settings in `dir` (the app-data folder), creating nothing until something changes. */
  static async open(dir: string): Promise<AppSettingsFile> {
    const file = path.join(dir, SETTINGS_FILE);
    const settings = new AppSettingsFile(file, DEFAULT_SETTINGS);
    settings.current = await settings.read(true);
    return settings;
  }

  /** Settings held in memory only (tests, and the CLI where no app-data folder can be used). */
  static inMemory(initial: Partial<AppSettings> = {}): AppSettingsFile {
    const settings = new AppSettingsFile('', AppSettings.parse(initial));
    settings.readOnly = true;
    return settings;
  }

  get(): AppSettings {
    return this.current;
  }

  /** Applies a checked patch, saves it durably, then tells listeners. */
  update(patch: SettingsPatch): Promise<AppSettings> {
    const parsed = SettingsPatch.safeParse(patch);
    if (!parsed.success) return Promise.reject(new DossierError('bad-input', phrase('settings.invalid', { field: parsed.error.issues[0]?.path.join('.') || 'value', issue: parsed.error.issues[0]?.message ?? 'invalid' })));
    const checked = parsed.data;
    const run = this.queue.then(async () => {
      const base = this.file && !this.readOnly ? await this.read(false) : this.current;
      const next = AppSettings.parse({ ...base, ...checked, version: Math.max(base.version, SETTINGS_VERSION) });
      if (this.file && !this.readOnly) {
        await fs.mkdir(path.dirname(this.file), { recursive: true });
        await writeFileDurable(this.file, `${JSON.stringify(next, null, 2)}\n`);
      }
      this.current = next;
      for (const listener of [...this.listeners]) listener(next);
      return next;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The file as this version understands it; `first` records notices and keeps a damaged file aside. */
  private async read(first: boolean): Promise<AppSettings> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_SETTINGS;
      if (first) this.notices.push(`Dossier could not read its settings (${(error as Error).message}); it uses the defaults for now.`);
      return this.current;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = undefined;
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      if (first) {
        await fs.copyFile(this.file, `${this.file}.damaged`).catch(() => undefined);
        this.notices.push(`Dossier's settings file was damaged and has been set back to the defaults (the damaged copy is ${this.file}.damaged).`);
      }
      return DEFAULT_SETTINGS;
    }
    const settings = AppSettings.parse(migrate(raw as Record<string, unknown>));
    if (settings.version > SETTINGS_VERSION) {
      this.readOnly = true;
      if (first) this.notices.push('These settings were saved by a newer version of Dossier: changes made here last until Dossier closes.');
    }
    return settings;
  }
}

/** Older settings files brought to the current version (none yet: version 1 is the first). */
function migrate(raw: Record<string, unknown>): Record<string, unknown> {
  return { version: SETTINGS_VERSION, ...raw };
}
