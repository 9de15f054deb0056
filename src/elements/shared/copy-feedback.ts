import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long a copy button says "Copied" after a copy. */
export const COPIED_FEEDBACK_MS = 1500;

/**
 * A copy button's state (the traits' "Copy JSON", the profile's "Copy ID"): copies text to the
 * clipboard, says "Copied" on the button for 1.5 s, and tells a status line how it went. Leaving the
 * page ends the "Copied".
 */
export class CopyFeedback implements ReactiveController {
  private shownCopied = false;
  private said = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** True from a successful copy until the feedback time has passed. */
  get copied(): boolean {
    return this.shownCopied;
  }

  /** What the status line says about the last copy (its success or failure). */
  get announcement(): string {
    return this.said;
  }

  hostDisconnected(): void {
    this.clearTimer();
    this.set(false, this.announcement);
  }

  /** Copies `text`; `succeeded` or `failed` is announced. */
  async copy(text: string, succeeded: string, failed: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.set(true, succeeded);
      this.clearTimer();
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.set(false, this.announcement);
      }, COPIED_FEEDBACK_MS);
    } catch {
      this.set(false, failed);
    }
  }

  /** Like a `@state()`: the host updates only when something changed. */
  private set(copied: boolean, announcement: string): void {
    if (copied === this.shownCopied && announcement === this.said) return;
    this.shownCopied = copied;
    this.said = announcement;
    this.host.requestUpdate();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
