import { useStore } from "zustand";
import type { PresenceStore } from "./presence-store";

/** Everyone on the board now, you first: coloured initials, names on hover and for screen readers. */
export function PresenceList({ presence }: { presence: PresenceStore }) {
  const users = useStore(presence, (s) => s.users);
  const others = users.filter((user) => !user.self).length;

  return (
    <div className="presence-list" data-testid="presence-list" aria-label="Who is here">
      <ul>
        {users.map((user) => (
          <li
            key={user.clientId}
            className={user.self ? "presence-user self" : "presence-user"}
            data-testid="presence-user"
            title={user.self ? `${user.name} (you)` : user.name}
            style={{ background: user.color }}
          >
            <span aria-hidden="true">{initials(user.name)}</span>
            <span className="visually-hidden">{user.self ? `${user.name} (you)` : user.name}</span>
          </li>
        ))}
      </ul>
      <span className="presence-count muted small">{others === 0 ? "Only you" : `${others + 1} here`}</span>
    </div>
  );
}

function initials(name: string): string {
  const words = name.split(" ").filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((word) => [...word][0]!.toUpperCase()).join("");
}
