import type { EventName, EventPayload } from '../common/contract';

type Listener = (name: EventName, payload: EventPayload<EventName>) => void;

/** The core's outgoing events; the Electron main process and the host each forward them. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    for (const listener of this.listeners) {
      // A failing listener (a closed window, a dropped stream) must not turn a saved change into an error.
      try {
        listener(name, payload);
      } catch (error) {
        console.error(`Dossier: an event listener failed on ${name}:`, error);
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
