import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/range-selector/define.js';
import type { DozorRangeSelector } from '../../src/elements/range-selector/range-selector.js';

function options(el: DozorRangeSelector): HTMLButtonElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="radio"]')];
}

describe('<dozor-range-selector>', () => {
  it('is a labelled radio group with localized labels and the 24h default checked', async () => {
    const el = await fixture<DozorRangeSelector>(html`<dozor-range-selector></dozor-range-selector>`);
    const group = el.shadowRoot!.querySelector('[role="radiogroup"]')!;
    expect(group.getAttribute('aria-label')).to.equal('Select activity range');
    expect(options(el).map((b) => b.textContent!.trim())).to.deep.equal(['6 hours', '24 hours', '7 days']);
    expect(options(el).map((b) => b.getAttribute('aria-checked'))).to.deep.equal(['false', 'true', 'false']);
    expect(options(el).map((b) => b.tabIndex)).to.deep.equal([-1, 0, -1]);
    expect(el.getAttribute('range')).to.equal('24h');
    await expect(el).to.be.accessible();
  });

  it('fires dozor-range-change on click, and not for the selected option', async () => {
    const el = await fixture<DozorRangeSelector>(html`<dozor-range-selector range="6h"></dozor-range-selector>`);
    let count = 0;
    el.addEventListener('dozor-range-change', () => count++);
    options(el)[0]!.click();
    expect(count).to.equal(0);
    setTimeout(() => options(el)[2]!.click());
    const event = await oneEvent(el, 'dozor-range-change');
    expect(event.detail).to.deep.equal({ range: '7d' });
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(el.getAttribute('range')).to.equal('7d');
    expect(options(el)[2]!.getAttribute('aria-checked')).to.equal('true');
  });

  it('arrow keys, Home and End move focus and select (roving tabindex, wrapping)', async () => {
    const el = await fixture<DozorRangeSelector>(html`<dozor-range-selector></dozor-range-selector>`);
    const ranges: string[] = [];
    el.addEventListener('dozor-range-change', (event) => ranges.push(event.detail.range));
    options(el)[1]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.range).to.equal('7d');
    expect(el.shadowRoot!.activeElement).to.equal(options(el)[2]);
    expect(options(el).map((b) => b.tabIndex)).to.deep.equal([-1, -1, 0]);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.range).to.equal('6h');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.range).to.equal('7d');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.range).to.equal('6h');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.range).to.equal('7d');
    expect(el.shadowRoot!.activeElement).to.equal(options(el)[2]);
    expect(ranges).to.deep.equal(['7d', '6h', '7d', '6h', '7d']);
  });

  it('under dir=rtl the options run right to left and Left / Right follow what is seen', async () => {
    const page = await fixture<HTMLElement>(html`<div dir="rtl"><dozor-range-selector></dozor-range-selector></div>`);
    const el = page.querySelector<DozorRangeSelector>('dozor-range-selector')!;
    await el.updateComplete;
    const [sixHours, day, week] = options(el).map((b) => b.getBoundingClientRect().left);
    expect(week!).to.be.below(day!);
    expect(day!).to.be.below(sixHours!);
    const ranges: string[] = [];
    el.addEventListener('dozor-range-change', (event) => ranges.push(event.detail.range));
    options(el)[1]!.focus();
    await sendKeys({ press: 'ArrowLeft' }); // leftwards: the 7 days option
    await el.updateComplete;
    expect(el.range).to.equal('7d');
    expect(el.shadowRoot!.activeElement).to.equal(options(el)[2]);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.range).to.equal('6h');
    await sendKeys({ press: 'ArrowRight' }); // wraps to the leftmost
    await sendKeys({ press: 'ArrowDown' }); // Down stays "next" in any direction
    await el.updateComplete;
    expect(ranges).to.deep.equal(['7d', '24h', '6h', '7d', '6h']);
    await expect(el).to.be.accessible();
  });

  it('takes its labels from strings', async () => {
    const el = await fixture<DozorRangeSelector>(
      html`<dozor-range-selector .strings=${{ rangeLabels: { '6h': '6 Std.', '24h': '24 Std.', '7d': '7 Tage' }, rangeSelectorLabel: 'Zeitraum' }}></dozor-range-selector>`,
    );
    expect(options(el).map((b) => b.textContent!.trim())).to.deep.equal(['6 Std.', '24 Std.', '7 Tage']);
    expect(el.shadowRoot!.querySelector('[role="radiogroup"]')!.getAttribute('aria-label')).to.equal('Zeitraum');
  });

  it('disabled options ignore clicks and keys', async () => {
    const el = await fixture<DozorRangeSelector>(html`<dozor-range-selector disabled></dozor-range-selector>`);
    let count = 0;
    el.addEventListener('dozor-range-change', () => count++);
    options(el)[0]!.click();
    expect(count).to.equal(0);
    expect(options(el).every((b) => b.disabled)).to.equal(true);
  });
});
