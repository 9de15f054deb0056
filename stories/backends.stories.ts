// The same list and profile on each backend adapter. "HTTP over MSW" sends real requests (see the
// browser's network panel) that MSW's service worker answers from the memory backend.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { setupWorker } from 'msw/browser';
import { createDuctapeBackend, createHttpBackend, type DozorBackend } from '../src/index.js';
import { createDozorHandlers, type DozorFaults } from '../src/backend/msw/index.js';
import { createFakeDuctapeClient, sampleDuctapeUsers } from '../test/backend/ductape-fake.js';
import { activeUserId, demoBackend, inProvider } from './support.js';

const worker = setupWorker();
let started: Promise<unknown> | undefined;

/** The HTTP adapter against MSW handlers (replacing earlier stories' handlers) over the demo data. */
async function httpOverMsw(faults?: DozorFaults): Promise<DozorBackend> {
  started ??= worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  await started;
  worker.resetHandlers(...createDozorHandlers(demoBackend(), { baseUrl: '', latencyMs: 150, ...(faults ? { faults } : {}) }));
  return createHttpBackend({ baseUrl: '', retries: 0 });
}

function ductape(): DozorBackend {
  const client = createFakeDuctapeClient({ product: 'acme', session: 'admin-session', users: sampleDuctapeUsers() });
  return createDuctapeBackend({ client, product: 'acme', session: 'admin-session', productName: 'Acme shop' });
}

const page = (backend: DozorBackend, userId: string) =>
  inProvider(
    { backend },
    html`<dozor-kpi-strip></dozor-kpi-strip>
      <div style="height: 16px"></div>
      <dozor-user-list page-size="20"></dozor-user-list>
      <div style="height: 16px"></div>
      <dozor-user-profile user-id=${userId}></dozor-user-profile>`,
  );

const meta: Meta = { title: 'Backends/Adapters' };
export default meta;
type Story = StoryObj;

export const Memory: Story = {
  loaders: [async () => ({ userId: await activeUserId() })],
  render: (_args, { loaded }) => page(demoBackend(), loaded['userId']),
};

export const HttpOverMsw: Story = {
  name: 'HTTP over MSW',
  loaders: [async () => ({ backend: await httpOverMsw(), userId: await activeUserId() })],
  render: (_args, { loaded }) => page(loaded['backend'], loaded['userId']),
};

/** The server answers 401: every element shows "Session expired" with a retry. */
export const HttpUnauthorized: Story = {
  name: 'HTTP: 401',
  tags: ['http-errors'],
  loaders: [async () => ({ backend: await httpOverMsw({ '*': { status: 401 } }), userId: await activeUserId() })],
  render: (_args, { loaded }) => page(loaded['backend'], loaded['userId']),
};

/** The list route answers a body that breaks the contract: an "unexpected response" error, no crash. */
export const HttpMalformed: Story = {
  name: 'HTTP: malformed response',
  loaders: [async () => ({ backend: await httpOverMsw({ 'GET /api/tracked-users': { malformed: true } }) })],
  render: (_args, { loaded }) => inProvider({ backend: loaded['backend'] }, html`<dozor-user-list></dozor-user-list>`),
};

/** Ductape serves users and sessions only: the other blocks and controls are hidden, not broken. */
export const Ductape: Story = {
  render: () => page(ductape(), 'ada@engines.test'),
};
