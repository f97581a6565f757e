import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// In development Vite serves the pages and the Node server serves everything else; one origin
// for both keeps the editor's WebSocket origin check and the viewer's EventSource simple.
const SERVER = "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/api": { target: SERVER, changeOrigin: false },
      "/ws": { target: SERVER, ws: true, changeOrigin: false },
      "/healthz": { target: SERVER },
    },
  },
});
