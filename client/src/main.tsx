import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { matchRoute } from "./routes";
import "./styles.css";

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

// Links are plain `<a href>`: each page is a full load, so the route is read once, here.
createRoot(container).render(
  <StrictMode>
    <App route={matchRoute(window.location.pathname)} />
  </StrictMode>,
);
