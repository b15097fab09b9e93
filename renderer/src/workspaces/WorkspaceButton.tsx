import { useEffect } from 'react';
import type { WorkspaceInfo } from '../../../electron/common/model/workspace';
import { withShortcut } from '../ui/shortcuts';
import './WorkspacesScreen.css';
import { useTranslation } from 'react-i18next';

/**
 * The open workspace's name in the top bar, opening the start screen; and in the window's title
 * ("<workspace> — Dossier"), which the desktop app shows in its title bar and the OS in its
 * window lists.
 */
export function WorkspaceButton({ workspace, onOpen }: { workspace: WorkspaceInfo; onOpen(): void }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${workspace.name} — Dossier`;
  }, [workspace.name]);
  return (
    <button type="button" className="workspace workspace-button" onClick={onOpen} title={withShortcut(t('workspaces:switchCreateOrRenameWorkspaces', { path: workspace.path }), 'workspaces')} aria-label={t('workspaces:workspaceSwitchCreateOrRename', { name: workspace.name })} dir="auto">
      {workspace.name}
    </button>
  );
}
