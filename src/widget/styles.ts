import { css } from 'lit';

/**
 * A neutral theme built on NL Design System tokens: a municipality's own theme sets the same custom properties on
 * its page (e.g. `--utrecht-button-primary-action-background-color`) and restyles the widget through the shadow DOM.
 * Where a theme leaves a component token out, the widget falls back on the theme's general ones (document, form
 * control) before its own colours, so a dark theme that sets only those stays readable: typed text, hints and
 * errors take the theme's colours, never black or white on the same.
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
    --_muted: var(--utrecht-form-field-description-color, var(--utrecht-document-color, #4a4a4a));
    --_field-color: var(
      --utrecht-textbox-color,
      var(--utrecht-form-control-color, var(--utrecht-document-color, #1a1a1a))
    );
    --_field-background: var(--utrecht-textbox-background-color, var(--utrecht-form-control-background-color, #fff));
    --_field-border: var(--utrecht-textbox-border-color, var(--utrecht-form-control-border-color, #4a4a4a));
    --_invalid: var(--utrecht-textbox-invalid-border-color, #b3261e);
  }
  * { box-sizing: border-box; }
  h2, h3, h4 {
    font-family: var(--utrecht-heading-font-family, inherit);
    font-weight: var(--utrecht-heading-font-weight, bold);
    line-height: var(--utrecht-heading-line-height, 1.25);
    margin-block: 1.25em 0.5em;
  }
  h2 {
    color: var(--utrecht-heading-2-color, var(--utrecht-heading-color, inherit));
    font-size: var(--utrecht-heading-2-font-size, 1.5rem);
    font-weight: var(--utrecht-heading-2-font-weight, var(--utrecht-heading-font-weight, bold));
  }
  h3 {
    color: var(--utrecht-heading-3-color, var(--utrecht-heading-color, inherit));
    font-size: var(--utrecht-heading-3-font-size, 1.25rem);
    font-weight: var(--utrecht-heading-3-font-weight, var(--utrecht-heading-font-weight, bold));
  }
  h4 {
    color: var(--utrecht-heading-4-color, var(--utrecht-heading-color, inherit));
    font-size: var(--utrecht-heading-4-font-size, 1.125rem);
    font-weight: var(--utrecht-heading-4-font-weight, var(--utrecht-heading-font-weight, bold));
  }
  .progress {
    display: block;
    font-size: 1rem;
    font-weight: normal;
    color: var(--_muted);
  }
  p, ul, dl, fieldset { margin-block: 0 1rem; }
  fieldset { border: 0; padding: 0; margin-inline: 0; min-inline-size: 0; }
  legend { font-weight: bold; padding: 0; margin-block-end: 0.5rem; }
  ul.plain { list-style: none; padding: 0; }
  .hint { color: var(--_muted); display: block; font-size: 1rem; }
  .error-text {
    /* The words in the text's own colour (readable on any theme), marked by a bar in the error colour. */
    color: var(--utrecht-form-field-invalid-description-color, inherit);
    font-weight: bold;
    display: block;
    border-inline-start: 4px solid var(--_invalid);
    padding-inline-start: 0.5rem;
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
    font: inherit; color: var(--_field-color); background: var(--_field-background);
    border: var(--utrecht-textbox-border-width, 2px) solid var(--_field-border);
    border-radius: var(--utrecht-textbox-border-radius, 0); padding: 0.5rem; min-block-size: 2.75rem;
    inline-size: 100%; max-inline-size: 28rem; margin-block: 0.25rem 1rem;
  }
  select { inline-size: auto; }
  [aria-invalid='true'] { border-color: var(--_invalid); border-width: 3px; }
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
  .day-off { color: var(--_muted); border: 2px solid transparent; }
  ul.days-off {
    list-style: none; padding: 0; font-size: 1rem; color: var(--_muted);
  }
  .times-panel { margin-block-start: 0.5rem; }
  .times-panel h3 { margin-block-start: 0.5rem; }
  .hold-notice {
    position: sticky; inset-block-end: 0; z-index: 1; padding: 0.75rem 1rem; margin-block-start: 1rem;
    border: 3px solid var(--utrecht-alert-warning-border-color, #8a5a00); border-inline-start-width: 10px;
    background: var(--utrecht-alert-warning-background-color, #fff7e0);
    color: var(--utrecht-alert-warning-color, inherit);
  }
  .hold-notice p { margin-block-end: 0.5rem; }
  /* The countdown on a line of its own: as its number changes, the lines above do not wrap anew. */
  .own-line { display: block; }
  .hold-notice button { margin: 0; }
  button:hover, a.button:hover { text-decoration: underline; }
  :focus-visible, h2:focus, h3:focus, .alert:focus {
    outline: var(--utrecht-focus-outline-width, 3px) var(--utrecht-focus-outline-style, solid)
      var(--utrecht-focus-outline-color, #1a1a1a);
    outline-offset: var(--utrecht-focus-outline-offset, 2px);
    box-shadow: 0 0 0 6px var(--utrecht-focus-background-color, #ffdd00);
  }
  h2:focus:not(:focus-visible), h3:focus:not(:focus-visible) { box-shadow: none; outline-style: dotted; }
  a { color: var(--utrecht-link-color, #154273); }
  /* On an alert's own background a link takes the alert's text colour where the theme gives one. */
  .alert.error a { color: var(--utrecht-alert-error-color, var(--utrecht-link-color, #154273)); }
  .alert.warning a, .hold-notice a { color: var(--utrecht-alert-warning-color, var(--utrecht-link-color, #154273)); }
  .alert.info a { color: var(--utrecht-alert-info-color, var(--utrecht-link-color, #154273)); }
  .times {
    display: grid; grid-template-columns: repeat(auto-fill, minmax(4.5rem, 1fr)); gap: 0.5rem;
    list-style: none; padding: 0; max-inline-size: 36rem;
  }
  button.time { inline-size: 100%; margin: 0; padding-inline: 0.25rem; text-align: center; }
  .alert { padding: 1rem; margin-block: 0 1rem; border: 3px solid; border-inline-start-width: 10px; }
  .alert.error {
    color: var(--utrecht-alert-error-color, inherit);
    border-color: var(--utrecht-alert-error-border-color, #b3261e);
    background: var(--utrecht-alert-error-background-color, #fdf0ef);
  }
  .alert.warning {
    color: var(--utrecht-alert-warning-color, inherit);
    border-color: var(--utrecht-alert-warning-border-color, #8a5a00);
    background: var(--utrecht-alert-warning-background-color, #fff7e0);
  }
  .alert.info {
    color: var(--utrecht-alert-info-color, inherit);
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
