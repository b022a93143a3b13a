import { act } from '@testing-library/react';
import { JsonObject } from '@backstage/types';
import { SignalApi } from '@backstage/plugin-signals-react';

/**
 * A signal API that delivers what a test publishes to the subscribers of
 * that channel, as the signals plugin does with what the backend publishes.
 */
export function fakeSignalApi() {
  const subscribers = new Map<string, Set<(message: JsonObject) => void>>();
  const api: SignalApi = {
    subscribe<T extends JsonObject>(
      channel: string,
      onMessage: (message: T) => void,
    ) {
      const handler = onMessage as (message: JsonObject) => void;
      const set = subscribers.get(channel) ?? new Set();
      set.add(handler);
      subscribers.set(channel, set);
      return { unsubscribe: () => set.delete(handler) };
    },
  };
  return {
    api,
    channels: () => [...subscribers].filter(([, s]) => s.size).map(([c]) => c),
    publish: (channel: string, message: JsonObject) =>
      act(() => subscribers.get(channel)?.forEach(handler => handler(message))),
  };
}
