/** The least content script's first file, as Crosscheck's: its clock starts before its bundle is compiled. */
(globalThis as { leastScriptClock?: number }).leastScriptClock = performance.now();
