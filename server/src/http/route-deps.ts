import type { Store } from "../storage/store.js";
import type { LiveBoards } from "../rooms/live-boards.js";
import type { Members } from "../access/members.js";
import type { Capabilities } from "../access/capabilities.js";
import type { LibraryEtags } from "../access/library-etag.js";
import type { ChannelCounters } from "../channels/channel-stats.js";

/** What the JSON API's routes are built from; `buildApp` wires one of each. */
export interface RouteDeps {
  store: Store;
  live: LiveBoards;
  members: Members;
  capabilities: Capabilities;
  etags: LibraryEtags;
  now: () => Date;
  counters: ChannelCounters;
}
