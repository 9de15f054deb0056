import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { activeUserId, demoBackend, failingBackend, inProvider, loadingBackend } from './support.js';

const meta: Meta = {
  title: 'Elements/User profile',
  component: 'dozor-user-profile',
  args: { range: '24h' },
  argTypes: { range: { control: 'inline-radio', options: ['6h', '24h', '7d'] } },
  loaders: [async () => ({ userId: await activeUserId() })],
  render: (args, { loaded }) =>
    inProvider(
      { backend: demoBackend(), role: 'ADMIN' },
      html`<dozor-user-profile user-id=${loaded['userId']} range=${args['range']}></dozor-user-profile>`,
    ),
};
export default meta;
type Story = StoryObj;

export const Admin: Story = {};
export const Viewer: Story = {
  render: (_args, { loaded }) =>
    inProvider({ backend: demoBackend(), role: 'VIEWER' }, html`<dozor-user-profile user-id=${loaded['userId']}></dozor-user-profile>`),
};
export const SevenDays: Story = { args: { range: '7d' } };
export const Loading: Story = {
  render: (_args, { loaded }) =>
    inProvider({ backend: loadingBackend() }, html`<dozor-user-profile user-id=${loaded['userId']}></dozor-user-profile>`),
};
export const NotFound: Story = {
  render: () => inProvider({ backend: demoBackend() }, html`<dozor-user-profile user-id="no-such-user"></dozor-user-profile>`),
};
export const Error: Story = {
  render: (_args, { loaded }) =>
    inProvider({ backend: failingBackend('server') }, html`<dozor-user-profile user-id=${loaded['userId']}></dozor-user-profile>`),
};
export const Dark: Story = {
  render: (_args, { loaded }) =>
    inProvider({ backend: demoBackend(), theme: 'dark' }, html`<dozor-user-profile user-id=${loaded['userId']}></dozor-user-profile>`),
};
export const German: Story = {
  render: (_args, { loaded }) =>
    inProvider({ backend: demoBackend(), locale: 'de-DE' }, html`<dozor-user-profile user-id=${loaded['userId']}></dozor-user-profile>`),
};

/** Previous / next user in the order of the list on the same page (shared through the provider); `[` and `]` step too. */
export const PreviousNext: Story = {
  loaders: [async () => ({ second: (await demoBackend().listUsers({ sort: 'sessions', limit: 2 })).data[1]?.id ?? '' })],
  render: (_args, { loaded }) =>
    inProvider(
      { backend: demoBackend() },
      html`<dozor-user-list sort="sessions" page-size="5" style="--dozor-list-height: 200px"></dozor-user-list>
        <dozor-user-profile user-id=${loaded['second']}></dozor-user-profile>`,
    ),
};
/** The first user of the list's order: Previous is disabled. */
export const PreviousNextAtTheStart: Story = {
  loaders: [async () => ({ first: (await demoBackend().listUsers({ sort: 'sessions', limit: 1 })).data[0]?.id ?? '' })],
  render: (_args, { loaded }) =>
    inProvider(
      { backend: demoBackend() },
      html`<dozor-user-list sort="sessions" page-size="5" style="--dozor-list-height: 200px"></dozor-user-list>
        <dozor-user-profile user-id=${loaded['first']}></dozor-user-profile>`,
    ),
};
