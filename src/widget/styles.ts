import { css } from 'lit';

/**
 * A neutral theme built on NL Design System tokens: a municipality's own theme sets the same custom properties on
 * its page (e.g. `--utrecht-button-primary-action-background-color`) and restyles the widget through the shadow DOM.
 */
export const styles = css`
  :host {
    display: block;
    font-family: var(--utrecht-document-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--utrecht-document-font-size, 1.125rem);
    line-height: var(--utrecht-document-line-height, 1.5);
    color: var(--utrecht-document-color, #1a1a1a);
    background: var(--utrecht-document-background-color, #fff);
    max-inline-size: 44rem;
  }
  * { box-sizing: border-box; }
  h2, h3, h4 { color: var(--utrecht-heading-color, inherit); line-height: 1.25; margin-block: 1.25em 0.5em; }
  h2 { font-size: var(--utrecht-heading-2-font-size, 1.5rem); }
  h3 { font-size: var(--utrecht-heading-3-font-size, 1.25rem); }
  h4 { font-size: var(--utrecht-heading-4-font-size, 1.125rem); }
  .progress {
    display: block;
    font-size: 1rem;
    font-weight: normal;
    color: var(--utrecht-form-field-description-color, #4a4a4a);
  }
  p, ul, dl, fieldset { margin-block: 0 1rem; }
  fieldset { border: 0; padding: 0; margin-inline: 0; min-inline-size: 0; }
  legend { font-weight: bold; padding: 0; margin-block-end: 0.5rem; }
  ul.plain { list-style: none; padding: 0; }
  .hint { color: var(--utrecht-form-field-description-color, #4a4a4a); display: block; font-size: 1rem; }
  .error-text {
    color: var(--utrecht-form-field-invalid-description-color, #b3261e);
    font-weight: bold;
    display: block;
  }
  label { font-weight: var(--utrecht-form-label-font-weight, bold); display: block; }
  .choice {
    display: grid;
    grid-template-columns: 2rem 1fr;
    gap: 0 0.5rem;
    align-items: start;
    margin-block-end: 0.75rem;
  }
  .choice label { font-weight: normal; }
  .choice > :not(input) { grid-column: 2; }
  input[type='checkbox'], input[type='radio'] {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0.125rem 0 0;
    accent-color: var(--utrecht-checkbox-checked-background-color, #154273);
  }
  input[type='text'], input[type='email'], input[type='tel'], select, textarea {
    font: inherit; color: inherit; background: var(--utrecht-textbox-background-color, #fff);
    border: var(--utrecht-textbox-border-width, 2px) solid var(--utrecht-textbox-border-color, #4a4a4a);
    border-radius: var(--utrecht-textbox-border-radius, 0); padding: 0.5rem; min-block-size: 2.75rem;
    inline-size: 100%; max-inline-size: 28rem; margin-block: 0.25rem 1rem;
  }
  select { inline-size: auto; }
  [aria-invalid='true'] { border-color: var(--utrecht-textbox-invalid-border-color, #b3261e); border-width: 3px; }
  button, a.button {
    font: inherit; font-weight: bold; cursor: pointer; display: inline-block; text-decoration: none; text-align: start;
    min-block-size: 2.75rem; min-inline-size: 2.75rem; padding: 0.5rem 1rem; margin: 0 0.5rem 0.5rem 0;
    border: 2px solid var(--utrecht-button-primary-action-border-color, transparent);
    border-radius: var(--utrecht-button-border-radius, 0.25rem);
    background: var(--utrecht-button-primary-action-background-color, #154273);
    color: var(--utrecht-button-primary-action-color, #fff);
  }
  button.secondary, a.button.secondary, button.day, button.time {
    background: var(--utrecht-button-secondary-action-background-color, #fff);
    color: var(--utrecht-button-secondary-action-color, #154273);
    border-color: var(--utrecht-button-secondary-action-border-color, #154273);
  }
  .week-nav { display: flex; flex-wrap: wrap; align-items: center; gap: 0 0.5rem; }
  .week-nav h3 { flex: 1 1 100%; margin-block-end: 0.25rem; }
  ul.week {
    display: grid; grid-template-columns: repeat(7, minmax(0, 1fr)); gap: 0.25rem;
    list-style: none; padding: 0; margin-block: 0.5rem 0.5rem;
  }
  ul.week > li { display: flex; }
  button.day, .day-off {
    flex: 1; min-inline-size: 0; margin: 0; padding: 0.25rem 0; text-align: center; font-weight: normal;
    font-size: 0.875rem; line-height: 1.2;
  }
  button.day > span > span, .day-off > span > span { display: block; }
  .date { font-size: 1.125rem; font-weight: bold; }
  button.day[aria-pressed='true'] {
    background: var(--utrecht-button-primary-action-background-color, #154273);
    color: var(--utrecht-button-primary-action-color, #fff);
    border-width: 4px;
  }
  .day-off { color: var(--utrecht-form-field-description-color, #4a4a4a); border: 2px solid transparent; }
  ul.days-off {
    list-style: none; padding: 0; font-size: 1rem; color: var(--utrecht-form-field-description-color, #4a4a4a);
  }
  .times-panel { margin-block-start: 0.5rem; }
  .times-panel h3 { margin-block-start: 0.5rem; }
  .hold-notice {
    position: sticky; inset-block-end: 0; z-index: 1; padding: 0.75rem 1rem; margin-block-start: 1rem;
    border: 3px solid var(--utrecht-alert-warning-border-color, #8a5a00); border-inline-start-width: 10px;
    background: var(--utrecht-alert-warning-background-color, #fff7e0);
  }
  .hold-notice p { margin-block-end: 0.5rem; }
  .hold-notice button { margin: 0; }
  button:hover, a.button:hover { text-decoration: underline; }
  :focus-visible, h2:focus, h3:focus, .alert:focus {
    outline: var(--utrecht-focus-outline-width, 3px) solid var(--utrecht-focus-outline-color, #1a1a1a);
    outline-offset: 2px; box-shadow: 0 0 0 6px var(--utrecht-focus-background-color, #ffdd00);
  }
  h2:focus:not(:focus-visible), h3:focus:not(:focus-visible) { box-shadow: none; outline-style: dotted; }
  a { color: var(--utrecht-link-color, #154273); }
  .times {
    display: grid; grid-template-columns: repeat(auto-fill, minmax(4.5rem, 1fr)); gap: 0.5rem;
    list-style: none; padding: 0; max-inline-size: 36rem;
  }
  button.time { inline-size: 100%; margin: 0; padding-inline: 0.25rem; text-align: center; }
  .alert { padding: 1rem; margin-block: 0 1rem; border: 3px solid; border-inline-start-width: 10px; }
  .alert.error {
    border-color: var(--utrecht-alert-error-border-color, #b3261e);
    background: var(--utrecht-alert-error-background-color, #fdf0ef);
  }
  .alert.warning {
    border-color: var(--utrecht-alert-warning-border-color, #8a5a00);
    background: var(--utrecht-alert-warning-background-color, #fff7e0);
  }
  .alert.info {
    border-color: var(--utrecht-alert-info-border-color, #154273);
    background: var(--utrecht-alert-info-background-color, #eef4fb);
  }
  .alert.ok {
    border-color: var(--utrecht-alert-ok-border-color, #1e6b34);
    background: var(--utrecht-alert-ok-background-color, #eef8f0);
  }
  .alert h3 { margin-block-start: 0; }
  dl { display: grid; grid-template-columns: minmax(6rem, max-content) 1fr; gap: 0.25rem 1rem; }
  dt { font-weight: bold; }
  dd { margin: 0; }
  .actions { margin-block-start: 1.5rem; }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  @media (max-width: 30rem) { dl { grid-template-columns: 1fr; } dd { margin-block-end: 0.5rem; } }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
      scroll-behavior: auto !important;
    }
  }
  @media (forced-colors: active) {
    button, a.button, .alert, .hold-notice { border: 2px solid ButtonText; }
    button.day[aria-pressed='true'] { border: 4px double Highlight; }
    /* A day without a time has no border and greyed text: it does not look like a button. */
    .day-off { border: 0; padding: calc(0.25rem + 2px) 2px; color: GrayText; }
    :focus-visible { outline: 3px solid Highlight; }
  }
`;
