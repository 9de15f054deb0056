import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { demoBackend, emptyBackend, failingBackend, hugeBackend, inProvider, loadingBackend } from './support.js';

const meta: Meta = {
  title: 'Elements/User list',
  component: 'dozor-user-list',
  args: { search: '', sort: 'last-seen', 'sort-dir': 'desc', identity: 'identified', 'page-size': 50 },
  argTypes: {
    sort: { control: 'select', options: ['last-seen', 'sessions', 'active-time', 'newest'] },
    'sort-dir': { control: 'inline-radio', options: ['desc', 'asc'] },
    identity: { control: 'inline-radio', options: ['identified', 'anonymous', 'all'] },
  },
  render: (args) =>
    inProvider(
      { backend: demoBackend() },
      html`<dozor-user-list
        search=${args['search']}
        sort=${args['sort']}
        sort-dir=${args['sort-dir']}
        identity=${args['identity']}
        page-size=${args['page-size']}
      ></dozor-user-list>`,
    ),
};
export default meta;
type Story = StoryObj;

export const Data: Story = {};
export const Loading: Story = { render: () => inProvider({ backend: loadingBackend() }, html`<dozor-user-list></dozor-user-list>`) };
export const NoUsersYet: Story = { render: () => inProvider({ backend: emptyBackend() }, html`<dozor-user-list></dozor-user-list>`) };
export const NoMatch: Story = { args: { search: 'nobody-matches-this' } };
export const Error: Story = { render: () => inProvider({ backend: failingBackend('server') }, html`<dozor-user-list></dozor-user-list>`) };
export const HundredThousandUsers: Story = {
  name: '100,000 users',
  render: () => inProvider({ backend: hugeBackend() }, html`<dozor-user-list page-size="100"></dozor-user-list>`),
};
export const Dark: Story = {
  render: () => inProvider({ backend: demoBackend(), theme: 'dark' }, html`<dozor-user-list></dozor-user-list>`),
};
export const German: Story = {
  render: () => inProvider({ backend: demoBackend(), locale: 'de-DE' }, html`<dozor-user-list></dozor-user-list>`),
};

/** Restyled through the public tokens and `::part()` only: no access to the shadow DOM. */
export const Theming: Story = {
  render: () => html`<style>
      .branded {
        --dozor-accent: #0f766e;
        --dozor-accent-soft: #ccfbf1;
        --dozor-focus-ring: #0f766e;
        --dozor-radius: 2px;
        --dozor-font: Georgia, serif;
        --dozor-surface-raised: #f0fdfa;
      }
      .branded dozor-user-list::part(header) {
        text-transform: uppercase;
        letter-spacing: 0.05em;
      }
      .branded dozor-user-list::part(row):hover {
        background: #f0fdfa;
      }
    </style>
    <div class="branded">${inProvider({ backend: demoBackend() }, html`<dozor-kpi-strip></dozor-kpi-strip><dozor-user-list></dozor-user-list>`)}</div>`,
};

/** The host names the columns and their order, trait columns included (`trait:<key>`, shown as text). */
export const ChosenColumns: Story = {
  render: () =>
    inProvider(
      { backend: demoBackend() },
      html`<dozor-user-list columns="user,status,last-seen,trait:plan,trait:company"></dozor-user-list>`,
    ),
};

/** The column picker open: show, hide and reorder columns, add a trait column (keys from the rows and `traitKeys`). */
export const ColumnPicker: Story = {
  render: () => inProvider({ backend: demoBackend() }, html`<dozor-user-list .traitKeys=${['plan', 'company']}></dozor-user-list>`),
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('dozor-user-list')!;
    await list.updateComplete;
    list.shadowRoot!.querySelector<HTMLElement>('[part~="columns-button"]')!.click();
  },
};

const VIEWS = [
  { id: 'online', name: 'Online now', query: 'statuses=ONLINE&columns=user,status,last-seen', isDefault: true },
  { id: 'power', name: 'Most sessions', query: 'sort=sessions', isDefault: false },
];
/** A host store of saved views (here in memory); `answer` decides how its list() settles. */
function viewStore(answer: () => Promise<typeof VIEWS>) {
  return { list: answer, save: async (view: (typeof VIEWS)[number]) => view, remove: async () => {} };
}
const openViews = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const list = canvasElement.querySelector('dozor-user-list')!;
  await list.updateComplete;
  list.shadowRoot!.querySelector<HTMLElement>('[part~="views-button"]')?.click();
};

/** Saved views in a host store; the default (Online now) is on the list before its first request. */
export const SavedViews: Story = {
  render: () =>
    inProvider(
      { backend: demoBackend() },
      html`<dozor-user-list .viewStore=${viewStore(async () => VIEWS.map((v) => ({ ...v })))}></dozor-user-list>`,
    ),
  play: openViews,
};
/** The store is still answering: the list waits (skeleton) rather than flash the unfiltered users. */
export const SavedViewsLoading: Story = {
  render: () =>
    inProvider({ backend: demoBackend() }, html`<dozor-user-list .viewStore=${viewStore(() => new Promise(() => {}))}></dozor-user-list>`),
};
/** No saved views yet (localStorage under a storage key), the menu open. */
export const SavedViewsEmpty: Story = {
  render: () => inProvider({ backend: demoBackend() }, html`<dozor-user-list storage-key=${`story-${Date.now()}`}></dozor-user-list>`),
  play: openViews,
};
/** The store failed: the menu says why, the list loads anyway. */
export const SavedViewsError: Story = {
  render: () =>
    inProvider(
      { backend: demoBackend() },
      html`<dozor-user-list .viewStore=${viewStore(() => Promise.reject(new globalThis.Error('The views service is unreachable')))}></dozor-user-list>`,
    ),
  play: openViews,
};
/** The KPI strip above the list: choosing a card filters the list, shown as a removable chip. */
export const WithKpiStrip: Story = {
  render: () => inProvider({ backend: demoBackend() }, html`<dozor-kpi-strip></dozor-kpi-strip><dozor-user-list></dozor-user-list>`),
};
/** A quick filter applied (Online now): its chip, with a remove button. */
export const QuickFilterChip: Story = {
  render: () => inProvider({ backend: demoBackend() }, html`<dozor-kpi-strip></dozor-kpi-strip><dozor-user-list></dozor-user-list>`),
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('dozor-user-list')!;
    await list.updateComplete;
    list.applyQuickFilter({ kpi: 'online', query: { statuses: ['ONLINE'], identity: 'all' } });
  },
};
