export {
  createHttpBackend,
  DEFAULT_RETRIES,
  DEFAULT_RETRY_DELAY_MS,
  DEFAULT_TIMEOUT_MS,
  DOZOR_SERVER_LIMITATIONS,
  errorKindForStatus,
  HTTP_CAPABILITIES,
  parseRetryAfter,
  type HttpBackendOptions,
  type HttpHeaders,
} from './http-backend.js';
