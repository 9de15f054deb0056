import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { computeTags } from '../src/index.js';

// Tags as the core rule computes them for a long-time identified buyer with work and contact traits.
const TAGS = computeTags({
  sessionCount: 42,
  firstSeenAt: Date.now() - 120 * 86_400_000,
  traits: { email: 'ada@northwind.test', phone: '+44 20 7946 0000', company: 'Northwind Labs', jobTitle: 'CTO', plan: 'pro' },
  orderCount: 3,
  identified: true,
});

const meta: Meta = {
  title: 'Building blocks/User tags',
  component: 'dozor-user-tags',
  render: () => html`<dozor-user-tags .tags=${TAGS}></dozor-user-tags>`,
};
export default meta;
export const Tags: StoryObj = {};
export const None: StoryObj = { render: () => html`<dozor-user-tags .tags=${[]}></dozor-user-tags>` };
