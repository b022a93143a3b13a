/**
 * Node library of Pragmatic GitOps for Backstage: the interfaces that
 * sources of live state, secret resolvers and back-port commit finders
 * implement, and the extension point backend modules add them through.
 *
 * @packageDocumentation
 */

export * from './liveState';
export * from './LiveStateProvider';
export * from './SecretResolver';
export * from './BackportCommitFinder';
export * from './backportTrailers';
export * from './extensions';
