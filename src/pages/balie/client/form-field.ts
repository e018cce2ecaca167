import { html } from 'lit';

// The staff page's form fields, in the NL Design System's (Utrecht) markup.

/** A labelled field around an input. */
export const field = (id: string, label: string, input: unknown) =>
  html`<div class="utrecht-form-field">
    <div class="utrecht-form-field__label"><label class="utrecht-form-label" for=${id}>${label}</label></div>
    <div class="utrecht-form-field__input">${input}</div>
  </div>`;

/** A checkbox with its label. */
export const checkbox = (id: string, label: string) =>
  html`<div class="utrecht-form-field utrecht-form-field--checkbox">
    <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id=${id} name=${id} />
    <label class="utrecht-form-label utrecht-form-label--checkbox" for=${id}>${label}</label>
  </div>`;
