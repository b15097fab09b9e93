import { describe, expect, it, vi } from 'vitest';
import { checkForUpdates, UPDATE_FEED, type UpdateDeps } from './updates';

function updater(version: string | null) {
  return {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(() => Promise.resolve(version ? { isUpdateAvailable: true, updateInfo: { version } } : { isUpdateAvailable: false, updateInfo: { version: '0.1.0' } })),
    downloadUpdate: vi.fn(() => Promise.resolve([])),
    quitAndInstall: vi.fn(),
  };
}

function deps(feed: string, answers: number[], u = updater(null)): UpdateDeps & { boxes: ReturnType<typeof vi.fn>; loads: ReturnType<typeof vi.fn> } {
  const boxes = vi.fn(() => Promise.resolve({ response: answers.shift() ?? 0 }));
  const loads = vi.fn(() => Promise.resolve(u as never));
  return { feed, currentVersion: '0.1.0', showMessageBox: boxes, loadUpdater: loads, boxes, loads };
}

describe('checkForUpdates', () => {
  it('is off in a build without a feed (the tests are such a build), and never loads the updater then', async () => {
    expect(UPDATE_FEED).toBe('');
    const d = deps('', []);
    await expect(checkForUpdates(d)).resolves.toBe('off');
    expect(d.loads).not.toHaveBeenCalled();
    expect(d.boxes.mock.calls[0]![0]).toMatchObject({ message: 'Updates are off in this build of Dossier.' });
  });

  it('asks the feed on request only, downloads nothing by itself, and says when there is nothing new', async () => {
    const u = updater(null);
    const d = deps('https://updates.example.org/dossier', [], u);
    await expect(checkForUpdates(d)).resolves.toBe('current');
    expect(u.autoDownload).toBe(false);
    expect(u.autoInstallOnAppQuit).toBe(false);
    expect(u.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://updates.example.org/dossier' });
    expect(u.downloadUpdate).not.toHaveBeenCalled();
    expect(d.boxes.mock.calls[0]![0]).toMatchObject({ message: 'Dossier 0.1.0 is up to date.' });
  });

  it('downloads a newer version only when the analyst agrees, and restarts into it only when asked', async () => {
    const declined = updater('0.2.0');
    await expect(checkForUpdates(deps('https://u.example', [1], declined))).resolves.toBe('declined');
    expect(declined.downloadUpdate).not.toHaveBeenCalled();

    const later = updater('0.2.0');
    await expect(checkForUpdates(deps('https://u.example', [0, 1], later))).resolves.toBe('downloaded');
    expect(later.downloadUpdate).toHaveBeenCalled();
    expect(later.quitAndInstall).not.toHaveBeenCalled();

    const now = updater('0.2.0');
    await checkForUpdates(deps('https://u.example', [0, 0], now));
    expect(now.quitAndInstall).toHaveBeenCalled();
  });

  it('says why a check failed', async () => {
    const u = updater(null);
    u.checkForUpdates.mockRejectedValueOnce(new Error('net::ERR_NAME_NOT_RESOLVED'));
    const d = deps('https://u.example', [], u);
    await expect(checkForUpdates(d)).resolves.toBe('failed');
    expect(d.boxes.mock.calls[0]![0]).toMatchObject({ type: 'error', detail: 'net::ERR_NAME_NOT_RESOLVED' });
  });
});
