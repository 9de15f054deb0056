import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

const meta: Meta = {
  title: 'Building blocks/Relative time',
  component: 'dozor-relative-time',
  render: () => html`<ul>
    ${[2_000, 45_000, 20 * 60_000, 5 * 3_600_000, 86_400_000 * 1.2, 86_400_000 * 40].map(
      (ms) => html`<li><dozor-relative-time datetime=${ago(ms)}></dozor-relative-time></li>`,
    )}
  </ul>`,
};
export default meta;
type Story = StoryObj;

export const Ticking: Story = {};
export const French: Story = {
  render: () => html`<div lang="fr-FR"><dozor-relative-time datetime=${ago(20 * 60_000)}></dozor-relative-time></div>`,
};
