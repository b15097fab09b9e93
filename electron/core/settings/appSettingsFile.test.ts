import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../common/model/settings';
import { AppSettingsFile, SETTINGS_FILE } from './appSettingsFile';

let dir: string;
const file = () => path.join(dir, SETTINGS_FILE);
const onDisk = async () => JSON.parse(await fs.readFile(file(), 'utf8')) as Record<string, unknown>;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-settings-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('AppSettingsFile', () => {
  it('starts from the defaults without writing anything until something changes', async () => {
    const settings = await AppSettingsFile.open(path.join(dir, 'not-yet'));
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({ displayName: '', theme: 'system', dateFormat: 'locale', readerFontSize: 17, version: SETTINGS_VERSION });
    expect(settings.notices).toEqual([]);
    await expect(fs.access(path.join(dir, 'not-yet'))).rejects.toThrow();
  });

  it('saves a change with its schema version, and a new reader finds it', async () => {
    const settings = await AppSettingsFile.open(dir);
    const heard: unknown[] = [];
    settings.onChange((s) => heard.push(s.theme));
    await settings.update({ displayName: 'Priya Raman', theme: 'dark' });
    await settings.update({ readerFontSize: 20 });
    expect(await onDisk()).toEqual({ ...DEFAULT_SETTINGS, displayName: 'Priya Raman', theme: 'dark', readerFontSize: 20, version: SETTINGS_VERSION });
    expect(heard).toEqual(['dark', 'dark']);
    expect((await AppSettingsFile.open(dir)).get()).toMatchObject({ displayName: 'Priya Raman', theme: 'dark', readerFontSize: 20 });
    // No temporary file is left beside it.
    expect(await fs.readdir(dir)).toEqual([SETTINGS_FILE]);
  });

  it('keeps what another Dossier saved meanwhile (the app and dossier serve share the file)', async () => {
    const app = await AppSettingsFile.open(dir);
    const host = await AppSettingsFile.open(dir);
    await app.update({ displayName: 'Priya Raman' });
    await host.update({ theme: 'light' });
    expect(await onDisk()).toMatchObject({ displayName: 'Priya Raman', theme: 'light' });
  });

  it('refuses a value out of range and saves nothing', async () => {
    const settings = await AppSettingsFile.open(dir);
    await expect(settings.update({ readerFontSize: 400 })).rejects.toThrow();
    await expect(settings.update({ theme: 'purple' as 'dark' })).rejects.toThrow();
    await expect(fs.access(file())).rejects.toThrow();
    // The queue goes on after a refused change.
    await settings.update({ theme: 'light' });
    expect((await onDisk()).theme).toBe('light');
  });

  it('uses the defaults for a damaged file, keeps the damaged copy and says so', async () => {
    await fs.writeFile(file(), '{"displayName": "Pri');
    const settings = await AppSettingsFile.open(dir);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(settings.notices).toHaveLength(1);
    expect(settings.notices[0]).toMatch(/settings file was damaged/);
    expect(await fs.readFile(`${file()}.damaged`, 'utf8')).toBe('{"displayName": "Pri');
    await settings.update({ displayName: 'Priya' });
    expect((await onDisk()).displayName).toBe('Priya');
  });

  it('keeps the good fields of a file with one bad value, and drops fields it does not know', async () => {
    await fs.writeFile(file(), JSON.stringify({ version: 1, displayName: 'Priya', theme: 'sepia', readerFontSize: 'big', later: true }));
    const settings = await AppSettingsFile.open(dir);
    expect(settings.get()).toEqual({ ...DEFAULT_SETTINGS, displayName: 'Priya' });
    expect(settings.notices).toEqual([]);
  });

  it('reads a file of a newer version but never overwrites it', async () => {
    const newer = JSON.stringify({ version: SETTINGS_VERSION + 1, displayName: 'Priya', theme: 'dark', colourBlindMode: true });
    await fs.writeFile(file(), newer);
    const settings = await AppSettingsFile.open(dir);
    expect(settings.get()).toMatchObject({ displayName: 'Priya', theme: 'dark', version: SETTINGS_VERSION + 1 });
    expect(settings.notices[0]).toMatch(/newer version of Dossier/);
    expect((await settings.update({ theme: 'light' })).theme).toBe('light');
    expect(settings.get().theme).toBe('light');
    expect(await fs.readFile(file(), 'utf8')).toBe(newer);
  });

  it('reads a file without a version as the first version', async () => {
    await fs.writeFile(file(), JSON.stringify({ displayName: 'Priya' }));
    const settings = await AppSettingsFile.open(dir);
    expect(settings.get()).toMatchObject({ displayName: 'Priya', version: 1 });
  });
});
