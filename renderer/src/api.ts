import {
  CALL_NAMES,
  CallResult,
  contract,
  events as eventSchemas,
  type CallName,
  type DossierApi,
  type DossierBridge,
  type EventName,
  type EventPayload,
  type ShellMessage,
} from '../../electron/common/contract';
import { DossierError, ErrorPayload } from '../../electron/common/errors';
import { t } from './i18n/i18n';

/**
 * The only file that knows how the renderer reaches the core: through Electron's preload
 * (`window.dossier`) or through the loopback host over HTTP with the token from the URL.
 */

declare global {
  interface Window {
    dossier?: DossierBridge;
  }
}

type Transport = {
  call(name: CallName, request: unknown): Promise<unknown>;
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
  /** Hears each time the events start flowing again after a break, when some may have been missed. */
  onResumed(listener: () => void): () => void;
  saveFile(name: string, content: string, mediaType: string, encoding: 'utf8' | 'base64'): Promise<string | null>;
};

function unwrap(result: unknown): unknown {
  const parsed = CallResult.safeParse(result);
  if (!parsed.success) throw new DossierError('internal', t('app:dossierReturnedAnUnexpectedReply'));
  if (parsed.data.ok) return parsed.data.value;
  const error = ErrorPayload.safeParse(parsed.data.error);
  throw error.success ? DossierError.fromPayload(error.data) : new DossierError('internal', parsed.data.error.message);
}

function electronTransport(bridge: DossierBridge): Transport {
  return {
    call: async (name, request) => unwrap(await bridge.call(name, request)),
    subscribe(listener) {
      const offs = (Object.keys(eventSchemas) as EventName[]).map((name) =>
        bridge.on(name, (payload) => listener(name, payload)),
      );
      return () => offs.forEach((off) => off());
    },
    // IPC from the main process never breaks while the window lives.
    onResumed: () => () => undefined,
    saveFile: (name, content, _mediaType, encoding) => bridge.saveFile(name, content, encoding),
  };
}

const TOKEN_KEY = 'dossier.token';

/** Takes the token from `#token=…` once, keeps it for reloads of this tab, and cleans the URL. */
function hostToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]!));
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) {
    throw new DossierError('unavailable', 'This page needs the address printed by `dossier serve` (it carries an access token).');
  }
  return token;
}

/** How long a call waits for the event stream before going ahead without it (a host that cannot stream). */
const STREAM_WAIT_MS = 3_000;

