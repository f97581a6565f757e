import { type Library, PERSONAL_LIBRARY_NAME } from "@whiteboard/shared";

/** The personal library goes by one name for everyone, whatever the server stores for it. */
export function libraryTitle(library: Library): string {
  return library.personal ? PERSONAL_LIBRARY_NAME : library.name;
}
