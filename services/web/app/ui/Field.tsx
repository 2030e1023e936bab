import type { ComponentChildren } from 'preact';
import { t } from '../i18n/index.ts';

// Form fields with their label, hint and error tied to the control (aria-describedby), so a
// screen reader reads the error with the field. The error text is the API schema's own message.

interface Common {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
}

/** The field's hint and error, with the ids its control's aria-describedby names. */
function HintAndError(props: Common) {
  return (
    <>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </>
  );
}

function Described(props: Common & { children: ComponentChildren }) {
  return (
    <div class={`field${props.error ? ' field-invalid' : ''}`}>
      <label for={props.id}>
        {props.label}
        {props.required === false && <span class="optional"> {t('common.optional')}</span>}
      </label>
      <HintAndError {...props} />
      {props.children}
    </div>
  );
}

const describedBy = (p: Common) =>
  [p.hint && `${p.id}-hint`, p.error && `${p.id}-error`].filter(Boolean).join(' ') || undefined;

type InputProps = Common & {
  value: string;
  onValue: (value: string) => void;
  onBlur?: () => void;
  type?: 'text' | 'number' | 'date' | 'time' | 'datetime-local' | 'tel' | 'password';
  inputMode?: 'numeric' | 'decimal' | 'tel' | 'text' | 'email' | undefined;
  autoComplete?: string;
  min?: number;
  max?: number;
  step?: string;
  maxLength?: number;
  spellcheck?: boolean;
};

export function TextField(props: InputProps) {
  const { id, label, error, hint, required, value, onValue, onBlur, ...rest } = props;
  return (
    <Described id={id} label={label} error={error} hint={hint} required={required}>
      <input
        id={id}
        name={id}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        aria-required={required ? 'true' : undefined}
        onInput={(e) => onValue(e.currentTarget.value)}
        onBlur={onBlur}
        // Preact 11 types each input type's attributes apart; these are checked by TextField's props.
        {...(rest as Record<string, unknown>)}
      />
    </Described>
  );
}

export function SelectField(
  props: Common & {
    value: string;
    onValue: (value: string) => void;
    options: { value: string; label: string }[];
    onBlur?: () => void;
  },
) {
  return (
    <Described {...props}>
      <select
        id={props.id}
        name={props.id}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        onChange={(e) => props.onValue(e.currentTarget.value)}
        onBlur={props.onBlur}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Described>
  );
}

export function TextArea(
  props: Common & { value: string; onValue: (value: string) => void; onBlur?: () => void; rows?: number },
) {
  return (
    <Described {...props}>
      <textarea
        id={props.id}
        name={props.id}
        rows={props.rows ?? 3}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        onInput={(e) => props.onValue(e.currentTarget.value)}
        onBlur={props.onBlur}
      />
    </Described>
  );
}

/** Radio buttons in a fieldset: the legend is the question. */
export function Choice(
  props: Common & {
    value: string;
    onValue: (value: string) => void;
    options: { value: string; label: string }[];
  },
) {
  return (
    <fieldset
      class={`field choice${props.error ? ' field-invalid' : ''}`}
      id={props.id}
      aria-describedby={describedBy(props)}
    >
      <legend>{props.label}</legend>
      <HintAndError {...props} />
      {props.options.map((o) => (
        <label key={o.value} class="option">
          <input
            type="radio"
            name={props.id}
            value={o.value}
            checked={props.value === o.value}
            onChange={() => props.onValue(o.value)}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
