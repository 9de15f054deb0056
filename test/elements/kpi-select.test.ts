import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/provider/define.js';
import '../../src/elements/kpi-strip/define.js';
import type { DozorKpiStrip } from '../../src/elements/kpi-strip/kpi-strip.js';
import type { DozorProvider } from '../../src/elements/provider/provider.js';
import type { DozorBackend } from '../../src/backend/index.js';
import { HOUR, MINUTE, addUser, createScenario, type Scenario } from './profile-fixtures.js';
import { until } from '../wait.js';

const shadow = (el: Element) => el.shadowRoot!;
const cardButton = (strip: DozorKpiStrip, key: string) =>
  shadow(strip).querySelector<HTMLButtonElement>(`[part~="card-${key}"] [part="card-button"]`);

async function scenarioWithUsers(): Promise<Scenario> {
  const scenario = createScenario();
  await addUser(scenario, { externalId: 'online-ada', sessions: [{ start: -MINUTE, end: -30_000, events: 12, path: '/' }] });
  await addUser(scenario, { externalId: 'active-bob', sessions: [{ start: -3 * HOUR, end: -2 * HOUR, events: 12, path: '/' }] });
  return scenario;
}

describe('KPI cards as controls', () => {
  it('Total, Online now and Active 24h are toggle buttons; New this week is not a control', async () => {
    const scenario = await scenarioWithUsers();
    const strip = await fixture<DozorKpiStrip>(html`<dozor-kpi-strip .backend=${scenario.backend}></dozor-kpi-strip>`);
    await until(() => cardButton(strip, 'online') !== null && shadow(strip).querySelector('[part="value"]') !== null, 'cards');
    for (const key of ['total', 'online', 'active']) expect(cardButton(strip, key)!.getAttribute('aria-pressed'), key).to.equal('false');
    expect(cardButton(strip, 'new')).to.equal(null);
    expect(cardButton(strip, 'online')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Online now 1 Active in the last 2 minutes');
    await expect(strip).to.be.accessible();
  });

  it('choosing a card fires dozor-kpi-select with the list filters it stands for, by keyboard too', async () => {
    const scenario = await scenarioWithUsers();
    const strip = await fixture<DozorKpiStrip>(html`<dozor-kpi-strip .backend=${scenario.backend}></dozor-kpi-strip>`);
    await until(() => cardButton(strip, 'active') !== null, 'cards');
    cardButton(strip, 'active')!.focus();
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const event = await oneEvent(strip, 'dozor-kpi-select');
    expect(event.detail).to.deep.equal({ kpi: 'active', query: { statuses: ['ONLINE', 'ACTIVE_24H'], identity: 'all' } });
    expect(event.cancelable).to.equal(true);
  });

  it('under a provider the chosen card stays pressed until released; a cancelled choice changes nothing', async () => {
    const scenario = await scenarioWithUsers();
    const provider = await fixture<DozorProvider>(
      html`<dozor-provider .backend=${scenario.backend}><dozor-kpi-strip></dozor-kpi-strip></dozor-provider>`,
    );
    const strip = provider.querySelector('dozor-kpi-strip')!;
    await until(() => cardButton(strip, 'online') !== null, 'cards');
    const cancel = (event: Event) => event.preventDefault();
    provider.addEventListener('dozor-kpi-select', cancel);
    cardButton(strip, 'online')!.click();
    await strip.updateComplete;
    expect(cardButton(strip, 'online')!.getAttribute('aria-pressed')).to.equal('false');
    provider.removeEventListener('dozor-kpi-select', cancel);
    cardButton(strip, 'online')!.click();
    await strip.updateComplete;
    expect(cardButton(strip, 'online')!.getAttribute('aria-pressed')).to.equal('true');
    expect(shadow(strip).querySelector('[part~="card-online"]')!.part.contains('selected')).to.equal(true);
    await expect(strip).to.be.accessible();
    cardButton(strip, 'total')!.click();
    await strip.updateComplete;
    expect(cardButton(strip, 'online')!.getAttribute('aria-pressed')).to.equal('false');
    expect(cardButton(strip, 'total')!.getAttribute('aria-pressed')).to.equal('true');
    cardButton(strip, 'total')!.click();
    await strip.updateComplete;
    expect(cardButton(strip, 'total')!.getAttribute('aria-pressed')).to.equal('false');
  });

  it('a card whose filter the backend cannot serve is not a control', async () => {
    const scenario = await scenarioWithUsers();
    const caps = scenario.backend.capabilities;
    const noStatuses: DozorBackend = Object.create(scenario.backend, {
      capabilities: { value: { ...caps, filters: { ...caps.filters, statuses: false, identities: ['identified'] } } },
    });
    const strip = await fixture<DozorKpiStrip>(html`<dozor-kpi-strip .backend=${noStatuses}></dozor-kpi-strip>`);
    await until(() => cardButton(strip, 'total') !== null && shadow(strip).querySelector('[part="value"]') !== null, 'cards');
    expect(cardButton(strip, 'online')).to.equal(null);
    expect(cardButton(strip, 'active')).to.equal(null);
    expect(cardButton(strip, 'identified')).to.equal(null);
  });
});
