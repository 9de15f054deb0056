export {
  createHttpBackend,
  DEFAULT_RETRIES,
  DEFAULT_RETRY_DELAY_MS,
  DEFAULT_TIMEOUT_MS,
  DOZOR_SERVER_LIMITATIONS,
  HTTP_CAPABILITIES,
  type HttpBackendOptions,
  type HttpHeaders,
} from './http-backend.js';
export { errorKindForStatus, parseRetryAfter } from '../kit/status.js';