function hostTransport(): Transport {
  let token: string | null = null;
  const auth = () => {
    token ??= hostToken();
    return { Authorization: `Bearer ${token}` };
  };
  // One event stream for the tab's life, opened before the first call is sent: a change made
  // between a call's answer and the stream's start would otherwise never reach the window, which
  // keeps answers until a change says they are stale.
  const listeners = new Set<(name: string, payload: unknown) => void>();
  const resumed = new Set<() => void>();
  let connected: Promise<void> | null = null;
  const stream = (): Promise<void> => {
    connected ??= new Promise<void>((resolve) => {
      // Calls went ahead without the stream (it was late, or cut): its next start may follow missed changes.
      let waiting = true;
      const onOpen = () => {
        if (waiting) {
          waiting = false;
          resolve();
        } else for (const l of [...resumed]) l();
      };
      setTimeout(() => {
        waiting = false;
        resolve();
      }, STREAM_WAIT_MS);
      void readEventStream(auth, (name, payload) => listeners.forEach((l) => l(name, payload)), onOpen, new AbortController().signal);
    });
    return connected;
  };
  return {
    async call(name, request) {
      await stream();
      let response: Response;
      try {
        response = await fetch(`/api/call/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...auth() },
          body: JSON.stringify(request ?? {}),
        });
      } catch {
        throw new DossierError('unavailable', t('app:lostTheConnectionToDossier'));
      }
      if (response.status === 401) {
        sessionStorage.removeItem(TOKEN_KEY);
        throw new DossierError('unavailable', t('app:thisPagesAccessTokenIs'));
      }
      return unwrap(await response.json());
    },
    subscribe(listener) {
      listeners.add(listener);
      void stream();
      return () => listeners.delete(listener);
    },
    onResumed(listener) {
      resumed.add(listener);
      return () => resumed.delete(listener);
    },
    async saveFile(name, content, mediaType, encoding) {
      const data = encoding === 'base64' ? Uint8Array.from(atob(content), (c) => c.charCodeAt(0)) : content;
      const url = URL.createObjectURL(new Blob([data], { type: mediaType }));
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return name;
    },
  };
}

/**
 * Server-sent events read with fetch (EventSource cannot send the token header); reconnects with
 * backoff. `onOpen` hears each connection: the host has taken it on when its answer starts.
 */
async function readEventStream(
  auth: () => Record<string, string>,
  listener: (name: string, payload: unknown) => void,
  onOpen: () => void,
  signal: AbortSignal,
): Promise<void> {
  let delay = 500;
  while (!signal.aborted) {
    try {
      const response = await fetch('/api/events', { headers: auth(), signal });
      if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
      delay = 500;
      onOpen();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.+)$/m.exec(frame)?.[1];
          const data = /^data: (.+)$/m.exec(frame)?.[1];
          if (name && data) listener(name, JSON.parse(data));
        }
      }
    } catch {
      if (signal.aborted) return;
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 10_000);
  }
}

const transport: Transport = window.dossier ? electronTransport(window.dossier) : hostTransport();

/** The contract as async functions; replies are validated with the same schemas the core uses. */
export const api = Object.fromEntries(
  CALL_NAMES.map((name) => [
    name,
    async (request: unknown) => contract[name].response.parse(await transport.call(name, request)),
  ]),
) as unknown as DossierApi;

/**
 * Every listener shares one subscription: in the browser each subscription is a long-lived HTTP
 * request, and Chromium allows six per host, so one per component would starve the calls.
 */
const listeners = new Set<(name: string, payload: unknown) => void>();
let unsubscribe: (() => void) | null = null;

export function onEvent<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void {
  const relay = (eventName: string, payload: unknown) => {
    if (eventName !== name) return;
    const parsed = eventSchemas[name].safeParse(payload);
    if (parsed.success) listener(parsed.data as EventPayload<K>);
  };
  listeners.add(relay);
  unsubscribe ??= transport.subscribe((eventName, payload) => {
    for (const l of [...listeners]) l(eventName, payload);
  });
  return () => {
    listeners.delete(relay);
    if (listeners.size === 0) {
      unsubscribe?.();
      unsubscribe = null;
    }
  };
}

/** Hears each time the window's events resume after a break (the host restarted, the connection dropped). */
export function onEventsResumed(listener: () => void): () => void {
  return transport.onResumed(listener);
}

/**
 * "Save as…" in Electron; a download in the browser. Resolves to where it went, or null if
 * cancelled. Binary exports (PDF, DOCX) arrive in base64 and are saved as their bytes.
 */
export function saveFile(name: string, content: string, mediaType: string, encoding: 'utf8' | 'base64' = 'utf8'): Promise<string | null> {
  return transport.saveFile(name, content, mediaType, encoding);
}

export const transportKind: 'electron' | 'browser' = window.dossier ? 'electron' : 'browser';

/** The native folder picker (Electron only); null when cancelled. The browser types a path instead. */
export const chooseFolder: ((purpose: 'open' | 'create') => Promise<string | null>) | null = window.dossier?.chooseFolder
  ? (purpose) => window.dossier!.chooseFolder!(purpose)
  : null;

/** Tells the desktop shell something (see ShellMessage); false in the browser, which has no shell. */
export function tellShell(message: ShellMessage): boolean {
  if (!window.dossier) return false;
  window.dossier.shell(message);
  return true;
}

/** Adds imported files to the system's recent documents (Electron; nothing in the browser). */
export function addRecentFiles(files: File[]): void {
  window.dossier?.addRecentFiles(files);
}
