export interface Config {
  /** Configuration of the Pragmatic GitOps plugins. */
  pragmaticGitops?: {};
}
