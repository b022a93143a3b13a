import {
  createContext,
  ReactNode,
  useCallback,
  useContext,
  useMemo,
  useState,
} from 'react';
import { Hotfix } from '../../api/types';

/** Which hotfix was asked for last, and how to ask for one. */
export type HotfixHighlight = {
  /** Id of the hotfix to show; `request` grows with every ask. */
  highlighted?: { id: string; request: number };
  highlight: (id: string) => void;
  /** Hotfixes known on the page, for titles of "explained by" chips. */
  hotfixes: Hotfix[];
};

const HotfixHighlightContext = createContext<HotfixHighlight>({
  highlight: () => {},
  hotfixes: [],
});

/**
 * Lets an "explained by HF-3" chip anywhere on the page bring the hotfix's
 * row into view: the row scrolls there, expands and is highlighted.
 */
export function HotfixHighlightProvider(props: {
  hotfixes: Hotfix[];
  children: ReactNode;
}) {
  const [highlighted, setHighlighted] =
    useState<HotfixHighlight['highlighted']>();
  const highlight = useCallback(
    (id: string) =>
      setHighlighted(previous => ({
        id,
        request: (previous?.request ?? 0) + 1,
      })),
    [],
  );
  const value = useMemo(
    () => ({ highlighted, highlight, hotfixes: props.hotfixes }),
    [highlighted, highlight, props.hotfixes],
  );
  return (
    <HotfixHighlightContext.Provider value={value}>
      {props.children}
    </HotfixHighlightContext.Provider>
  );
}

/** The highlight of the page; a no-op outside a provider. */
export function useHotfixHighlight(): HotfixHighlight {
  return useContext(HotfixHighlightContext);
}
