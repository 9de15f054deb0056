import { createContext } from '@lit/context';
import type { StatusThresholds } from '../../core/index.js';
import type { DozorBackend, Role } from '../../backend/index.js';
import type { DozorStrings } from './strings.js';
import type { ListChannel } from './list-channel.js';

export type ThemeSetting = 'light' | 'dark' | 'auto';

/** What `<dozor-provider>` shares with every element below it. */
export interface DozorConfig {
  backend?: DozorBackend | undefined;
  locale?: string | undefined;
  role?: Role | undefined;
  thresholds?: StatusThresholds | undefined;
  /** Link templates such as `/users/{id}`; `{id}` is replaced by the URL-encoded id. */
  userHref?: string | undefined;
  sessionHref?: string | undefined;
  /** Polling interval in ms when the backend cannot push changes. */
  refreshInterval?: number | undefined;
  theme?: ThemeSetting | undefined;
  strings?: Partial<DozorStrings> | undefined;
  /** The users list's quick filter and query, shared by the elements of one page. */
  channel?: ListChannel | undefined;
}

export const dozorConfigContext = createContext<DozorConfig>(Symbol('dozor-config'));

export const DEFAULT_REFRESH_INTERVAL_MS = 30_000;
