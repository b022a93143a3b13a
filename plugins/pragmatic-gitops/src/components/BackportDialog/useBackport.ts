import { useCallback, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { pragmaticGitopsApiRef } from '../../api/PragmaticGitopsApi';
import { HotfixBackport } from '../../api/types';

/** Where generating a hotfix's back-port is. */
export type BackportState =
  | { phase: 'idle' }
  | { phase: 'generating' }
  | { phase: 'done'; backport: HotfixBackport }
  | { phase: 'failed'; error: Error };

/**
 * Generates a hotfix's back-port when asked (a click, a retry), never on
 * render: it may open a pull request. A request while one is in flight is
 * ignored.
 */
export function useBackport(hotfixId: string): {
  state: BackportState;
  generate: () => void;
} {
  const api = useApi(pragmaticGitopsApiRef);
  const [state, setState] = useState<BackportState>({ phase: 'idle' });
  const inFlight = useRef(false);

  const generate = useCallback(() => {
    if (inFlight.current) {
      return;
    }
    inFlight.current = true;
    setState({ phase: 'generating' });
    api
      .generateBackport(hotfixId)
      .then(
        backport => setState({ phase: 'done', backport }),
        error => setState({ phase: 'failed', error: error as Error }),
      )
      .finally(() => {
        inFlight.current = false;
      });
  }, [api, hotfixId]);

  return { state, generate };
}
