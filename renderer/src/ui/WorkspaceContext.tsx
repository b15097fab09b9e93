import { createContext, useContext } from 'react';
import type { PaletteEntry } from '../../../electron/common/model/palette';

export interface WorkspaceView {
  /** The open workspace's id (null while it opens): choices remembered per workspace are keyed by it. */
  id: string | null;
  palette: PaletteEntry[];
}

export const WorkspaceContext = createContext<WorkspaceView>({ id: null, palette: [] });

export function useWorkspaceId(): string | null {
  return useContext(WorkspaceContext).id;
}

export function usePalette(): PaletteEntry[] {
  return useContext(WorkspaceContext).palette;
}
