import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

const meta: Meta = {
  title: 'Building blocks/Status badge',
  component: 'dozor-status-badge',
  args: { status: 'ONLINE' },
  argTypes: { status: { control: 'inline-radio', options: ['ONLINE', 'ACTIVE_24H', 'IDLE_7D', 'DORMANT'] } },
  render: (args) => html`<dozor-status-badge status=${args['status']}></dozor-status-badge>`,
};
export default meta;
type Story = StoryObj;

export const Online: Story = {};
/** Each status, also derived from a last-event time instead of a given status. */
export const AllStatuses: Story = {
  render: () => html`<div style="display: grid; gap: 8px; justify-items: start">
    <dozor-status-badge last-event-at=${ago(30_000)}></dozor-status-badge>
    <dozor-status-badge last-event-at=${ago(5 * 3_600_000)}></dozor-status-badge>
    <dozor-status-badge last-event-at=${ago(3 * 86_400_000)}></dozor-status-badge>
    <dozor-status-badge last-event-at=${ago(30 * 86_400_000)}></dozor-status-badge>
  </div>`,
};
export const Dark: Story = {
  render: () => html`<div style="background: #0b0d11; padding: 12px; display: flex; gap: 8px">
    ${['ONLINE', 'ACTIVE_24H', 'IDLE_7D', 'DORMANT'].map((status) => html`<dozor-status-badge theme="dark" status=${status}></dozor-status-badge>`)}
  </div>`,
};
