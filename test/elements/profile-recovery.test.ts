/**
 * Every error is recoverable (issue 15): the profile's not-found and no-access states say which one
 * the backend reported, offer a retry that asks the backend again (a user that appears after ingest,
 * a permission granted a moment later) and "Back to users", a real link where the host gives one.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/user-profile/define.js';
import type { DozorUserProfile } from '../../src/elements/user-profile/user-profile.js';
import { DozorBackendError, type DozorBackend } from '../../src/backend/index.js';
import { addUser, createScenario, HOUR, MINUTE, providerHost, withRole } from './profile-fixtures.js';
import { until } from '../wait.js';

const root = (el: Element) => el.shadowRoot!;

async function mount(backend: DozorBackend, userId: string, backHref?: string): Promise<DozorUserProfile> {
  const host = providerHost(withRole(backend, 'VIEWER'));
  const el = document.createElement('dozor-user-profile') as DozorUserProfile;
  el.userId = userId;
  if (backHref) el.setAttribute('back-href', backHref);
  host.append(el);
  await fixture(html`<div>${host}</div>`);
  return el;
}

const ada = {
  externalId: 'usr_ada',
  traits: { name: 'Ada' },
  sessions: [{ start: -HOUR, end: -HOUR + 5 * MINUTE, events: 20, path: '/' }],
};

describe('<dozor-user-profile> recovers from not-found and no-access', () => {
  it('not found: says so, and its retry shows the user once it exists', async () => {
    const scenario = createScenario();
    // The id the memory backend will give the first user it creates.
    const el = await mount(scenario.backend, 'tu_0000001');
    await until(() => root(el).querySelector('[part~="not-found"]') !== null, 'not found');
    expect(root(el).querySelector('h2')!.textContent).to.equal('User not found');
    await expect(el).to.be.accessible();
    await addUser(scenario, ada);
    root(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(() => root(el).querySelector('#display-name') !== null, 'the profile after retry');
    expect(root(el).querySelector('#display-name')!.textContent!.trim()).to.equal('usr_ada');
  });

  it('no access: says so (not "not found"), and its retry shows the user once access is granted', async () => {
    const scenario = createScenario();
    const userId = await addUser(scenario, ada);
    let allowed = false;
    const backend: DozorBackend = {
      ...scenario.backend,
      getUser: (id, options) =>
        allowed ? scenario.backend.getUser(id, options) : Promise.reject(new DozorBackendError('permission', 'Forbidden', { status: 403 })),
    };
    const el = await mount(backend, userId);
    await until(() => root(el).querySelector('[part~="no-access"]') !== null, 'no access');
    expect(root(el).querySelector('h2')!.textContent).to.equal('No access to this user');
    expect(root(el).querySelector('[part~="not-found"]')).to.equal(null);
    await expect(el).to.be.accessible();
    allowed = true;
    root(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(() => root(el).querySelector('#display-name') !== null, 'the profile after retry');
  });

  it('"Back to users" is a link where the host gives back-href, and fires a cancelable dozor-back', async () => {
    const scenario = createScenario();
    const el = await mount(scenario.backend, 'usr_missing', '/users?search=ada');
    await until(() => root(el).querySelector('[part~="not-found"]') !== null, 'not found');
    const link = root(el).querySelector<HTMLAnchorElement>('a[part~="back-button"]')!;
    expect(link.getAttribute('href')).to.equal('/users?search=ada');
    el.addEventListener('dozor-back', (event) => event.preventDefault(), { once: true });
    setTimeout(() => link.click());
    const event = await oneEvent(el, 'dozor-back');
    expect(event.detail).to.deep.equal({ userId: 'usr_missing' });
    expect(event.defaultPrevented).to.equal(true);
    // A non-http(s) href is never a link.
    el.setAttribute('back-href', 'javascript:alert(1)');
    await el.updateComplete;
    expect(root(el).querySelector('a[part~="back-button"]')).to.equal(null);
    expect(root(el).querySelector('button[part~="back-button"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });
});
