export { createDuctapeBackend, toDuctapeError, DUCTAPE_CAPABILITIES, type DuctapeBackendOptions } from './ductape-backend.js';
export type {
  DuctapeSessionsClient,
  DuctapeFetchUsersArgs,
  DuctapeFetchUserDetailsArgs,
  DuctapeUsersPage,
  DuctapeSessionUser,
  DuctapeUserDetails,
  DuctapeUserSessionInfo,
  DuctapeTimestamp,
} from './client.js';
