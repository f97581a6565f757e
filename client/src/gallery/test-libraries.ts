import type { EditEntry, Library, LibraryEntry, TrashEntry } from "@whiteboard/shared";

/** Contract-shaped fixtures for the gallery's tests: ids are 22 characters, as the server's are. */
export function editEntry(key: string, updatedAt = "2025-01-01T00:00:00.000Z", name = key): EditEntry {
  return {
    role: "edit",
    id: key.padEnd(22, "e"),
    viewId: key.padEnd(22, "v"),
    name,
    updatedAt,
    elementCount: 0,
    editors: 0,
    viewers: 0,
  };
}

export function viewEntry(key: string, updatedAt = "2025-01-01T00:00:00.000Z", name = key): LibraryEntry {
  return { role: "view", viewId: key.padEnd(22, "v"), name, updatedAt, elementCount: 0, editors: 0, viewers: 0 };
}

export function trashEntry(key: string): TrashEntry {
  return { ...editEntry(key), deletedAt: "2025-01-02T00:00:00.000Z", purgeAt: "2025-01-09T00:00:00.000Z" };
}

export function library(key: string, boards: LibraryEntry[] = [], extra: Partial<Library> = {}): Library {
  const personal = extra.personal ?? false;
  return {
    id: key.padEnd(22, "l"),
    name: key,
    personal,
    ...(personal ? {} : { invite: key.padEnd(22, "i") }),
    boards,
    trash: [],
    ...extra,
  };
}
