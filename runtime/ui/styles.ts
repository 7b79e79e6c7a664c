/**
 * Styles of everything injected into CRM pages. They live inside our shadow root, so host CSS
 * cannot reach them and they cannot leak out; `:host` declarations are !important because, for
 * important rules, the shadow tree's own context beats the page's `* { … !important }`.
 */
export const LAYER_CSS = `
:host{all:initial!important;display:block!important;position:fixed!important;inset:0!important;width:100vw!important;height:100vh!important;margin:0!important;padding:0!important;border:0!important;background:transparent!important;overflow:visible!important;pointer-events:none!important;z-index:2147483647!important;visibility:visible!important;opacity:1!important;transform:none!important;filter:none!important}
.wm-root{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f2a;letter-spacing:normal;text-align:left;text-transform:none}
.wm-root *{box-sizing:border-box}
.wm-card{position:fixed;left:0;top:0;visibility:hidden;pointer-events:auto;width:max-content;max-width:min(340px,calc(100vw - 16px));background:#fff;border:1px solid #c9cfe0;border-radius:10px;box-shadow:0 8px 28px rgba(16,24,64,.28);padding:14px 16px 12px;outline:none}
.wm-card:focus-visible{outline:3px solid #4254d6;outline-offset:2px}
.wm-centered{left:50%;top:50%;transform:translate(-50%,-50%);visibility:visible}
.wm-hint{max-width:min(260px,calc(100vw - 16px));padding:8px 12px;border-color:#d9822b;background:#fff8ee;pointer-events:none}
.wm-hint a{pointer-events:auto}
.wm-hint>.wm-arrow{background:#fff8ee;border-color:#d9822b}
.wm-hint p{margin:0}
.wm-missing{left:auto;top:auto;right:16px;bottom:68px;visibility:visible;border-color:#d9822b}
.wm-arrow{position:absolute;width:10px;height:10px;background:#fff;border:1px solid #c9cfe0;transform:rotate(45deg)}
[data-side=bottom]>.wm-arrow{top:-6px;border-right:0;border-bottom:0}
[data-side=top]>.wm-arrow{bottom:-6px;border-left:0;border-top:0}
[data-side=left]>.wm-arrow{right:-6px;border-left:0;border-bottom:0}
[data-side=right]>.wm-arrow{left:-6px;border-right:0;border-top:0}
.wm-head{display:flex;align-items:flex-start;gap:8px}
.wm-title{flex:1;margin:0 0 6px;font-size:15px;font-weight:650;line-height:1.3}
.wm-body{margin:0 0 10px}
.wm-body p{margin:0 0 6px}.wm-body ul{margin:0 0 6px;padding-left:20px}
.wm-body a{color:#2f3fc4;text-decoration:underline}
.wm-foot{display:flex;align-items:center;gap:6px;flex-wrap:wrap}
.wm-champion{margin:0 0 8px;font-size:13px}
.wm-later{display:flex;gap:6px;flex-wrap:wrap;margin:0 0 8px}
.wm-root .wm-later button{padding:3px 9px;font-size:12px}
.wm-champion a{color:#2f3fc4;text-decoration:underline}
.wm-progress{flex:1;color:#5b6275;font-size:12px}
.wm-root button{appearance:none;font-family:inherit;cursor:pointer;border:1px solid #b8bfd6;background:#f4f6fb;color:#1b1f2a;border-radius:6px;padding:5px 11px;font-size:13px;line-height:1.3}
.wm-root button:hover{background:#e8ecf7}
.wm-root button:focus-visible{outline:3px solid #4254d6;outline-offset:2px}
.wm-root .wm-primary{background:#3646c9;border-color:#3646c9;color:#fff}
.wm-root .wm-primary:hover{background:#2b39a8}
.wm-root .wm-close{border:0;background:transparent;padding:0 4px;font-size:18px;line-height:1;color:#5b6275}
.wm-backdrop{position:fixed;inset:0;pointer-events:auto;background:rgba(16,20,40,.45)}
.wm-spot{position:fixed;pointer-events:none;border-radius:8px;box-shadow:0 0 0 200vmax rgba(16,20,40,.55);outline:2px solid #fff;visibility:hidden}
.wm-beacon{position:fixed;pointer-events:auto;width:18px;height:18px;min-width:0;padding:0!important;border-radius:50%!important;border:2px solid #fff!important;background:#e0483e!important;box-shadow:0 0 0 0 rgba(224,72,62,.6);animation:wm-pulse 1.6s infinite;visibility:hidden}
@keyframes wm-pulse{70%{box-shadow:0 0 0 12px rgba(224,72,62,0)}100%{box-shadow:0 0 0 0 rgba(224,72,62,0)}}
.wm-scale{display:flex;flex-wrap:wrap;gap:4px;margin:8px 0 12px}
.wm-scale button{min-width:34px}
.wm-question{margin:0 0 4px;font-weight:600}
.wm-root .wm-launcher{position:fixed;pointer-events:auto;display:inline-flex;align-items:center;gap:6px;padding:7px 14px 7px 8px;border-radius:20px;border-color:#3646c9;background:#3646c9;color:#fff;font-weight:600;box-shadow:0 4px 14px rgba(16,24,64,.3)}
.wm-root .wm-launcher:hover{background:#2b39a8}
.wm-launcher[data-corner$=right]{right:16px}.wm-launcher[data-corner$=left]{left:16px}
.wm-launcher[data-corner^=bottom]{bottom:calc(16px + var(--wm-shift,0px))}
.wm-launcher[data-corner^=top]{top:calc(16px + var(--wm-shift,0px))}
.wm-launcher-mark{display:inline-grid;place-items:center;width:20px;height:20px;border-radius:50%;background:#fff;color:#3646c9;font-size:13px}
.wm-status{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
@media (prefers-reduced-motion:reduce){.wm-beacon{animation:none}}
.wm-announcement{position:fixed;top:0;left:0;right:0;pointer-events:auto;display:flex;align-items:center;gap:12px;padding:6px 12px;background:#1f2a6b;color:#fff;box-shadow:0 2px 10px rgba(16,24,64,.3)}
.wm-announcement-text{flex:1;min-width:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.wm-announcement a{color:#fff;text-decoration:underline}
.wm-announcement a:focus-visible{outline:3px solid #fff;outline-offset:2px}
.wm-announcement button:focus-visible{outline-color:#fff}
.wm-announcement .wm-close{color:#fff}
`;
