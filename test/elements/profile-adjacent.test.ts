import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/provider/define.js';
import '../../src/elements/user-list/define.js';
import '../../src/elements/user-profile/define.js';
import type { DozorUserProfile } from '../../src/elements/user-profile/user-profile.js';
import type { DozorProvider } from '../../src/elements/provider/provider.js';
import { DozorBackendError, type DozorBackend, type MemoryBackend } from '../../src/backend/index.js';
import { HOUR, addUser, createScenario } from './profile-fixtures.js';
import { until } from '../wait.js';

/** Four users with 4, 3, 2 and 1 sessions: by sessions, descending, u4 u3 u2 u1. */
async function world(): Promise<{ backend: MemoryBackend; ids: Record<string, string> }> {
  const scenario = createScenario();
  const ids: Record<string, string> = {};
  for (const n of [1, 2, 3, 4]) {
    const sessions = Array.from({ length: n }, (_, i) => ({
      start: -(i + 2) * HOUR,
      end: -(i + 2) * HOUR + 60_000,
      events: 12,
      path: '/',
    }));
    ids[`u${n}`] = await addUser(scenario, { externalId: `u${n}`, traits: { name: `User ${n}` }, sessions });
  }
  return { backend: scenario.backend, ids };
}
/** The backend with its adjacentUser calls counted (and made to fail while `failing`). */
function counting(inner: MemoryBackend): DozorBackend & { adjacentCalls: number; failing: boolean } {
  const spy = Object.create(inner) as DozorBackend & { adjacentCalls: number; failing: boolean };
  spy.adjacentCalls = 0;
  spy.failing = false;
  spy.adjacentUser = (...args) => {
    spy.adjacentCalls++;
    return spy.failing
      ? Promise.reject(new DozorBackendError('server', 'Neighbours are down', { status: 500 }))
      : inner.adjacentUser!(...args);
  };
  return spy;
}
const shadow = (el: Element) => el.shadowRoot!;
const nav = (el: DozorUserProfile) => shadow(el).querySelector<HTMLElement>('[part="adjacent"]');
const button = (el: DozorUserProfile, side: 'previous' | 'next') =>
  shadow(el).querySelector<HTMLButtonElement>(`[part~="${side}-user-button"]`)!;
const heading = (el: DozorUserProfile) => shadow(el).querySelector('#display-name')?.textContent ?? '';
const ready = (el: DozorUserProfile) =>
  until(() => nav(el) !== null && [button(el, 'previous'), button(el, 'next')].some((b) => !b.disabled), 'neighbours');

