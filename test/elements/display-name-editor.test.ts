import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/display-name-editor/define.js';
import type { DozorDisplayNameEditor } from '../../src/elements/display-name-editor/display-name-editor.js';
import { DozorBackendError, type DozorBackend } from '../../src/backend/index.js';
import { HOUR, MINUTE, addUser, createScenario, providerHost, withRole, type Scenario } from './profile-fixtures.js';
import { settled, until } from '../wait.js';
import { MAX_TEXT_SHOWN } from '../../src/core/index.js';

const TRAITS = { email: 'ada@example.com', name: 'Ada Lovelace', plan: 'pro', empty: '', gone: null, age: 36 };

async function setup(role: 'OWNER' | 'ADMIN' | 'VIEWER', backendOverride?: (b: DozorBackend) => DozorBackend) {
  const scenario = createScenario();
  const userId = await addUser(scenario, {
    externalId: 'user-ada',
    traits: TRAITS,
    sessions: [{ start: -HOUR, end: -HOUR + 10 * MINUTE, events: 20, path: '/pricing' }],
  });
  const backend = backendOverride ? backendOverride(scenario.backend) : scenario.backend;
  const host = providerHost(withRole(backend, role));
  const el = document.createElement('dozor-display-name-editor');
  el.inline = true;
  el.userId = userId;
  host.append(el);
  await fixture(host);
  return { scenario, userId, el, host };
}

const root = (el: DozorDisplayNameEditor) => el.shadowRoot!;
const input = (el: DozorDisplayNameEditor, field: string) => root(el).querySelector<HTMLInputElement>(`#${field}-input`)!;
const section = (el: DozorDisplayNameEditor, field: string) => input(el, field).closest('section')!;
const setButton = (el: DozorDisplayNameEditor, field: string) =>
  section(el, field).querySelector<HTMLButtonElement>('[part~="set-button"]')!;
const resetButton = (el: DozorDisplayNameEditor, field: string) =>
  section(el, field).querySelector<HTMLButtonElement>('[part~="reset-button"]')!;
const shownAs = (el: DozorDisplayNameEditor) => root(el).querySelector('.shown-as strong')!.textContent;

