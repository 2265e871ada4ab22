/** The portal's only stylesheet (served from the portal itself: the CSP allows no inline style). Phone first, 360 px. */
export const PORTAL_CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;font-size:16px;line-height:1.5;color:#1d2329;background:#f2f4f7}
header{background:#0b5cad;color:#fff;padding:12px 14px}
header .row{display:flex;justify-content:space-between;align-items:center;gap:8px}
header h1{font-size:18px;margin:0;font-weight:600}
header .sub{font-size:13px;opacity:.9;margin-top:2px}
header a.lang{color:#fff;border:1px solid rgba(255,255,255,.7);border-radius:14px;padding:3px 12px;text-decoration:none;font-size:14px;white-space:nowrap}
main{padding:10px;max-width:720px;margin:0 auto}
.card{background:#fff;border-radius:10px;padding:12px 14px;margin:0 0 10px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.card h2{font-size:17px;margin:0 0 6px}
.card h3{font-size:15px;margin:12px 0 6px;color:#44515e}
a.po{display:block;color:inherit;text-decoration:none}
.po-head{display:flex;justify-content:space-between;align-items:baseline;gap:8px}
.po-head .no{font-size:18px;font-weight:700;color:#0b5cad}
.chip{display:inline-block;font-size:12px;border-radius:10px;padding:1px 8px;background:#e8eef5;color:#33414f}
.chip.warn{background:#fff1e0;color:#8a4b00}
.chip.bad{background:#fde8e8;color:#a01f1f}
.chip.ok{background:#e3f5e9;color:#1b6b34}
.muted{color:#66727f;font-size:14px}
.asks{margin:8px 0 0;padding:0;list-style:none}
.asks li{padding:6px 8px;margin:4px 0;border-left:4px solid #f0a020;background:#fff8ec;border-radius:4px;font-size:15px}
.asks li.overdue{border-color:#d23b3b;background:#fdeeee}
.bar{height:8px;background:#e6e9ee;border-radius:4px;overflow:hidden;margin-top:6px}
.bar span{display:block;height:100%;background:#2e9d57}
.p0{width:0}.p10{width:10%}.p20{width:20%}.p30{width:30%}.p40{width:40%}.p50{width:50%}.p60{width:60%}.p70{width:70%}.p80{width:80%}.p90{width:90%}.p100{width:100%}
table{width:100%;border-collapse:collapse;font-size:14px}
td,th{text-align:left;padding:6px 4px;border-bottom:1px solid #edf0f3;vertical-align:top}
th{font-weight:600;color:#55626f;font-size:13px}
td+td,th+th{white-space:nowrap}
.ms-done{color:#1b6b34}
.ms-late{color:#a01f1f;font-weight:600}
details{margin:6px 0;border:1px solid #dfe4ea;border-radius:8px;background:#fafbfc}
details summary{padding:10px 12px;cursor:pointer;font-weight:600;color:#0b5cad;list-style:none}
details summary::-webkit-details-marker{display:none}
details summary::before{content:"＋ ";}
details[open] summary::before{content:"－ ";}
details form{padding:0 12px 12px}
label{display:block;font-size:14px;color:#44515e;margin:8px 0 3px}
input,select,textarea{width:100%;font-size:16px;padding:9px 10px;border:1px solid #c8d0d9;border-radius:6px;background:#fff;font-family:inherit}
textarea{min-height:80px}
input[type=file]{padding:6px;font-size:14px}
button{width:100%;margin-top:10px;font-size:17px;padding:11px;border:0;border-radius:8px;background:#0b5cad;color:#fff;font-weight:600;font-family:inherit}
button.secondary{background:#fff;color:#a01f1f;border:1px solid #a01f1f}
.two{display:flex;gap:8px}.two>*{flex:1}
.notice{padding:10px 12px;border-radius:8px;margin:0 0 10px;font-size:15px}
.notice.ok{background:#e3f5e9;color:#1b6b34}
.notice.err{background:#fde8e8;color:#a01f1f}
.back{display:inline-block;margin:2px 0 8px;color:#0b5cad;text-decoration:none;font-size:15px}
.hint{font-size:12px;color:#7a8591;text-align:center;margin:14px 0}
.pre{white-space:pre-wrap}
`;
