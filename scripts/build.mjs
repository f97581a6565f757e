// `npm run build`: pnpm at the pinned version, dependencies, then whatever is stale.
import { buildStale } from "./lib/build.mjs";
import { ensurePnpm, installDependencies } from "./lib/pnpm.mjs";

const pnpm = await ensurePnpm();
await installDependencies(pnpm);
await buildStale(pnpm);
