/** The desired state cannot be read; `message` says why, for the entity page. */
export class DesiredStateUnavailableError extends Error {
  name = 'DesiredStateUnavailableError';
}
