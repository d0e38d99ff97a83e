import { config } from "zod";

// Pages forbid eval (Content-Security-Policy, proxy.ts). zod probes `new Function` once to decide whether to compile
// its parsers, and the browser reports that probe as a CSP violation; jitless parsing skips the probe.
config({ jitless: true });