describe('<dozor-user-profile> previous / next user', () => {
  it('under one provider with a list: steps through the list order, one request per step, disabled at the ends', async function () {
    this.timeout(30_000); // three profiles load and two axe runs: slow on a loaded machine
    const { backend: memory, ids } = await world();
    const backend = counting(memory);
    const provider = await fixture<DozorProvider>(
      html`<dozor-provider .backend=${backend}>
        <dozor-user-list sort="sessions"></dozor-user-list>
        <dozor-user-profile user-id=${ids['u3']!}></dozor-user-profile>
      </dozor-provider>`,
    );
    const profile = provider.querySelector('dozor-user-profile')!;
    await ready(profile);
    await until(
      () => heading(profile) === 'u3' && !button(profile, 'next').disabled && !button(profile, 'previous').disabled,
      'both sides',
    );
    expect(nav(profile)!.getAttribute('aria-label')).to.equal('Users in the list');
    expect(button(profile, 'previous').title).to.equal('Previous user: u4');
    expect(button(profile, 'next').title).to.equal('Next user: u2');
    expect(backend.adjacentCalls).to.equal(2);
    await expect(profile).to.be.accessible();

    setTimeout(() => button(profile, 'next').click());
    const select = await oneEvent(profile, 'dozor-user-select');
    expect(select.detail.userId).to.equal(ids['u2']);
    expect(select.cancelable).to.equal(true);
    await until(() => heading(profile) === 'u2' && !button(profile, 'next').disabled, 'user 2');
    expect(profile.userId).to.equal(ids['u2']);
    expect(backend.adjacentCalls).to.equal(3); // the step asked for the far side only
    expect(button(profile, 'previous').title).to.equal('Previous user: u3');
    expect(shadow(profile).querySelector('[part="adjacent"] [role="status"]')!.textContent).to.equal('Showing u2');

    button(profile, 'next').click();
    await until(() => heading(profile) === 'u1', 'user 1');
    await until(() => backend.adjacentCalls === 4, 'the far side');
    await profile.updateComplete;
    expect(button(profile, 'next').disabled).to.equal(true); // the end of the list
    expect(button(profile, 'previous').disabled).to.equal(false);
    await expect(profile).to.be.accessible();
  });

  it('[ and ] step too (not while typing); a host that cancels dozor-user-select routes itself', async () => {
    const { backend, ids } = await world();
    const provider = await fixture<DozorProvider>(
      html`<dozor-provider .backend=${backend}>
        <dozor-user-list sort="sessions"></dozor-user-list>
        <dozor-user-profile user-id=${ids['u2']!}></dozor-user-profile>
      </dozor-provider>`,
    );
    const profile = provider.querySelector('dozor-user-profile')!;
    await until(() => heading(profile) === 'u2' && !button(profile, 'previous').disabled && !button(profile, 'next').disabled, 'ready');
    button(profile, 'previous').focus();
    await sendKeys({ press: '[' });
    await until(() => heading(profile) === 'u3', 'previous by key');
    await until(() => !button(profile, 'next').disabled && !button(profile, 'previous').disabled, 'neighbours of 3');
    const routed: string[] = [];
    profile.addEventListener('dozor-user-select', (event) => (event.preventDefault(), routed.push(event.detail.userId)));
    button(profile, 'next').focus();
    await sendKeys({ press: ']' });
    expect(routed).to.deep.equal([ids['u2']]);
    expect(profile.userId).to.equal(ids['u3']); // the host routes (here: nowhere)
  });

  it('with sync-url the order comes from the URL (a list with sync-url links it along); at the first user previous is disabled', async () => {
    const original = location.href;
    try {
      const { backend, ids } = await world();
      history.replaceState(null, '', `${location.pathname}?sort=sessions&dir=asc`);
      const profile = await fixture<DozorUserProfile>(
        html`<dozor-user-profile .backend=${backend} user-id=${ids['u1']!} sync-url></dozor-user-profile>`,
      );
      await until(() => heading(profile) === 'u1' && !button(profile, 'next').disabled, 'ready');
      expect(button(profile, 'previous').disabled).to.equal(true);
      expect(button(profile, 'next').title).to.equal('Next user: u2');
      await expect(profile).to.be.accessible();
      const list = await fixture(html`<dozor-user-list .backend=${backend} user-href="/users/{id}" sync-url></dozor-user-list>`);
      await until(() => shadow(list).querySelector('a[part="name"]') !== null, 'list links');
      expect(shadow(list).querySelector('a[part="name"]')!.getAttribute('href')).to.match(/^\/users\/[^?]+\?sort=sessions&dir=asc$/);
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('hidden without a list order or on a backend without adjacentUser (the HTTP adapter)', async () => {
    const { backend, ids } = await world();
    const alone = await fixture<DozorUserProfile>(
      html`<dozor-user-profile .backend=${backend} user-id=${ids['u1']!}></dozor-user-profile>`,
    );
    await until(() => heading(alone) === 'u1', 'loaded');
    expect(nav(alone)).to.equal(null);
    const without = Object.create(backend, { adjacentUser: { value: undefined } }) as DozorBackend;
    const provider = await fixture<DozorProvider>(
      html`<dozor-provider .backend=${without}><dozor-user-list></dozor-user-list><dozor-user-profile user-id=${ids['u1']!}></dozor-user-profile></dozor-provider>`,
    );
    const profile = provider.querySelector('dozor-user-profile')!;
    await until(() => heading(profile) === 'u1', 'loaded');
    expect(nav(profile)).to.equal(null);
  });

  it('a failed read keeps the buttons disabled with a retry', async () => {
    const { backend: memory, ids } = await world();
    const backend = counting(memory);
    backend.failing = true;
    const provider = await fixture<DozorProvider>(
      html`<dozor-provider .backend=${backend}><dozor-user-list sort="sessions"></dozor-user-list><dozor-user-profile user-id=${ids['u3']!}></dozor-user-profile></dozor-provider>`,
    );
    const profile = provider.querySelector('dozor-user-profile')!;
    await until(() => shadow(profile).querySelector('[part~="adjacent-retry-button"]') !== null, 'retry');
    expect(button(profile, 'next').disabled).to.equal(true);
    await expect(profile).to.be.accessible();
    backend.failing = false;
    shadow(profile).querySelector<HTMLButtonElement>('[part~="adjacent-retry-button"]')!.click();
    await until(() => !button(profile, 'next').disabled && !button(profile, 'previous').disabled, 'recovered');
    expect(shadow(profile).querySelector('[part~="adjacent-retry-button"]')).to.equal(null);
  });
});
