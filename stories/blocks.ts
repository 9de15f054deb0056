// The profile's building blocks alone: each fetches for its `user-id` through the provider's backend.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { activeUserId, demoBackend, dormantUserId, failingBackend, inProvider, loadingBackend } from './support.js';
import type { DozorBackend } from '../src/index.js';

type Block = 'dozor-activity-chart' | 'dozor-page-distribution' | 'dozor-sessions-timeline' | 'dozor-sessions-table';

function block(tag: Block, userId: string, range = '24h'): TemplateResult {
  switch (tag) {
    case 'dozor-activity-chart':
      return html`<dozor-activity-chart user-id=${userId} range=${range}></dozor-activity-chart>`;
    case 'dozor-page-distribution':
      return html`<dozor-page-distribution user-id=${userId} range=${range}></dozor-page-distribution>`;
    case 'dozor-sessions-timeline':
      return html`<dozor-sessions-timeline user-id=${userId} range=${range}></dozor-sessions-timeline>`;
    case 'dozor-sessions-table':
      return html`<dozor-sessions-table user-id=${userId} limit="10"></dozor-sessions-table>`;
  }
}

/** The four states of a block as stories. */
export function blockStories(tag: Block) {
  const states = (backend: () => DozorBackend, user: 'active' | 'dormant' = 'active'): StoryObj => ({
    loaders: [async () => ({ userId: user === 'active' ? await activeUserId() : await dormantUserId() })],
    render: (args, { loaded }) => inProvider({ backend: backend() }, block(tag, loaded['userId'], args['range'])),
  });
  return {
    Data: states(demoBackend),
    Empty: states(demoBackend, 'dormant'),
    Loading: states(loadingBackend),
    Error: states(() => failingBackend('timeout')),
    Dark: {
      loaders: [async () => ({ userId: await activeUserId() })],
      render: (args, { loaded }) => inProvider({ backend: demoBackend(), theme: 'dark' }, block(tag, loaded['userId'], args['range'])),
    } satisfies StoryObj,
  };
}

/** What every block's meta shares (title and component stay literal in each file, for the indexer). */
export const blockMeta: Meta = {
  args: { range: '24h' },
  argTypes: { range: { control: 'inline-radio', options: ['6h', '24h', '7d'] } },
};
