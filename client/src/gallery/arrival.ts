import type { Library } from "@whiteboard/shared";
import { libraryTitle } from "./library-title";

/**
 * How the gallery was reached when a link just changed what it lists: a library invite
 * (`/join/:invite`) or a device link (`/device/:token`). Named by the link, not by the library
 * the server answered, so the notice says what the person did.
 */
export type Arrival = { via: "invite"; library: Library } | { via: "device" };

export function arrivalNotice(arrival: Arrival): string {
  switch (arrival.via) {
    case "invite":
      return `You joined “${libraryTitle(arrival.library)}”. Its boards are listed below with yours.`;
    case "device":
      return "This browser now has the same boards as your other device.";
    default: {
      const unhandled: never = arrival;
      return unhandled;
    }
  }
}
