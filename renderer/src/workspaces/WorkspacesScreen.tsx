import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { RecentWorkspace } from '../../../electron/common/model/recentWorkspace';
import type { WorkspaceInfo } from '../../../electron/common/model/workspace';
import { api, chooseFolder } from '../api';
import { errorMessage } from '../ui/useSaveStatus';
import { folderNameFor, joinPath, switchWorkspace } from './switchWorkspace';
import './WorkspacesScreen.css';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface Props {
  current: WorkspaceInfo;
  onClose(): void;
}

/**
 * The start screen: the open workspace (renamed here), the recent ones to switch to, and opening
 * or creating another. The desktop app picks folders with the system's dialog; in the browser
 * the folder is typed (the page cannot see the disk), with a suggestion under Documents.
 */
export function WorkspacesScreen({ current, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const queryClient = useQueryClient();
  const recent = useQuery({ queryKey: ['workspaces.recent'], queryFn: () => api['workspaces.recent']({}), gcTime: 0 });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  /** Runs a switch; on success the window reloads, so only a failure comes back here. */
  const go = async (how: Parameters<typeof switchWorkspace>[0]) => {
    setBusy(true);
    setProblem(null);
    try {
      await switchWorkspace(how);
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
      void queryClient.invalidateQueries({ queryKey: ['workspaces.recent'] });
    }
  };

  const forget = async (w: RecentWorkspace) => {
    try {
      await api['workspaces.forget']({ path: w.path });
    } catch (error) {
      setProblem(errorMessage(error));
    }
    void queryClient.invalidateQueries({ queryKey: ['workspaces.recent'] });
  };

  const others = (recent.data?.workspaces ?? []).filter((w) => w.path !== current.path);

  return (
    <dialog ref={dialog} className="workspaces-screen" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>Workspaces</h2>
      <section aria-labelledby={`${id}-current`} className="ws-current">
        <h3 id={`${id}-current`}>Open now</h3>
        <CurrentWorkspace workspace={current} />
      </section>

      <section aria-labelledby={`${id}-recent`}>
        <h3 id={`${id}-recent`}>Recent workspaces</h3>
        {recent.isLoading ? (
          <p className="muted">Loading…</p>
        ) : others.length === 0 ? (
          <p className="muted">No other workspace opened yet.</p>
        ) : (
          <ul className="ws-recent" aria-label="Recent workspaces">
            {others.map((w) => (
              <li key={w.path} className={w.missing ? 'missing' : undefined}>
                <div className="ws-what">
                  <strong dir="auto">{w.name}</strong>
                  <span className="ws-path" title={w.path}>
                    {w.path}
                  </span>
                  <span className="muted">{w.missing ? 'Folder not found (moved, deleted, or on a drive not connected)' : `Last opened ${dateTime.format(new Date(w.lastOpened))}`}</span>
                </div>
                {w.missing ? (
                  <button type="button" onClick={() => void forget(w)} aria-label={`Remove ${w.name} from the list`}>
                    Remove from list
                  </button>
                ) : (
                  <button type="button" disabled={busy} onClick={() => void go({ open: w.path })} aria-label={`Open ${w.name}`}>
                    Open
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="ws-forms">
        <OpenForm busy={busy} onOpen={(path) => void go({ open: path })} />
        <CreateForm busy={busy} parent={recent.data?.newWorkspaceParent ?? null} onCreate={(path, name, sample) => void go({ create: path, name, sample })} />
      </div>

      <p className="ws-problem" role="alert">
        {problem}
      </p>
      <div className="dialog-actions">
        {busy && <span className="muted">Opening…</span>}
        <span className="spacer" />
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}

/** The open workspace's name, renamed in place (its folder keeps its name). */
function CurrentWorkspace({ workspace }: { workspace: WorkspaceInfo }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(workspace.name);
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api['workspace.rename']({ name });
      setEditing(false);
      setError(null);
      // The change feed refreshes workspace.info; the recent list is this screen's own.
      void queryClient.invalidateQueries({ queryKey: ['workspaces.recent'] });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  if (editing) {
    return (
      <form className="ws-rename" onSubmit={(e) => void save(e)}>
        <label>
          Workspace name
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required dir="auto" autoFocus />
        </label>
        <button type="submit" className="primary">
          Save name
        </button>
        <button type="button" onClick={() => (setEditing(false), setName(workspace.name), setError(null))}>
          Cancel
        </button>
        {error && (
          <span className="ws-problem" role="alert">
            {error}
          </span>
        )}
      </form>
    );
  }
  return (
    <div className="ws-open-now">
      <div className="ws-what">
        <strong dir="auto">{workspace.name}</strong>
        <span className="ws-path" title={workspace.path}>
          {workspace.path}
        </span>
        <span className="muted">
          {workspace.articleCount} article{workspace.articleCount === 1 ? '' : 's'}
          {workspace.readOnly && ' · read-only'}
        </span>
      </div>
      <button type="button" disabled={workspace.readOnly} onClick={() => setEditing(true)}>
        Rename…
      </button>
    </div>
  );
}

function OpenForm({ busy, onOpen }: { busy: boolean; onOpen(path: string): void }) {
  const id = useId();
  const [path, setPath] = useState('');
  if (chooseFolder) {
    return (
      <section aria-labelledby={`${id}-h`} className="ws-form">
        <h3 id={`${id}-h`}>Open a workspace</h3>
        <p className="muted">A folder that holds a Dossier workspace (its workspace.json).</p>
        <button type="button" disabled={busy} onClick={() => void chooseFolder!('open').then((chosen) => chosen && onOpen(chosen))}>
          Choose folder…
        </button>
      </section>
    );
  }
  return (
    <form aria-labelledby={`${id}-h`} className="ws-form" onSubmit={(e) => (e.preventDefault(), onOpen(path))}>
      <h3 id={`${id}-h`}>Open a workspace</h3>
      <label>
        Workspace folder
        <input value={path} onChange={(e) => setPath(e.target.value)} required spellCheck={false} placeholder="The folder holding its workspace.json" />
      </label>
      <button type="submit" disabled={busy}>
        Open workspace
      </button>
    </form>
  );
}

function CreateForm({ busy, parent, onCreate }: { busy: boolean; parent: string | null; onCreate(path: string, name: string, sample: boolean): void }) {
  const id = useId();
  const [name, setName] = useState('');
  // The folder follows the name until the analyst types or picks one.
  const [folder, setFolder] = useState<string | null>(null);
  const [sample, setSample] = useState(false);
  const suggested = parent ? joinPath(parent, folderNameFor(name)) : '';
  const path = folder ?? suggested;
  return (
    <form aria-labelledby={`${id}-h`} className="ws-form" onSubmit={(e) => (e.preventDefault(), onCreate(path, name.trim(), sample))}>
      <h3 id={`${id}-h`}>Create a workspace</h3>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} dir="auto" placeholder="e.g. Indo-Pacific defence" />
      </label>
      <label>
        Folder
        <span className="ws-folder">
          <input value={path} onChange={(e) => setFolder(e.target.value)} required spellCheck={false} />
          {chooseFolder && (
            <button type="button" onClick={() => void chooseFolder!('create').then((chosen) => chosen && setFolder(joinPath(chosen, folderNameFor(name))))}>
              Choose…
            </button>
          )}
        </span>
      </label>
      <p className="muted">A new or empty folder; Dossier creates it.</p>
      <label className="ws-check">
        <input type="checkbox" checked={sample} onChange={(e) => setSample(e.target.checked)} />
        Include the sample article
      </label>
      <button type="submit" className="primary" disabled={busy || name.trim() === '' || path.trim() === ''}>
        Create workspace
      </button>
    </form>
  );
}
