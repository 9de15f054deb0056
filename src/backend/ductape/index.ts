export {
  createDuctapeBackend,
  toDuctapeError,
  DUCTAPE_CAPABILITIES,
  type DuctapeBackendOptions,
  type DuctapeSessionsClient,
  type DuctapeFetchUsersArgs,
  type DuctapeFetchUserDetailsArgs,
  type DuctapeUsersPage,
  type DuctapeSessionUser,
  type DuctapeUserDetails,
  type DuctapeUserSessionInfo,
  type DuctapeTimestamp,
} from './ductape-backend.js';
