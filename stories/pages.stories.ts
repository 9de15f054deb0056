import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { demoBackend, inProvider } from './support.js';

const meta: Meta = { title: 'Pages/Tracked users', component: 'dozor-provider' };
export default meta;

/** What a host admin page embeds: the provider, the KPI strip and the list. */
export const AdminPage: StoryObj = {
  render: () =>
    inProvider(
      { backend: demoBackend() },
      html`<dozor-kpi-strip show-updated></dozor-kpi-strip><div style="height: 16px"></div><dozor-user-list></dozor-user-list>`,
    ),
};
