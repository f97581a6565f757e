import { MessagePage } from "../pages/MessagePage";

/**
 * Shown when the board's links are reset under an open editor (close 4401): the board lives on
 * under new ids, but this page's id opens nothing, so nothing reconnects after this.
 */
export function LinksResetPage({ name }: { name: string }) {
  return (
    <MessagePage title="Link reset" heading="This link was reset" testid="links-reset">
      Someone reset the links of “{name}”, so the link you opened it with no longer works. The board is still there: ask
      whoever shares it with you for the new link.
    </MessagePage>
  );
}
