export { AwsSecretsManagerResolver } from './AwsSecretsManagerResolver';
export {
  readAwsSecretsManagerConfig,
  AWS_SECRETS_MANAGER_CONFIG_KEY,
} from './readAwsSecretsManagerConfig';
export type { AwsSecretsManagerConfig } from './readAwsSecretsManagerConfig';
