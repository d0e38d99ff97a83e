/**
 * Prism, loaded inside a Web Worker, installs its own message listener that JSON-parses every message and posts
 * highlighted code back (its "worker mode"). Our workers speak the job protocol instead, so that listener is
 * switched off through the flag Prism reads from the global scope while it loads; import this module first.
 */
(globalThis as { Prism?: { disableWorkerMessageHandler: boolean } }).Prism = { disableWorkerMessageHandler: true };
