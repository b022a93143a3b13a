import { useEffect, useRef } from 'react';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useSignal } from '@backstage/plugin-signals-react';
import {
  EntityStatusSignal,
  entityStatusSignalChannel,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/**
 * Calls `onChange` whenever the backend signals that the entity's status
 * changed (a pushed observation, a scan, a hotfix), so an open page reads it
 * again without a reload. In an app without the signals plugin nothing is
 * subscribed and the page behaves as before: it reads on open and on Reload.
 */
export function useEntityStatusSignal(entity: Entity, onChange: () => void) {
  const channel = entityStatusSignalChannel(stringifyEntityRef(entity));
  const { lastSignal } = useSignal<EntityStatusSignal>(channel);
  const latest = useRef(onChange);
  latest.current = onChange;

  useEffect(() => {
    if (lastSignal) {
      latest.current();
    }
  }, [lastSignal]);
}
