// Backends and wrappers shared by the stories: real memory-backend data, plus backends that stay
// loading, fail or hold nothing, so every element can be shown in each of its states.
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  createMemoryBackend,
  DozorBackendError,
  type DozorBackend,
  type DozorErrorKind,
  type MemoryBackend,
  type Role,
} from '../src/index.js';

let demo: MemoryBackend | undefined;
let huge: MemoryBackend | undefined;

/** A few hundred realistic users over 30 days (shared by the stories, built once). */
export function demoBackend(): MemoryBackend {
  demo ??= createMemoryBackend({
    projects: [
      { id: 'prj_app', name: 'Web app', defaultDisplayNameTraitKey: 'name' },
      { id: 'prj_site', name: 'Marketing site', defaultDisplayNameTraitKey: 'name' },
    ],
    generate: { seed: 'stories', users: 400, days: 30 },
  });
  return demo;
}

/** 100,000 users (one session each, to keep the generation short in a browser tab). */
export function hugeBackend(): MemoryBackend {
  huge ??= createMemoryBackend({ generate: { seed: 'stories-100k', projects: 3, users: 100_000, days: 30, sessionsPerUser: 1 } });
  return huge;
}

/** Projects but no tracked users yet. */
export function emptyBackend(): MemoryBackend {
  return createMemoryBackend({ projects: [{ id: 'prj_app', name: 'Web app' }] });
}

type Method = 'getSummary' | 'listProjects' | 'listUsers' | 'getUser' | 'getActivity' | 'getTimeline' | 'listSessions' | 'getStatus';
const READS: Method[] = ['getSummary', 'listProjects', 'listUsers', 'getUser', 'getActivity', 'getTimeline', 'listSessions', 'getStatus'];

/** Every read waits forever (the loading state). */
export function loadingBackend(inner: DozorBackend = demoBackend()): DozorBackend {
  const pending = () => new Promise<never>(() => {});
  return { ...inner, subscribe: undefined, ...Object.fromEntries(READS.map((method) => [method, pending])) } as DozorBackend;
}

/** Every read fails with the given kind (the error state; "Try again" fails again). */
export function failingBackend(kind: DozorErrorKind = 'server', inner: DozorBackend = demoBackend()): DozorBackend {
  const fail = () => Promise.reject(new DozorBackendError(kind, `Simulated ${kind} failure`));
  return { ...inner, subscribe: undefined, ...Object.fromEntries(READS.map((method) => [method, fail])) } as DozorBackend;
}

/** The id of a user with sessions in the last day (for the profile and its blocks). */
export async function activeUserId(backend: DozorBackend = demoBackend()): Promise<string> {
  const page = await backend.listUsers({ statuses: ['ONLINE', 'ACTIVE_24H'], sort: 'sessions', limit: 1 });
  return page.data[0]?.id ?? '';
}

export interface ProviderArgs {
  backend: DozorBackend;
  role?: Role;
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
}

/**
 * The story inside a `<dozor-provider>`, on a page background that follows the theme. Without a
 * `locale` the elements follow the page's `lang`, which the toolbar's Locale switch sets.
 */
export function inProvider({ backend, role = 'ADMIN', locale, theme = 'light' }: ProviderArgs, content: TemplateResult): TemplateResult {
  return html`<div style="padding: 16px; border-radius: 8px; background: ${theme === 'dark' ? '#0b0d11' : 'transparent'}">
    <dozor-provider .backend=${backend} viewer-role=${role} locale=${ifDefined(locale)} theme=${theme} user-href="#/users/{id}" session-href="#/replays/{id}"
      >${content}</dozor-provider
    >
  </div>`;
}

/** Untrusted SDK input, used by the stories that show it is rendered as text. */
export const HOSTILE_TRAITS = {
  name: '<img src=x onerror="alert(1)">',
  email: 'mallory@example.com',
  website: 'javascript:alert(1)',
  bio: '<script>alert("xss")</script>',
};

/** The id of a user without activity in the last week (the blocks' empty states). */
export async function dormantUserId(backend: DozorBackend = demoBackend()): Promise<string> {
  const page = await backend.listUsers({ statuses: ['DORMANT'], limit: 1 });
  return page.data[0]?.id ?? '';
}
