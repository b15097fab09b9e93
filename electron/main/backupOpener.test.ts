import { describe, expect, it, vi } from 'vitest';
import { DossierError } from '../common/errors';
import { openBackupFile, type BackupOpenerDeps } from './backupOpener';

const PREVIEW = { workspaceName: 'Indo-Pacific desk', encrypted: false, created: '2025-05-04T10:00:00.000Z', files: 42, bytes: 3_500_000 };

function deps(answers: number[], folder: string | null = '/home/me/Restored') {
  return {
    preview: vi.fn<BackupOpenerDeps['preview']>(() => Promise.resolve(PREVIEW)),
    restore: vi.fn<BackupOpenerDeps['restore']>(() => Promise.resolve({ articles: 7 })),
    showMessageBox: vi.fn<BackupOpenerDeps['showMessageBox']>(() => Promise.resolve({ response: answers.shift() ?? 1 })),
    showOpenDialog: vi.fn<BackupOpenerDeps['showOpenDialog']>(() => Promise.resolve(folder ? { canceled: false, filePaths: [folder] } : { canceled: true, filePaths: [] })),
    openWorkspace: vi.fn<(dir: string) => void>(),
    documentsDir: '/home/me/Documents',
  } satisfies BackupOpenerDeps;
}

describe('openBackupFile', () => {
  it('shows what the backup holds, restores it into the folder picked, and opens it when asked', async () => {
    const d = deps([0, 0]);
    await expect(openBackupFile('/tmp/w.dossier-backup', d)).resolves.toBe('restored');
    expect(d.showMessageBox.mock.calls[0]![0]).toMatchObject({ message: 'Restore the backup of “Indo-Pacific desk”?', detail: expect.stringContaining('42 files, 3.3 MB') });
    expect(d.showOpenDialog.mock.calls[0]![0]).toMatchObject({ defaultPath: '/home/me/Documents', properties: expect.arrayContaining(['openDirectory', 'createDirectory']) });
    expect(d.restore).toHaveBeenCalledWith('/tmp/w.dossier-backup', '/home/me/Restored');
    expect(d.showMessageBox.mock.calls[1]![0]).toMatchObject({ detail: expect.stringContaining('7 articles') });
    expect(d.openWorkspace).toHaveBeenCalledWith('/home/me/Restored');
  });

  it('restores an encrypted workspace\'s backup without naming it, and says it will ask for the passphrase', async () => {
    const d = deps([0, 0]);
    d.preview.mockResolvedValue({ ...PREVIEW, workspaceName: '', encrypted: true });
    d.restore.mockResolvedValue({ articles: null });
    await expect(openBackupFile('/tmp/w.zip', d)).resolves.toBe('restored');
    expect(d.showMessageBox.mock.calls[0]![0]).toMatchObject({ message: 'Restore the backup of an encrypted workspace?' });
    expect(d.showMessageBox.mock.calls[1]![0]).toMatchObject({ detail: expect.stringContaining('asks for its passphrase') });
    expect(d.openWorkspace).toHaveBeenCalledWith('/home/me/Restored');
  });

  it('restores nothing when the analyst cancels, at the question or at the folder', async () => {
    const atQuestion = deps([1]);
    await expect(openBackupFile('/tmp/w.zip', atQuestion)).resolves.toBe('cancelled');
    expect(atQuestion.showOpenDialog).not.toHaveBeenCalled();
    const atFolder = deps([0], null);
    await expect(openBackupFile('/tmp/w.zip', atFolder)).resolves.toBe('cancelled');
    expect(atFolder.restore).not.toHaveBeenCalled();
  });

  it('leaves the restored workspace for later when asked to', async () => {
    const d = deps([0, 1]);
    await expect(openBackupFile('/tmp/w.zip', d)).resolves.toBe('restored');
    expect(d.openWorkspace).not.toHaveBeenCalled();
  });

  it('names a file that is not a backup, or a restore that failed, with the reason', async () => {
    const notBackup = deps([]);
    notBackup.preview.mockImplementation(() => Promise.reject(new DossierError('corrupt-file', '/tmp/photos.zip cannot be restored: it is not a Dossier backup (no manifest.json).')));
    await expect(openBackupFile('/tmp/photos.zip', notBackup)).resolves.toBe('refused');
    expect(notBackup.showMessageBox.mock.calls[0]![0]).toMatchObject({ type: 'error', message: 'Dossier cannot open photos.zip.', detail: expect.stringContaining('not a Dossier backup') });

    const full = deps([0]);
    full.restore.mockRejectedValueOnce(new DossierError('bad-input', '/home/me/Restored is not empty (it holds a.txt); restore into an empty or new folder.'));
    await expect(openBackupFile('/tmp/w.zip', full)).resolves.toBe('refused');
    expect(full.showMessageBox.mock.calls[1]![0]).toMatchObject({ type: 'error', detail: expect.stringContaining('is not empty') });
  });
});
