/**
 * What a node component may ask of the canvas (collapse or expand itself), passed by context so that the node
 * components stay memoized on their data alone.
 */
import { createContext, useContext } from 'react';

export interface CanvasActions {
  /** Collapse (`true`) or expand (`false`) a node: the canvas turns it into a `setCollapsed` command. */
  setCollapsed(id: string, collapsed: boolean): void;
}

export const CanvasActionsContext = createContext<CanvasActions>({ setCollapsed: () => {} });

export function useCanvasActions(): CanvasActions {
  return useContext(CanvasActionsContext);
}
