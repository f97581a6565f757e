import { redeemDeviceLink } from "./api/library-api";
import { DevicePage } from "./device/DevicePage";
import { EditorPage } from "./editor/EditorPage";
import { Gallery } from "./gallery/Gallery";
import { JoinPage } from "./join/JoinPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import type { Route } from "./routes";
import { ViewerPage } from "./viewer/ViewerPage";

export function App({ route }: { route: Route }) {
  switch (route.page) {
    case "gallery":
      return <Gallery />;
    case "editor":
      return <EditorPage id={route.id} />;
    case "viewer":
      return <ViewerPage viewId={route.viewId} />;
    case "join":
      return <JoinPage invite={route.invite} renderJoined={(library) => <Gallery arrival={{ via: "invite", library }} />} />;
    case "device":
      return <DevicePage token={route.token} redeem={redeemDeviceLink} renderLinked={() => <Gallery arrival={{ via: "device" }} />} />;
    case "not-found":
      return <NotFoundPage />;
    default: {
      const unhandled: never = route;
      return unhandled;
    }
  }
}
