export { RetryableError } from './RetryableError';
