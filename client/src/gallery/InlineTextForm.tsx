import { type FormEvent, type InputHTMLAttributes, type ReactNode, useId, useState } from "react";

/**
 * One text field and its submit button (the gallery's "New board", "New shared library" and
 * "Paste a link"). While `onSubmit` runs the button is disabled; the field empties when it
 * resolves true and keeps its text otherwise, so a refused name can be corrected.
 */
export function InlineTextForm({
  className,
  intro,
  fieldsClassName,
  describedBy,
  label,
  inputTestid,
  placeholder,
  inputProps,
  buttonClassName = "button",
  buttonTestid,
  requireText = false,
  onSubmit,
  children,
}: {
  className: string;
  /** Shown before the fields, which are then wrapped in a `fieldsClassName` div. */
  intro?: ReactNode;
  fieldsClassName?: string;
  /** The form's aria-describedby. */
  describedBy?: string;
  /** The field's label, for screen readers only. */
  label: ReactNode;
  inputTestid: string;
  placeholder: string;
  /** Extra attributes for the field (spellCheck, inputMode). */
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
  buttonClassName?: string;
  buttonTestid: string;
  /** Blank text does not submit (the button is disabled). */
  requireText?: boolean;
  /** Resolves true when done (the field then empties). */
  onSubmit: (text: string) => Promise<boolean>;
  /** The button's content. */
  children: ReactNode;
}) {
  const inputId = useId();
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const blocked = requireText && text.trim() === "";

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || blocked) return;
    setBusy(true);
    const done = await onSubmit(text);
    setBusy(false);
    if (done) setText("");
  }

  const fields = (
    <>
      <label className="visually-hidden" htmlFor={inputId}>
        {label}
      </label>
      <input
        {...inputProps}
        id={inputId}
        className="input"
        data-testid={inputTestid}
        placeholder={placeholder}
        autoComplete="off"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className={buttonClassName} data-testid={buttonTestid} disabled={busy || blocked}>
        {children}
      </button>
    </>
  );

  return (
    <form className={className} onSubmit={submit} aria-describedby={describedBy}>
      {intro === undefined ? (
        fields
      ) : (
        <>
          {intro}
          <div className={fieldsClassName}>{fields}</div>
        </>
      )}
    </form>
  );
}
