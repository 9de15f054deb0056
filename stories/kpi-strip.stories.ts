import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { demoBackend, emptyBackend, failingBackend, inProvider, loadingBackend } from './support.js';

const meta: Meta = {
  title: 'Elements/KPI strip',
  component: 'dozor-kpi-strip',
  args: { 'show-updated': true },
  render: (args) => inProvider({ backend: demoBackend() }, html`<dozor-kpi-strip ?show-updated=${args['show-updated']}></dozor-kpi-strip>`),
};
export default meta;
type Story = StoryObj;

export const Data: Story = {};
export const Loading: Story = { render: () => inProvider({ backend: loadingBackend() }, html`<dozor-kpi-strip></dozor-kpi-strip>`) };
export const Empty: Story = { render: () => inProvider({ backend: emptyBackend() }, html`<dozor-kpi-strip></dozor-kpi-strip>`) };
export const Error: Story = { render: () => inProvider({ backend: failingBackend('network') }, html`<dozor-kpi-strip></dozor-kpi-strip>`) };
export const Dark: Story = {
  render: () => inProvider({ backend: demoBackend(), theme: 'dark' }, html`<dozor-kpi-strip show-updated></dozor-kpi-strip>`),
};
export const German: Story = {
  render: () => inProvider({ backend: demoBackend(), locale: 'de-DE' }, html`<dozor-kpi-strip show-updated></dozor-kpi-strip>`),
};
