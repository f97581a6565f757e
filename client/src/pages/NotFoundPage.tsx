import { MessagePage } from "./MessagePage";

export function NotFoundPage({
  heading = "Page not found",
  message = "There is nothing at this address.",
}: {
  heading?: string;
  message?: string;
}) {
  return (
    <MessagePage title={heading} heading={heading} testid="not-found">
      {message}
    </MessagePage>
  );
}
