import { type FormEvent, useId, useState } from "react";

/** A shared library: a named list of boards that everyone holding its invite link sees. */
export function NewLibraryForm({ onCreate }: { onCreate: (name: string) => Promise<boolean> }) {
  const inputId = useId();
  const hintId = useId();
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const created = await onCreate(name);
    setBusy(false);
    if (created) setName("");
  }

  return (
    <form className="new-library" onSubmit={submit} aria-describedby={hintId}>
      <div>
        <h2 className="new-library-title">Share boards with a team</h2>
        <p className="muted small" id={hintId}>
          A shared library lists its boards for everyone who opens its invite link.
        </p>
      </div>
      <div className="new-library-fields">
        <label className="visually-hidden" htmlFor={inputId}>
          Name of the new shared library
        </label>
        <input
          id={inputId}
          className="input"
          data-testid="new-library-name"
          placeholder="Team name"
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button" data-testid="new-library" disabled={busy}>
          New shared library
        </button>
      </div>
    </form>
  );
}
