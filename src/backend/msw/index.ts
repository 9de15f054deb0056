export {
  createDozorHandlers,
  DOZOR_ROUTES,
  type DozorFault,
  type DozorFaults,
  type DozorHandlersOptions,
  type DozorRoute,
} from './handlers.js';
