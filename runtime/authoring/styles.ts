/** The authoring panel's styles, added to the layer's shadow root beside the step styles. */
export const AUTHOR_CSS = `
.wm-author{position:fixed;right:16px;bottom:16px;width:min(400px,calc(100vw - 32px));max-height:calc(100vh - 32px);overflow:auto;pointer-events:auto;background:#fff;border:1px solid #c9cfe0;border-radius:10px;box-shadow:0 8px 28px rgba(16,24,64,.28);padding:12px 14px}
.wm-author h3{font-size:13px;margin:12px 0 6px;text-transform:uppercase;letter-spacing:.04em;color:#5b6275}
.wm-author-bar{display:flex;align-items:center;gap:10px;width:auto;max-width:min(520px,calc(100vw - 32px))}
.wm-author-grid{display:grid;grid-template-columns:max-content 1fr;gap:6px 10px;align-items:center;margin:6px 0}
.wm-author input:not([type=checkbox]),.wm-author select,.wm-author textarea{font:inherit;border:1px solid #b8bfd6;border-radius:6px;padding:4px 6px;width:100%;background:#fff;color:#1b1f2a}
.wm-author input:focus-visible,.wm-author select:focus-visible,.wm-author textarea:focus-visible{outline:3px solid #4254d6;outline-offset:1px}
.wm-author fieldset{border:1px solid #dde1ee;border-radius:8px;margin:8px 0;padding:6px 10px 10px}
.wm-author legend{font-weight:600;padding:0 4px}
.wm-author-roles label{display:inline-flex;align-items:center;gap:4px;margin-right:10px}
.wm-author-note{color:#5b6275;font-size:12px;margin:6px 0}
.wm-author-wide{grid-column:1/-1;margin:0}
.wm-author code{font:12px ui-monospace,Menlo,Consolas,monospace;background:#f1f3f9;border-radius:4px;padding:0 3px;word-break:break-all}
.wm-author-steps{margin:0;padding-left:22px}
.wm-author-steps li{margin:4px 0}
.wm-author-step{display:block}
.wm-author-actions{display:inline-flex;gap:4px;flex-wrap:wrap}
.wm-author-actions button{padding:2px 8px}
.wm-author-strategies{border-collapse:collapse;width:100%;margin:8px 0;font-size:12px}
.wm-author-strategies caption{text-align:left;color:#5b6275}
.wm-author-strategies th,.wm-author-strategies td{border-bottom:1px solid #e6e9f2;padding:3px 4px;text-align:left;vertical-align:top}
.wm-author-problems{border:1px solid #f1c4c0;background:#fdf1f0;color:#a3231b;border-radius:6px;padding:6px 10px;margin:8px 0}
.wm-author-problems p{margin:0 0 4px}
.wm-author-problems ul{margin:0;padding-left:18px}
.wm-author-foot{margin-top:10px}
.wm-author-more{border-top:1px solid #e6e9f2;margin:8px 0;padding-top:6px}
.wm-author-more summary{cursor:pointer;font-weight:600;padding:2px 0}
.wm-author-more summary:focus-visible,.wm-author h3:focus-visible{outline:3px solid #4254d6;outline-offset:1px}
.wm-author-row{display:flex;gap:6px}
.wm-author-check{display:flex;align-items:center;gap:6px;margin:4px 0}
.wm-author-problem{color:#a3231b;margin:6px 0}
.wm-author-languages ul{margin:4px 0;padding-left:18px}
.wm-author-check-result h3{text-transform:none;letter-spacing:0;font-size:13px;color:#1b1f2a}
.wm-pick-outline{position:fixed;pointer-events:none;outline:2px solid #e0483e;background:rgba(224,72,62,.12);border-radius:3px}
`;
