/** Where the content script's first file leaves its clock for the main bundle (script-clock.ts). */
export const scriptClockKey = 'crosscheckScriptClock';
