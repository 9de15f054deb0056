import { css } from 'lit';
import { controlBox, pillBox } from '../shared/styles.js';

export const editorStyles = css`
  :host {
    display: contents;
  }
  :host([inline]) {
    display: block;
  }
  dialog {
    width: min(32rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .panel {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
  }
  :host([inline]) .panel {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .dialog-head {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 4px var(--_space);
    align-items: start;
  }
  .dialog-head .button {
    grid-column: 2;
    grid-row: 1;
  }
  h2 {
    margin: 0;
    font-size: 1.1em;
  }
  p {
    margin: 0;
  }
  .help {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .shown-as {
    display: flex;
    gap: var(--_space);
    align-items: baseline;
    min-width: 0;
  }
  .shown-as strong {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    color: var(--_accent);
  }
  .section {
    padding-top: calc(var(--_space) * 1.5);
    border-top: 1px solid var(--_border);
  }
  form {
    display: grid;
    gap: 6px;
  }
  .label {
    font-weight: 600;
  }
  .row {
    display: flex;
    gap: var(--_space);
  }
  .input {
    flex: 1;
    min-width: 0;
    min-height: 32px;
    padding: 4px 8px;
    ${controlBox}
  }
  .input.mono {
    font-family: var(--_font-mono);
  }
  .input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .input:disabled {
    opacity: 0.6;
  }
  .button.ghost {
    border-color: transparent;
    background: transparent;
  }
  .error {
    color: var(--_danger);
    font-size: 0.9em;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    align-items: center;
  }
  .chip {
    ${pillBox}
    cursor: pointer;
  }
  .chip:disabled {
    opacity: 0.6;
    cursor: default;
  }
`;
