import { expect } from '@open-wc/testing';
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { DozorKpiStrip, DozorProvider, DozorUserList, DozorUserProfile } from '../../src/react/index.js';
import { createMemoryBackend, type SavedView, type TrackedUserListItem } from '../../src/index.js';
import type { DozorUserSelectDetail } from '../../src/elements/shared/events.js';
import { until } from '../wait.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const { createElement: h, act } = React;

describe('React wrappers (dozor-elements/react) in React 19', () => {
  it('render the elements with properties and typed event props', async () => {
    const backend = createMemoryBackend({ generate: { seed: 'react', users: 30 } });
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    const selected: DozorUserSelectDetail[] = [];
    await act(async () => {
      root.render(
        h(
          DozorProvider,
          { backend, locale: 'en-GB', viewerRole: 'ADMIN' },
          h(DozorKpiStrip, {}),
          h(DozorUserList, { pageSize: 10, onDozorUserSelect: (event: CustomEvent<DozorUserSelectDetail>) => selected.push(event.detail) }),
        ),
      );
    });
    const list = container.querySelector('dozor-user-list')!;
    const strip = container.querySelector('dozor-kpi-strip')!;
    await until(
      () => list.loadedUsers.length > 0 && strip.shadowRoot!.querySelector('[part="value"]') !== null,
      'data through the provider',
    );
    expect(list.pageSize).to.equal(10);
    const firstUser: TrackedUserListItem = list.loadedUsers[0]!;
    list.shadowRoot!.querySelector<HTMLElement>('[part="row"]')!.click();
    expect(selected.map((d) => d.userId)).to.deep.equal([firstUser.id]);
    await act(async () => root.unmount());
    container.remove();
  });

  it('pass columns, a view store and previous / next through typed props', async () => {
    const backend = createMemoryBackend({ generate: { seed: 'react', users: 30 } });
    const { data } = await backend.listUsers({ sort: 'sessions', limit: 2 });
    const views: SavedView[] = [{ id: 'v', name: 'By sessions', query: 'sort=sessions', isDefault: true }];
    const viewStore = { list: async () => views, save: async (view: SavedView) => view, remove: async () => {} };
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    const stepped: string[] = [];
    await act(async () => {
      root.render(
        h(
          DozorProvider,
          { backend },
          h(DozorUserList, { columns: 'user,status,trait:plan', viewStore }),
          h(DozorUserProfile, {
            userId: data[0]!.id,
            onDozorUserSelect: (event: CustomEvent<DozorUserSelectDetail>) => (event.preventDefault(), stepped.push(event.detail.userId)),
          }),
        ),
      );
    });
    const list = container.querySelector('dozor-user-list')!;
    const profile = container.querySelector('dozor-user-profile')!;
    await until(() => list.loadedUsers.length > 0, 'rows');
    expect(list.shadowRoot!.querySelectorAll('[role="columnheader"]')).to.have.length(3);
    expect(list.sort).to.equal('sessions'); // the default view
    const next = () => profile.shadowRoot!.querySelector<HTMLButtonElement>('[part~="next-user-button"]');
    await until(() => next()?.disabled === false, 'next user');
    next()!.click();
    expect(stepped).to.deep.equal([data[1]!.id]);
    await act(async () => root.unmount());
    container.remove();
  });
});
