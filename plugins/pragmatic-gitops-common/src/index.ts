/**
 * Shared contract of the Pragmatic GitOps plugins: annotation keys and
 * parsers, track rules, permissions and API types.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './AnnotationError';
export * from './track';
export * from './sourceLocation';
export * from './ignoreDifferences';
export * from './secretRefs';
export * from './validateAnnotations';
export * from './permissions';
export * from './types';
export * from './ledgerTypes';
export * from './hotfixId';
export * from './signals';
export * from './backportTypes';
export * from './auditTypes';
export * from './searchDocument';
