import { css } from 'lit';

/** The chips' own rules (the tokens and base styles come first). */
export const userTagsStyles = css`
  :host {
    display: block;
  }
  ul {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    padding: 1px 8px;
    border-radius: 999px;
    background: var(--_accent-soft);
    color: var(--_text);
    font-size: 0.85em;
    white-space: nowrap;
  }
  li.buyer {
    background: color-mix(in srgb, var(--_status-online-dot) 20%, var(--_surface));
  }
`;
