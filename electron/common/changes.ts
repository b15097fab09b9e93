import type { EventPayload } from './contract';

export type WorkspaceChange = EventPayload<'workspace.changed'>;
