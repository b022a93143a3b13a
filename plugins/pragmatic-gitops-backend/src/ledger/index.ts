export { HotfixService } from './HotfixService';
export type { HotfixServiceOptions } from './HotfixService';
export { readBackportSla, BACKPORT_SLA_KEY } from './backportSla';
export { parseHotfixId } from './hotfixId';
export { toApiHotfix } from './toApiHotfix';
export * from './types';
