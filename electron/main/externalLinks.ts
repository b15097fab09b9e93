import { dialog, shell, type BrowserWindow } from 'electron';

/** Longer than any link a person means to open; a long URL is also a way to smuggle text out. */
const MAX_LINK_LENGTH = 2048;

/**
 * The link to hand to the operating system, or null when it must not be opened: only http(s)
 * and mailto, never with a user name or password in it (`https://bank.example@evil.example/`
 * reads as the bank), never file:, javascript:, data:, smb:, custom app schemes and the like,
 * which the system would run or mount.
 */
export function externalLinkTarget(url: string): string | null {
  if (typeof url !== 'string' || url.length > MAX_LINK_LENGTH) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'mailto:') return parsed.href;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password || !parsed.hostname) return null;
  return parsed.href;
}

export interface ExternalLinkDeps {
  confirm(parent: BrowserWindow | null, url: string): Promise<boolean>;
  open(url: string): Promise<void>;
  log(line: string): void;
}

const electronDeps: ExternalLinkDeps = {
  async confirm(parent, url) {
    const options = {
      type: 'question' as const,
      buttons: ['Cancel', 'Open in browser'],
      defaultId: 0,
      cancelId: 0,
      title: 'Open link',
      message: 'Open this link in your web browser?',
      detail: `${url}\n\nThe link leaves Dossier. Open it only if you trust where it goes.`,
      noLink: true,
    };
    const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
    return response === 1;
  },
  open: (url) => shell.openExternal(url),
  log: (line) => console.warn(line),
};

/**
 * Opens a link from the app's window in the system browser: only a link `externalLinkTarget`
 * accepts, only after the analyst confirms it, and one question at a time (a page that opens
 * links in a loop cannot stack dialogs). Resolves to whether the link was opened.
 */
export function externalLinkOpener(deps: ExternalLinkDeps = electronDeps): (url: string, parent: BrowserWindow | null) => Promise<boolean> {
  let asking = false;
  return async (url, parent) => {
    const target = externalLinkTarget(url);
    if (!target) {
      deps.log(`Dossier did not open a link with the scheme ${schemeOf(url)}: only http, https and mailto links open.`);
      return false;
    }
    if (asking) return false;
    asking = true;
    try {
      if (!(await deps.confirm(parent, target))) return false;
      await deps.open(target);
      return true;
    } finally {
      asking = false;
    }
  };
}

function schemeOf(url: string): string {
  const match = /^([a-z][a-z0-9+.-]{0,20}):/i.exec(String(url));
  return match ? `${match[1]!.toLowerCase()}:` : '(none)';
}
