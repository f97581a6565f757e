import { type FormEvent, useId, useState } from "react";

/** "Paste a link": a board someone sent (edit or view link, or a bare id), or a library invite. */
export function PasteLinkForm({ onAdd }: { onAdd: (text: string) => Promise<boolean> }) {
  const inputId = useId();
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || text.trim() === "") return;
    setBusy(true);
    const added = await onAdd(text);
    setBusy(false);
    if (added) setText("");
  }

  return (
    <form className="paste-link" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={inputId}>
        Paste a board or invite link
      </label>
      <input
        id={inputId}
        className="input"
        data-testid="paste-link-input"
        placeholder="Paste a link to a board"
        autoComplete="off"
        spellCheck={false}
        inputMode="url"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="button" data-testid="paste-link-submit" disabled={busy || text.trim() === ""}>
        Add
      </button>
    </form>
  );
}
