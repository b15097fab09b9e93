import { createContext, useContext } from 'react';
import type { PaletteEntry } from '../../../electron/common/model/palette';

export interface WorkspaceView {
  palette: PaletteEntry[];
}

export const WorkspaceContext = createContext<WorkspaceView>({ palette: [] });

export function usePalette(): PaletteEntry[] {
  return useContext(WorkspaceContext).palette;
}
