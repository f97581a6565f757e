import { DEFAULT_BOARD_NAME } from "@whiteboard/shared";
import { InlineTextForm } from "./InlineTextForm";

/**
 * A library's "New board": a name (optional: blank takes the server's default) and the button
 * that creates the board in that library.
 */
export function NewBoardForm({ libraryTitle, onCreate }: { libraryTitle: string; onCreate: (name: string) => Promise<boolean> }) {
  return (
    <InlineTextForm
      className="new-board"
      label={<>Name of the new board in {libraryTitle}</>}
      inputTestid="new-board-name"
      placeholder={DEFAULT_BOARD_NAME}
      buttonClassName="button primary"
      buttonTestid="new-board"
      onSubmit={onCreate}
    >
      <span aria-hidden="true" className="plus" />
      New board
    </InlineTextForm>
  );
}