async function type(el: DozorDisplayNameEditor, field: string, value: string) {
  const target = input(el, field);
  target.value = value;
  target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function loaded(el: DozorDisplayNameEditor) {
  await until(() => root(el).querySelector('#customName-input') !== null, 'the editor to load');
}

describe('<dozor-display-name-editor>', () => {
  it('renders nothing for a VIEWER', async () => {
    const { el } = await setup('VIEWER');
    await settled(); // the memory backend has answered whatever was asked
    await el.updateComplete;
    expect(root(el).querySelector('section, dialog, input')).to.equal(null);
  });

  it('shows the three sections with server values, chips for non-empty traits, and is accessible (loading and data)', async () => {
    const { el } = await setup('ADMIN');
    await expect(el).to.be.accessible();
    await loaded(el);
    expect(root(el).querySelectorAll('[part="section"]').length).to.equal(3);
    expect(input(el, 'customName').value).to.equal('');
    expect(input(el, 'customName').maxLength).to.equal(120);
    expect(input(el, 'traitKey').maxLength).to.equal(60);
    expect(input(el, 'projectTraitKey').maxLength).to.equal(60);
    const chips = [...root(el).querySelectorAll('[part="chip"]')].map((c) => c.textContent!.trim());
    expect(chips).to.deep.equal(['email', 'name', 'plan', 'age']);
    expect(shownAs(el)).to.equal('user-ada');
    expect(section(el, 'projectTraitKey').textContent).to.contain('Production');
    await expect(el).to.be.accessible();
  });

  it('Set is enabled only for a trimmed non-empty value different from the server; Reset only when a value exists', async () => {
    const { el } = await setup('OWNER');
    await loaded(el);
    expect(setButton(el, 'customName').disabled).to.equal(true);
    expect(resetButton(el, 'customName').disabled).to.equal(true);
    await type(el, 'customName', '   ');
    expect(setButton(el, 'customName').disabled, 'whitespace only').to.equal(true);
    await type(el, 'customName', '  Ada  ');
    expect(setButton(el, 'customName').disabled).to.equal(false);
    setButton(el, 'customName').click();
    await until(() => resetButton(el, 'customName').disabled === false, 'the rename to land');
    await el.updateComplete;
    expect(input(el, 'customName').value).to.equal('Ada');
    await type(el, 'customName', ' Ada ');
    expect(setButton(el, 'customName').disabled, 'same as the server value once trimmed').to.equal(true);
  });

  it('shows the backend validation message inline (121 characters) with aria-invalid and aria-describedby', async () => {
    const { el, scenario, userId } = await setup('ADMIN');
    await loaded(el);
    await type(el, 'customName', 'x'.repeat(121));
    expect(setButton(el, 'customName').disabled).to.equal(false);
    setButton(el, 'customName').click();
    await until(() => root(el).querySelector('#customName-error') !== null, 'the inline error');
    const error = root(el).querySelector('#customName-error')!;
    expect(error.textContent).to.equal('Must be at most 120 character(s)');
    expect(error.getAttribute('part')).to.equal('error');
    expect(input(el, 'customName').getAttribute('aria-invalid')).to.equal('true');
    expect(input(el, 'customName').getAttribute('aria-describedby')!.split(' ')).to.include('customName-error');
    expect(shownAs(el), 'rolled back').to.equal('user-ada');
    expect((await scenario.backend.getUser(userId)).customName).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('updates optimistically, then rolls back and shows the error when the backend fails', async () => {
    let reject!: (error: unknown) => void;
    const { el } = await setup('ADMIN', (inner) => ({
      ...inner,
      capabilities: inner.capabilities,
      updateDisplayName: () => new Promise<void>((_resolve, r) => (reject = r)),
    }));
    await loaded(el);
    const pending: (string | null)[] = [];
    el.addEventListener('dozor-display-name-pending', (event) => pending.push(event.detail.displayName));
    await type(el, 'customName', 'Countess');
    setButton(el, 'customName').click();
    await el.updateComplete;
    expect(shownAs(el), 'optimistic').to.equal('Countess');
    expect(input(el, 'customName').disabled).to.equal(true);
    expect(setButton(el, 'customName').disabled).to.equal(true);
    expect(resetButton(el, 'traitKey').disabled).to.equal(true);
    reject(new DozorBackendError('server', 'Database unavailable'));
    await until(() => root(el).querySelector('#customName-error') !== null, 'the error');
    expect(shownAs(el), 'rolled back').to.equal('user-ada');
    expect(root(el).querySelector('#customName-error')!.textContent).to.contain('Database unavailable');
    expect(input(el, 'customName').disabled).to.equal(false);
    expect(input(el, 'customName').value, 'the draft is kept for another try').to.equal('Countess');
    expect(pending).to.deep.equal(['Countess', null]);
  });

  it('on success fires dozor-display-name-change and the new name appears in listUsers', async () => {
    const { el, scenario, userId } = await setup('ADMIN');
    await loaded(el);
    await type(el, 'customName', '  Countess of Lovelace ');
    setTimeout(() => setButton(el, 'customName').click());
    const event = await oneEvent(el, 'dozor-display-name-change');
    expect(event.detail).to.deep.equal({ userId, update: { customName: 'Countess of Lovelace' }, displayName: 'Countess of Lovelace' });
    const page = await scenario.backend.listUsers({ search: 'Countess' });
    expect(page.data.map((u) => u.displayName)).to.deep.equal(['Countess of Lovelace']);
  });

  it('a chip fills the trait key, Set applies it, Reset clears it', async () => {
    const { el, scenario, userId } = await setup('ADMIN');
    await loaded(el);
    const chip = [...root(el).querySelectorAll<HTMLButtonElement>('[part="chip"]')].find((c) => c.textContent!.trim() === 'name')!;
    expect(chip.getAttribute('aria-label')).to.equal('Use trait key name');
    chip.click();
    await el.updateComplete;
    expect(input(el, 'traitKey').value).to.equal('name');
    setTimeout(() => setButton(el, 'traitKey').click());
    const event = await oneEvent(el, 'dozor-display-name-change');
    expect(event.detail.displayName).to.equal('Ada Lovelace');
    expect((await scenario.backend.getUser(userId)).displayNameTraitKey).to.equal('name');
    await until(() => !resetButton(el, 'traitKey').disabled, 'Reset to enable');
    setTimeout(() => resetButton(el, 'traitKey').click());
    const reset = await oneEvent(el, 'dozor-display-name-change');
    expect(reset.detail.update).to.deep.equal({ traitKey: null });
    expect(reset.detail.displayName).to.equal('user-ada');
    await until(() => input(el, 'traitKey').value === '', 'the input to re-sync');
  });

  it('sets the project default trait key', async () => {
    const { el, scenario, userId } = await setup('ADMIN');
    await loaded(el);
    await type(el, 'projectTraitKey', 'email');
    setTimeout(() => setButton(el, 'projectTraitKey').click());
    const event = await oneEvent(el, 'dozor-display-name-change');
    expect(event.detail.update).to.deep.equal({ projectId: 'prj_prod', traitKey: 'email' });
    expect(event.detail.displayName).to.equal('ada@example.com');
    expect((await scenario.backend.getUser(userId)).projectDisplayNameTraitKey).to.equal('email');
  });

  it('re-syncs inputs to fresh server values', async () => {
    const { el, scenario, userId } = await setup('ADMIN');
    await loaded(el);
    const detail = await scenario.backend.getUser(userId);
    el.user = { ...detail, customName: 'From elsewhere', displayName: 'From elsewhere' };
    await el.updateComplete;
    expect(input(el, 'customName').value).to.equal('From elsewhere');
    expect(resetButton(el, 'customName').disabled).to.equal(false);
  });

  it('in a dialog: show() opens it modally, Escape closes it and focus returns', async () => {
    const scenario: Scenario = createScenario();
    const userId = await addUser(scenario, { externalId: 'u1', sessions: [{ start: -HOUR, end: -HOUR + MINUTE, events: 12, path: '/' }] });
    const host = providerHost(withRole(scenario.backend, 'ADMIN'));
    const opener = document.createElement('button');
    opener.textContent = 'Edit';
    const el = document.createElement('dozor-display-name-editor');
    el.userId = userId;
    host.append(opener, el);
    await fixture(host);
    opener.focus();
    el.show();
    await el.updateComplete;
    const dialog = root(el).querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    await loaded(el);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 'the dialog to close');
    expect(el.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('renders untrusted names, trait keys and project names as text', async () => {
    const scenario = createScenario('<img src=x onerror="window.__pwned=1">');
    const evil = '<img src=x onerror="window.__pwned=1">';
    const userId = await addUser(scenario, {
      externalId: evil,
      traits: { [evil]: 'javascript:alert(1)' },
      sessions: [{ start: -HOUR, end: -HOUR + MINUTE, events: 12, path: '/' }],
    });
    const host = providerHost(withRole(scenario.backend, 'ADMIN'));
    const el = document.createElement('dozor-display-name-editor');
    el.inline = true;
    el.userId = userId;
    host.append(el);
    await fixture(host);
    await loaded(el);
    expect(root(el).querySelector('img, a')).to.equal(null);
    expect(shownAs(el)).to.equal(evil);
    expect(root(el).querySelector('[part="chip"]')!.textContent!.trim()).to.equal(evil);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows a bounded part of a 1 MB display name, custom name and trait key (never 1 MB in the DOM)', async () => {
    const huge = 'N'.repeat(1_000_000);
    const { el } = await setup('ADMIN', (backend) => ({
      ...backend,
      getUser: async (id, opts) => {
        const user = await backend.getUser(id, opts);
        return {
          ...user,
          displayName: huge,
          customName: huge,
          projectName: huge,
          traits: { ...user.traits, [huge]: 'x', name: huge },
        };
      },
    }));
    await loaded(el);
    const strong = root(el).querySelector('.shown-as strong')!;
    expect(strong.textContent).to.equal(`${'N'.repeat(MAX_TEXT_SHOWN)}…`);
    expect(strong.getAttribute('title')).to.equal(strong.textContent);
    expect(input(el, 'customName').value).to.equal('N'.repeat(120));
    expect(setButton(el, 'customName').disabled, 'the shown value is what the server holds').to.equal(true);
    expect(resetButton(el, 'customName').disabled).to.equal(false);
    const chips = [...root(el).querySelectorAll('[part="chip"]')].map((c) => c.textContent!.trim());
    expect(chips, 'a key too long to be chosen is not offered').to.deep.equal(['email', 'name', 'plan', 'age']);
    const longest = Math.max(
      ...[...root(el).querySelectorAll('*')].flatMap((node) => [
        (node.textContent ?? '').length,
        ...[...node.attributes].map((a) => a.value.length),
      ]),
    );
    expect(longest).to.be.below(2_000);
    await expect(el).to.be.accessible();
  });
});
