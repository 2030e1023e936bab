/** Where an operator's trace link points (vite.config.ts `define`). */
declare const __TRACE_VIEWER__: string;
