import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { HOSTILE_TRAITS, activeUserId, demoBackend, inProvider } from './support.js';

const meta: Meta = { title: 'Building blocks/Profile parts' };
export default meta;
type Story = StoryObj;

export const RangeSelector: Story = {
  render: () => html`<dozor-range-selector range="24h"></dozor-range-selector>`,
};
export const LastUpdated: Story = {
  render: () => html`<dozor-last-updated updated-at=${Date.now() - 12_000}></dozor-last-updated>`,
};
export const LastUpdatedRefreshing: Story = {
  render: () => html`<dozor-last-updated updated-at=${Date.now() - 12_000} refreshing></dozor-last-updated>`,
};
export const TraitsInspector: Story = {
  render: () =>
    html`<dozor-traits-inspector
      .traits=${{ email: 'ada@northwind.test', name: 'Ada Lovelace', plan: 'pro', company: 'Northwind Labs', seats: 12, beta: true, address: { city: 'London' } }}
    ></dozor-traits-inspector>`,
};
/** Script and markup in traits are shown as text; a `javascript:` value is never a link. */
export const UntrustedTraits: Story = {
  render: () => html`<dozor-traits-inspector .traits=${HOSTILE_TRAITS}></dozor-traits-inspector>`,
};
export const DisplayNameEditor: Story = {
  loaders: [async () => ({ user: await demoBackend().getUser(await activeUserId()) })],
  render: (_args, { loaded }) =>
    inProvider(
      { backend: demoBackend(), role: 'ADMIN' },
      html`<dozor-display-name-editor inline .user=${loaded['user']}></dozor-display-name-editor>`,
    ),
};
