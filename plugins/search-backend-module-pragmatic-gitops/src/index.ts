/**
 * Backstage search collator for Pragmatic GitOps: each tracked entity's
 * track and drift status, searchable as words ("drifted payments").
 *
 * @packageDocumentation
 */

export { searchModulePragmaticGitops as default } from './module';
export {
  PragmaticGitopsCollatorFactory,
  type PragmaticGitopsCollatorFactoryOptions,
} from './PragmaticGitopsCollatorFactory';
