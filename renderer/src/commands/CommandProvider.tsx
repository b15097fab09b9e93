import { createContext, useContext, useEffect, useEffectEvent, useState, useSyncExternalStore, type ReactNode } from 'react';
import { COMMANDS, type CommandId } from '../../../electron/common/commands';
import { onEvent } from '../api';
import { isEditingText, isMac } from '../ui/shortcuts';
import { keymap, typesText } from './keymap';
import { commandTitle } from '../i18n/i18n';

type Handler = () => void;

/**
 * The handlers bound to registry commands right now. A screen binds its commands while it is
 * shown; the latest binding of a command wins and the previous one returns when it goes.
 */
export class CommandHandlers {
  private readonly stacks = new Map<CommandId, Handler[]>();
  /** What the binding that handles a command calls it now, when that is more than its registry title ("Undo add highlight"). */
  private readonly titles = new Map<Handler, string>();
  private readonly listeners = new Set<() => void>();

  bind(id: CommandId, handler: Handler, title?: string): () => void {
    this.stacks.set(id, [...(this.stacks.get(id) ?? []), handler]);
    if (title !== undefined) this.titles.set(handler, title);
    this.changed();
    return () => {
      this.stacks.set(id, (this.stacks.get(id) ?? []).filter((h) => h !== handler));
      this.titles.delete(handler);
      this.changed();
    };
  }

  /** The command's title as its current handler names it, else its title in the UI language. */
  title(id: CommandId): string {
    const handler = this.stacks.get(id)?.at(-1);
    return (handler && this.titles.get(handler)) ?? commandTitle(id);
  }

  /** Runs the command; false when nothing handles it now. */
  run(id: CommandId): boolean {
    const handler = this.stacks.get(id)?.at(-1);
    handler?.();
    return handler !== undefined;
  }

  has(id: CommandId): boolean {
    return (this.stacks.get(id)?.length ?? 0) > 0;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    for (const l of [...this.listeners]) l();
  }
}

const CommandsContext = createContext<CommandHandlers | null>(null);

function useHandlers(): CommandHandlers {
  const handlers = useContext(CommandsContext);
  if (!handlers) throw new Error('useCommand needs a <CommandProvider> above it.');
  return handlers;
}

const windowKeys = keymap('window', isMac);

/** Keys left to the browser while nothing handles them (Ctrl+F outside the reader finds in the page). */
const BROWSER_DEFAULT_WHEN_UNHANDLED: ReadonlySet<CommandId> = new Set(['find', 'find-next', 'find-previous']);

/** In a text field the menu's Undo/Redo act on the field, as everywhere else on the desktop. */
const FIELD_EQUIVALENT: Partial<Record<CommandId, string>> = { undo: 'undo', redo: 'redo' };

/**
 * The window's one keyboard map and the Electron menu's commands, both from the registry
 * (electron/common/commands.ts). Keys of `editor` commands are Lexical's own and never reach here
 * as commands: inside an editor, Ctrl/Cmd+Z is the editor's undo.
 */
export function CommandProvider({ children }: { children: ReactNode }) {
  const [handlers] = useState(() => new CommandHandlers());

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const id = windowKeys(event);
      if (!id) return;
      if ((COMMANDS[id].when === 'outsideTextField' || typesText(event)) && isEditingText(event.target)) return;
      if (BROWSER_DEFAULT_WHEN_UNHANDLED.has(id) && !handlers.has(id)) return;
      // Dossier's key even when nothing handles it now (Ctrl+E with no article must not open the browser's search).
      event.preventDefault();
      handlers.run(id);
    };
    window.addEventListener('keydown', onKey);
    const offMenu = onEvent('app.command', ({ command }) => {
      const inField = FIELD_EQUIVALENT[command];
      if (inField && isEditingText(document.activeElement)) document.execCommand(inField);
      else handlers.run(command);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      offMenu();
    };
  }, [handlers]);

  return <CommandsContext.Provider value={handlers}>{children}</CommandsContext.Provider>;
}

/**
 * Binds `handler` to a registry command while the component is shown (and `enabled`); `title`,
 * when given, is what the palette calls it while this binding handles it ("Undo add highlight").
 */
export function useCommand(id: CommandId, handler: () => void, enabled = true, title?: string): void {
  const handlers = useHandlers();
  const run = useEffectEvent(handler);
  useEffect(() => (enabled ? handlers.bind(id, () => run(), title) : undefined), [enabled, handlers, id, title]);
}

/** Runs registry commands from buttons; `available` says whether anything handles one now, `title` what it is called now. */
export function useCommands(): { run(id: CommandId): boolean; available(id: CommandId): boolean; title(id: CommandId): string } {
  const handlers = useHandlers();
  return { run: (id) => handlers.run(id), available: (id) => handlers.has(id), title: (id) => handlers.title(id) };
}

/** Whether a command has a handler now (re-renders when that changes): for a button's `disabled`. */
export function useCommandAvailable(id: CommandId): boolean {
  const handlers = useHandlers();
  return useSyncExternalStore(handlers.subscribe, () => handlers.has(id));
}
