/** The help panel's styles, beside the layer's own (runtime/ui/styles.ts), in its shadow root. */
export const HELP_CSS = `
.wm-help{position:fixed;pointer-events:auto;display:flex;flex-direction:column;width:min(380px,calc(100vw - 32px));max-height:calc(100vh - 96px - var(--wm-shift,0px));background:#fff;border:1px solid #c9cfe0;border-radius:10px;box-shadow:0 8px 28px rgba(16,24,64,.28);padding:12px 0 0}
.wm-help[data-corner$=right]{right:16px}.wm-help[data-corner$=left]{left:16px}
.wm-help[data-corner^=bottom]{bottom:calc(64px + var(--wm-shift,0px))}
.wm-help[data-corner^=top]{top:calc(64px + var(--wm-shift,0px))}
.wm-help>.wm-head{padding:0 16px}
.wm-help-body{overflow-y:auto;padding:0 16px 12px}
.wm-help h3{margin:14px 0 6px;font-size:13px;font-weight:650;color:#3a4157;text-transform:uppercase;letter-spacing:.03em}
.wm-help-search{display:flex;flex-direction:column;gap:4px}
.wm-help-search label{font-weight:600}
.wm-help-search input{font:inherit;padding:6px 8px;border:1px solid #8c94ad;border-radius:6px}
.wm-help-search input:focus-visible{outline:3px solid #4254d6;outline-offset:1px}
.wm-help-hint{color:#4f566b;font-size:12px;margin:2px 0}
.wm-help-list{list-style:none;margin:0;padding:0}
.wm-help-guide{display:flex;gap:8px;align-items:center;justify-content:space-between;padding:6px 0;border-bottom:1px solid #e6e9f2}
.wm-help-text{display:flex;flex-direction:column;min-width:0}
.wm-help-name{font-weight:600}
.wm-help-excerpt,.wm-help-where,.wm-help-status{font-size:12px;color:#4f566b}
.wm-help-status[data-status=completed]{color:#1d6b35}
.wm-help-progress{margin:0 0 4px;font-size:13px}
.wm-help-error{color:#a4262c;margin:6px 0}
.wm-help-foot{display:flex;flex-direction:column;align-items:flex-start;gap:2px;margin:14px 0 4px}
.wm-help a{color:#2f3fc4;text-decoration:underline}
`;
