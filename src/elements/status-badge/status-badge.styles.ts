import { css } from 'lit';

/** The badge's rules, in `<dozor-status-badge>` and in the list that renders badges in its rows (the tokens and base styles come first). */
export const statusBadgeStyles = css`
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    white-space: nowrap;
    font-weight: 500;
  }
  .dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    flex: none;
  }
  .ONLINE { color: var(--_status-online); }
  .ONLINE .dot { background: var(--_status-online-dot); box-shadow: 0 0 0 3px color-mix(in srgb, var(--_status-online-dot) 25%, transparent); }
  .ACTIVE_24H { color: var(--_status-active); }
  .ACTIVE_24H .dot { background: var(--_status-active-dot); }
  .IDLE_7D { color: var(--_status-idle); }
  .IDLE_7D .dot { background: var(--_status-idle-dot); }
  .DORMANT { color: var(--_status-dormant); }
  .DORMANT .dot { background: var(--_status-dormant-dot); }
`;
