import { useStore } from "zustand";
import type { FollowStore } from "../presence/follow";
import type { PresenceStore } from "../presence/presence-store";

/** While following someone: whose view this is, in their colour, and a way out. */
export function FollowBanner({ presence, follow }: { presence: PresenceStore; follow: FollowStore }) {
  const following = useStore(follow, (s) => s.following);
  const leader = useStore(presence, (s) => s.users.find((user) => user.clientId === following));
  if (following === null || !leader) return null;
  return (
    <div className="follow-banner" data-testid="following-banner" role="status" style={{ borderColor: leader.color }}>
      <span className="follow-dot" style={{ background: leader.color }} aria-hidden="true" />
      Following {leader.name}
      <button type="button" className="button ghost small" onClick={() => follow.setState({ following: null })}>
        Stop
      </button>
    </div>
  );
}
