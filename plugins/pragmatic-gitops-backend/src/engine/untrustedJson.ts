/**
 * Guards for JSON that comes from outside (pushed observations, observation
 * files, Argo CD responses, request bodies). Keys that reach the object
 * prototype chain are refused outright: code that copies keys into plain
 * objects would otherwise let one document change `Object.prototype` for the
 * whole process. Nesting is bounded so recursive code downstream (the
 * engine, the spec validator) cannot be made to exhaust the stack.
 */
import { appendToken } from './jsonPointer';

/** Keys that name parts of the prototype chain, never data. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** Deeper than any Kubernetes object or Terraform plan seen in practice. */
export const MAX_JSON_DEPTH = 64;

export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

/**
 * The first problem of an untrusted document, naming its JSON pointer, or
 * `undefined`. Walks with an explicit stack, so it never recurses itself.
 */
export function findUntrustedJsonProblem(
  document: unknown,
  maxDepth: number = MAX_JSON_DEPTH,
): string | undefined {
  const stack: Array<{ node: unknown; pointer: string; depth: number }> = [
    { node: document, pointer: '', depth: 0 },
  ];
  while (stack.length > 0) {
    const { node, pointer, depth } = stack.pop()!;
    if (typeof node !== 'object' || node === null) {
      continue;
    }
    if (depth >= maxDepth) {
      return `${pointer} is nested deeper than ${maxDepth} levels`;
    }
    // Children are pushed last-first, so the first problem in document order is named.
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        stack.push({
          node: node[i],
          pointer: appendToken(pointer, i),
          depth: depth + 1,
        });
      }
      continue;
    }
    const keys = Object.keys(node);
    const forbidden = keys.find(isForbiddenKey);
    if (forbidden) {
      return `${appendToken(pointer, forbidden)}: the key ${JSON.stringify(
        forbidden,
      )} is not allowed`;
    }
    for (const key of keys.reverse()) {
      const child = appendToken(pointer, key);
      stack.push({
        node: (node as Record<string, unknown>)[key],
        pointer: child,
        depth: depth + 1,
      });
    }
  }
  return undefined;
}
