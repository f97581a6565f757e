import { useStore } from "zustand";
import type { PresenceStore } from "./presence-store";

export interface PresenceListProps {
  presence: PresenceStore;
  /** The client id this page follows, if any. */
  following?: number | null;
  /** Clicking someone else's avatar follows their view; clicking it again stops. Absent: avatars are not buttons. */
  onFollow?: (clientId: number | null) => void;
}

/** Everyone on the board now, you first: coloured initials, names on hover and for screen readers. */
export function PresenceList({ presence, following = null, onFollow }: PresenceListProps) {
  const users = useStore(presence, (s) => s.users);
  const others = users.filter((user) => !user.self).length;

  return (
    <div className="presence-list" data-testid="presence-list" aria-label="Who is here">
      <ul>
        {users.map((user) => {
          const label = user.self ? `${user.name} (you)` : user.name;
          const followed = following === user.clientId;
          const className = `presence-user${user.self ? " self" : ""}${followed ? " followed" : ""}`;
          if (user.self || !onFollow) {
            return (
              <li key={user.clientId} className={className} data-testid="presence-user" title={label} style={{ background: user.color }}>
                <span aria-hidden="true">{initials(user.name)}</span>
                <span className="visually-hidden">{label}</span>
              </li>
            );
          }
          return (
            <li key={user.clientId} className="presence-item">
              <button
                type="button"
                className={className}
                data-testid="presence-user"
                aria-pressed={followed}
                title={followed ? `Following ${user.name}: click to stop` : `Follow ${user.name}'s view`}
                style={{ background: user.color }}
                onClick={() => onFollow(followed ? null : user.clientId)}
              >
                <span aria-hidden="true">{initials(user.name)}</span>
                <span className="visually-hidden">{followed ? `Stop following ${user.name}` : `Follow ${user.name}`}</span>
              </button>
            </li>
          );
        })}
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
