import { z } from "zod";

/**
 * Zod compiles its object parsers with `new Function` when it may, and finds out whether it may
 * by trying as soon as a schema is built. The pages run under a CSP without 'unsafe-eval' (README,
 * Security): the try fails quietly, but the browser still reports a `securitypolicyviolation` on
 * every page load. `jitless` skips both the probe and the compiling; the contract's bodies are a
 * few fields, so the interpreter's speed is all they need, on either side. Every module of this
 * package that builds a schema imports this one first.
 */
z.config({ jitless: true });
