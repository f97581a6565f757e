import { useState } from "react";
import { NAME_MAX_LENGTH, cleanName } from "../presence/identity";

/** Your name as others see it on your cursor; an empty field keeps the last name you had. */
export function NameField({ name, color, onChange }: { name: string; color: string; onChange: (name: string) => void }) {
  const [draft, setDraft] = useState(name);
  return (
    <label className="name-field">
      <span className="name-swatch" style={{ background: color }} aria-hidden="true" />
      <span className="visually-hidden">Your name</span>
      <input
        className="input"
        data-testid="user-name-input"
        value={draft}
        maxLength={NAME_MAX_LENGTH}
        spellCheck={false}
        autoComplete="nickname"
        onChange={(event) => {
          setDraft(event.target.value);
          const clean = cleanName(event.target.value);
          if (clean) onChange(clean);
        }}
        onBlur={() => setDraft(cleanName(draft) || name)}
        onKeyDown={(event) => {
          if (event.key === "Enter" || event.key === "Escape") event.currentTarget.blur();
        }}
      />
    </label>
  );
}
