import { type FormEvent, useId, useState } from "react";
import { DEFAULT_BOARD_NAME } from "@whiteboard/shared";

/**
 * A library's "New board": a name (optional: blank takes the server's default) and the button
 * that creates the board in that library.
 */
export function NewBoardForm({ libraryTitle, onCreate }: { libraryTitle: string; onCreate: (name: string) => Promise<boolean> }) {
  const inputId = useId();
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
    <form className="new-board" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={inputId}>
        Name of the new board in {libraryTitle}
      </label>
      <input
        id={inputId}
        className="input"
        data-testid="new-board-name"
        placeholder={DEFAULT_BOARD_NAME}
        autoComplete="off"
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" className="button primary" data-testid="new-board" disabled={busy}>
        <span aria-hidden="true" className="plus" />
        New board
      </button>
    </form>
  );
}
