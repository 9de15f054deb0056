import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { activeUserId, demoBackend, failingBackend, HOSTILE_TRAITS, inProvider, loadingBackend } from './support.js';
import type { DozorBackend, TimelineSession } from '../src/index.js';

const meta: Meta = {
  title: 'Blocks/Session journey',
  component: 'dozor-session-journey',
  args: { range: '7d' },
  argTypes: { range: { control: 'inline-radio', options: ['6h', '24h', '7d'] } },
};
export default meta;

/** The active user's session with the most pages (and, for `open`, one still recording when there is one). */
async function journeySession(open = false): Promise<{ userId: string; session: TimelineSession | undefined }> {
  const userId = await activeUserId();
  const { sessions } = await demoBackend().getTimeline(userId, { range: '7d' });
  const candidates = open ? sessions.filter((s) => s.endedAt === null) : sessions;
  const session = [...(candidates.length > 0 ? candidates : sessions)].sort((a, b) => b.periods.length - a.periods.length)[0];
  return { userId, session };
}

const byId = (backend: () => DozorBackend, open = false, theme: 'light' | 'dark' = 'light'): StoryObj => ({
  loaders: [async () => journeySession(open)],
  render: (args, { loaded }) =>
    inProvider(
      { backend: backend(), theme },
      html`<dozor-session-journey user-id=${loaded['userId']} session-id=${loaded['session']?.id ?? ''} range=${args['range']}></dozor-session-journey>`,
    ),
});

const given = (change: (session: TimelineSession) => TimelineSession): StoryObj => ({
  loaders: [async () => journeySession()],
  render: (_args, { loaded }) =>
    inProvider(
      { backend: demoBackend() },
      html`<dozor-session-journey user-id=${loaded['userId']} .session=${change(loaded['session'] as TimelineSession)}></dozor-session-journey>`,
    ),
});

/** Fetched by user and session id, with the replay link of the provider's `session-href`. */
export const Data = byId(demoBackend);
/** A session still recording: the last page is the current one, no exit yet. */
export const Ongoing = byId(demoBackend, true);
export const Loading = byId(loadingBackend);
export const Error = byId(() => failingBackend('timeout'));
export const Dark = byId(demoBackend, false, 'dark');
/** A session without any page recorded. */
export const Empty = given((session) => ({ ...session, periods: [] }));
/** The session is older than the range searched. */
export const NotInRange: StoryObj = {
  loaders: [async () => ({ userId: await activeUserId() })],
  render: (_args, { loaded }) =>
    inProvider(
      { backend: demoBackend() },
      html`<dozor-session-journey user-id=${loaded['userId']} session-id="no-such-session"></dozor-session-journey>`,
    ),
};
/** Markup in pathnames is shown as text. */
export const UntrustedPathnames = given((session) => ({
  ...session,
  periods: session.periods.map((period) => ({ ...period, pathname: HOSTILE_TRAITS.name, url: HOSTILE_TRAITS.website })),
}));
