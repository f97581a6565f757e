import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { matchRoute } from "./routes";
import { applyStoredScheme } from "./canvas/color-scheme";
import "./styles.css";

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

// Every page follows the light/dark choice made with the editor's toggle.
applyStoredScheme(window);

// Links are plain `<a href>`: each page is a full load, so the route is read once, here.
createRoot(container).render(
  <StrictMode>
    <App route={matchRoute(window.location.pathname)} />
  </StrictMode>,
);
