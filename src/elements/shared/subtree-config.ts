import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextProvider } from '@lit/context';
import { dozorConfigContext, type DozorConfig } from './context.js';

/**
 * Makes a composite element the provider of the elements it renders: they receive its resolved
 * configuration (theme, locale, strings, role, thresholds, link templates, backend) through
 * context, so nothing is passed to them by hand and an override on the composite reaches them all.
 */
export class SubtreeConfig implements ReactiveController {
  private readonly provider: ContextProvider<typeof dozorConfigContext>;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly resolved: () => DozorConfig,
  ) {
    this.provider = new ContextProvider(host, { context: dozorConfigContext, initialValue: {} });
    host.addController(this);
  }

  /** Before every render, so children rendered now already see the current configuration. */
  hostUpdate(): void {
    this.provider.setValue(this.resolved());
  }
}
