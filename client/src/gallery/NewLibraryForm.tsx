import { useId } from "react";
import { InlineTextForm } from "./InlineTextForm";

/** A shared library: a named list of boards that everyone holding its invite link sees. */
export function NewLibraryForm({ onCreate }: { onCreate: (name: string) => Promise<boolean> }) {
  const hintId = useId();
  return (
    <InlineTextForm
      className="new-library"
      describedBy={hintId}
      intro={
        <div>
          <h2 className="new-library-title">Share boards with a team</h2>
          <p className="muted small" id={hintId}>
            A shared library lists its boards for everyone who opens its invite link.
          </p>
        </div>
      }
      fieldsClassName="new-library-fields"
      label="Name of the new shared library"
      inputTestid="new-library-name"
      placeholder="Team name"
      buttonTestid="new-library"
      onSubmit={onCreate}
    >
      New shared library
    </InlineTextForm>
  );
}
