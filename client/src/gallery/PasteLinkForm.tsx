import { InlineTextForm } from "./InlineTextForm";

/** "Paste a link": a board someone sent (edit or view link, or a bare id), or a library invite. */
export function PasteLinkForm({ onAdd }: { onAdd: (text: string) => Promise<boolean> }) {
  return (
    <InlineTextForm
      className="paste-link"
      label="Paste a board or invite link"
      inputTestid="paste-link-input"
      placeholder="Paste a link to a board"
      inputProps={{ spellCheck: false, inputMode: "url" }}
      buttonTestid="paste-link-submit"
      requireText
      onSubmit={onAdd}
    >
      Add
    </InlineTextForm>
  );
}
