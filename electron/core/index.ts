/**
 * The core's one entry: the CLI, the host and the Electron shell import the core from here and
 * nowhere deeper (lint enforces it), so its internals can move without touching them.
 */
export { createCore, toErrorPayload, type CoreOptions, type DossierCore } from './dossierCore';
export { EventBus } from './events';
export { WorkspaceStore } from './store/workspaceStore';
export { FILE_NAMES } from './store/files';
export { liveLockHolder, readLock, type LockInfo } from './store/lock';
export { fsyncDir, writeFileDurable } from './store/durableFile';
export { backupWorkspace, type BackupProgress } from './backup/backup';
export { previewBackup, restoreBackup, type BackupPreview } from './backup/restoreBackup';
export { openAppWorkspace, type OpenedWorkspace, type OpenHow } from './workspace/openWorkspace';
export { resolveWorkspaceDir } from './workspace/workspaceLocation';
export { appDataDir } from './appData/appDataDir';
export { inProcessDetector, workerDetector } from './entities/entityDetector';
export { CoreWorker } from './workers/workerClient';
export { extractArticle } from './import/extractArticle';
export { importArticles, type ImportSource } from './import/importArticles';
export { isWebAnnotationFile } from './export/jsonld/importWebAnnotations';
export { exportWebAnnotations } from './export/jsonld/exportWebAnnotations';
export { findChromium } from './export/pdf/findChromium';
export { footerTemplate, headerTemplate, PDF_MARGINS_MM, type PdfPrinter } from './export/pdf/pdfPrinter';
export { checkWorkspace, type Problem } from './check/checkWorkspace';
export { AppSettingsFile } from './settings/appSettingsFile';
export { repairWorkspace } from './check/repairWorkspace';
export { AppWorkspaces, NEW_WORKSPACES_FOLDER } from './workspace/appWorkspaces';
export { RecentWorkspaces } from './appData/recentWorkspaces';
export { RememberedKeys, type KeychainSealer, type KeychainState } from './appData/rememberedKeys';
export { SyncCredentialStore } from './appData/syncCredentials';
export { userDocumentsDir } from './workspace/workspaceLocation';
export { startupWorkspaceDir } from './workspace/startupWorkspace';
export { isEncryptedFolder, lockWorkspace, unlockedKey, unlockWorkspace } from './crypt/keyring';
export { readKeyFile } from './crypt/keyFile';
export { changePassphrase, decryptWorkspace, encryptWorkspace, type ConvertOptions } from './crypt/convert';
export { WorkspaceMirror } from './sync/workspaceMirror';
export { articleDocPrefixes, parseDocId, sameBody, SyncBody, type Provenance, type SyncAttachment } from './sync/syncDocs';
