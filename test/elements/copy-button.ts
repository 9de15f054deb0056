import { expect } from '@open-wc/testing';
import { install } from '@sinonjs/fake-timers';
import type { LitElement } from 'lit';

export interface CopyButtonExpectations {
  /** What a click writes to the clipboard. */
  text: string;
  /** The button's text before a copy and once "Copied" is over. */
  idle: string;
  /** What the status line says after a copy, and after a failed one. */
  succeeded: string;
  failed: string;
}

/**
 * Clicks a copy button with a stub clipboard and fake timers: the text is written, the button says
 * "Copied" (its name too, where it has an `aria-label`) for 1.5 s and the status line the success;
 * a failed write keeps the idle text and announces the failure.
 */
export async function checkCopyButton(el: LitElement, button: HTMLElement, status: () => string | null, want: CopyButtonExpectations) {
  const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  const written: string[] = [];
  let fail = false;
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: (text: string) => (fail ? Promise.reject(new Error('denied')) : (written.push(text), Promise.resolve())) },
  });
  const shown = () => [button.textContent!.trim(), button.getAttribute('aria-label') ?? button.textContent!.trim()];
  const clock = install({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    button.click();
    await clock.tickAsync(0); // the clipboard's answer lands
    await el.updateComplete;
    expect(written).to.deep.equal([want.text]);
    expect(shown()).to.deep.equal(['Copied', 'Copied']);
    expect(status()).to.equal(want.succeeded);
    await clock.tickAsync(1499);
    await el.updateComplete;
    expect(shown()).to.deep.equal(['Copied', 'Copied']);
    await clock.tickAsync(1);
    await el.updateComplete;
    expect(button.textContent!.trim()).to.equal(want.idle);
    fail = true;
    button.click();
    await clock.tickAsync(0);
    await el.updateComplete;
    expect(button.textContent!.trim()).to.equal(want.idle);
    expect(status()).to.equal(want.failed);
  } finally {
    clock.uninstall();
    if (original) Object.defineProperty(navigator, 'clipboard', original);
    else delete (navigator as { clipboard?: unknown }).clipboard;
  }
}
