import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDataDir } from './appDataDir';

describe('appDataDir', () => {
  it('is $DOSSIER_APP_DATA when set', () => {
    expect(appDataDir({ DOSSIER_APP_DATA: '/tmp/x' }, 'linux', '/home/a')).toBe(path.resolve('/tmp/x'));
  });
  it('is the folder Electron calls userData on each platform', () => {
    expect(appDataDir({}, 'linux', '/home/a')).toBe(path.join('/home/a', '.config', 'Dossier'));
    expect(appDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/a')).toBe(path.join('/cfg', 'Dossier'));
    expect(appDataDir({}, 'darwin', '/Users/a')).toBe(path.join('/Users/a', 'Library', 'Application Support', 'Dossier'));
    expect(appDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a')).toBe(path.join('C:\\Users\\a\\AppData\\Roaming', 'Dossier'));
  });
});
