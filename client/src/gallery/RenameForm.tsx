import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";

/**
 * The name, editable in place: Enter saves, Escape cancels. The server validates; when it
 * refuses, the field stays open and marked invalid, its message shown in the page's error area.
 */
export function RenameForm({
  initialName,
  onSave,
  onCancel,
  errorId,
}: {
  initialName: string;
  /** Resolves true when saved (the form then goes away). */
  onSave: (name: string) => Promise<boolean>;
  onCancel: () => void;
  /** The element that will hold the server's message. */
  errorId: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(initialName);
  const [saving, setSaving] = useState(false);
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    input.current?.select();
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    // Saving the same name would only move the board to the top of the list.
    if (name === initialName) return onCancel();
    setSaving(true);
    const saved = await onSave(name);
    if (saved) return;
    setSaving(false);
    setInvalid(true);
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Escape") return;
    event.preventDefault();
    onCancel();
  }

  return (
    <form className="rename-form" onSubmit={submit}>
      <input
        ref={input}
        className="input"
        data-testid="rename-input"
        aria-label="Board name"
        aria-invalid={invalid || undefined}
        aria-errormessage={invalid ? errorId : undefined}
        autoComplete="off"
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          setInvalid(false);
        }}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="button small primary" disabled={saving}>
        Save
      </button>
      <button type="button" className="button small ghost" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
