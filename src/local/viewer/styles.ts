/**
 * The viewer's one stylesheet, served as /viewer/assets/viewer.css (the CSP allows no inline style). System fonts,
 * a left navigation, sticky grid headers, and colour chips that follow Airtable's and Notion's palettes.
 */

/** Airtable choice colours (`blueLight2`, `redBright`, …) as [light background, text, bright background]. */
const AIRTABLE_HUES: Record<string, [string, string, string]> = {
  blue: ['#cfdfff', '#102046', '#2d7ff9'],
  cyan: ['#d0f0fd', '#04283f', '#18bfff'],
  teal: ['#c2f5e9', '#012524', '#20d9d2'],
  green: ['#d1f7c4', '#0b1d05', '#20c933'],
  yellow: ['#ffeab6', '#3b2501', '#fcb400'],
  orange: ['#fee2d5', '#6b2613', '#ff6f2c'],
  red: ['#ffdce5', '#4c0c1c', '#f82b60'],
  pink: ['#ffdaf6', '#400832', '#ff08c2'],
  purple: ['#ede2fe', '#280b42', '#8b46ff'],
  gray: ['#eeeeee', '#040404', '#666666'],
};

/** Notion colours: text colour and `_background` colour. */
const NOTION_COLORS: Record<string, [string, string]> = {
  default: ['inherit', 'transparent'],
  gray: ['#787774', '#f1f1ef'],
  brown: ['#9f6b53', '#f4eeee'],
  orange: ['#d9730d', '#fbecdd'],
  yellow: ['#cb912f', '#fbf3db'],
  green: ['#448361', '#edf3ec'],
  blue: ['#337ea9', '#e7f3f8'],
  purple: ['#9065b0', '#f6f3f9'],
  pink: ['#c14c8a', '#faf1f5'],
  red: ['#d44c47', '#fdebec'],
};

function chipRules(): string {
  const rules: string[] = ['.chip.at-default{background:#eeeeee;color:#333}'];
  for (const [hue, [light, text, bright]] of Object.entries(AIRTABLE_HUES)) {
    rules.push(`.chip.at-${hue}Light2,.chip.at-${hue}Light1,.col.at-${hue}Light2 .col-head,.col.at-${hue}Light1 .col-head{background:${light};color:${text}}`);
    rules.push(`.chip.at-${hue}Bright,.chip.at-${hue}Dark1,.col.at-${hue}Bright .col-head,.col.at-${hue}Dark1 .col-head{background:${bright};color:#fff}`);
    rules.push(`.chip.at-${hue}Dark1,.col.at-${hue}Dark1 .col-head{filter:brightness(.8)}`);
  }
  for (const [name, [text, background]] of Object.entries(NOTION_COLORS)) {
    rules.push(`.nc-${name}{color:${text}}.notion .nc-${name}_background{background:${background}}`);
    rules.push(`.chip.nt-${name}{background:${name === 'default' ? '#e3e2e0' : background};color:${name === 'default' ? '#32302c' : text}}`);
  }
  return rules.join('\n');
}

export const VIEWER_CSS = `
:root{--bg:#f7f7f5;--panel:#fff;--ink:#1f2328;--muted:#6a737d;--line:#e4e4e0;--accent:#2563eb;--nav:#1e2430;--nav-ink:#c9d1dc;--warn:#b45309}
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif;color:var(--ink);background:var(--bg);display:flex}
a{color:var(--accent);text-decoration:none}
a:hover{text-decoration:underline}
nav.side{width:248px;flex:none;background:var(--nav);color:var(--nav-ink);height:100vh;overflow-y:auto;position:sticky;top:0;padding:14px 0 24px}
nav.side .brand{display:block;color:#fff;font-weight:650;font-size:15px;padding:4px 18px 14px;letter-spacing:.2px}
nav.side .brand small{display:block;color:#8b96a8;font-weight:400;font-size:12px}
nav.side h2{font-size:11px;text-transform:uppercase;letter-spacing:.08em;color:#8b96a8;margin:16px 18px 4px;font-weight:600}
nav.side h3{font-size:12.5px;color:#e6ebf2;margin:8px 18px 2px;font-weight:600}
nav.side a{display:block;color:var(--nav-ink);padding:3px 18px 3px 26px;font-size:13px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
nav.side a.top{padding-left:18px}
nav.side a .sub{padding-left:12px;color:#aab4c3}
nav.side a:hover{background:#2b3344;text-decoration:none;color:#fff}
nav.side a.active{background:#34405a;color:#fff;box-shadow:inset 3px 0 0 #60a5fa}
nav.side .count{float:right;color:#8b96a8;font-size:11.5px}
main{flex:1;min-width:0;padding:22px 28px 60px;overflow-x:hidden}
header.page{display:flex;align-items:baseline;gap:14px;flex-wrap:wrap;margin-bottom:14px}
header.page h1{font-size:22px;margin:0;font-weight:650}
header.page .sub{color:var(--muted)}
.crumbs{color:var(--muted);font-size:12.5px;margin-bottom:6px}
.crumbs a{color:var(--muted)}
.tabs{display:flex;gap:6px;margin:0 0 12px}
.tabs a{padding:4px 12px;border-radius:6px;background:#eceff3;color:#333;font-size:13px}
.tabs a.on{background:var(--ink);color:#fff}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:16px 18px;margin-bottom:16px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:14px;margin-bottom:18px}
.panel h3{margin:0 0 10px;font-size:15px}.panel h3 .muted{font-weight:400;font-size:13px}
a.card{color:inherit;text-decoration:none}a.card:hover{border-color:#b8c4d6;box-shadow:0 1px 4px rgba(0,0,0,.06)}
.card{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:14px 16px}
.card .big{font-size:26px;font-weight:650}
.card .label{color:var(--muted);font-size:12.5px}
.muted{color:var(--muted)}
.empty{color:var(--muted);font-style:italic;padding:18px 0}
.gridwrap{overflow:auto;max-height:calc(100vh - 150px);background:var(--panel);border:1px solid var(--line);border-radius:10px}
table.grid{border-collapse:separate;border-spacing:0;font-size:13px;min-width:100%}
table.grid th,table.grid td{border-bottom:1px solid var(--line);border-right:1px solid #f0f0ee;padding:6px 10px;text-align:left;vertical-align:top;max-width:280px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
table.grid thead th{position:sticky;top:0;background:#f3f4f6;z-index:2;font-weight:600;white-space:nowrap;color:#3b4351}
table.grid th .ftype{color:#9aa3af;font-weight:400;margin-right:5px;font-size:11px}
table.grid tbody tr:hover td{background:#f8fafc}
table.grid td.primary,table.grid th.primary{position:sticky;left:0;background:#fff;z-index:1;font-weight:550;border-right:2px solid var(--line);min-width:160px}
table.grid thead th.primary{z-index:3;background:#f3f4f6}
table.grid tr:target td{background:#fffbdd}
table.grid td.rownum,table.grid th.rownum{color:#9aa3af;font-size:11.5px;text-align:right;min-width:36px}
td .clip{display:block;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:300px}
.chip{display:inline-block;border-radius:999px;padding:0 9px;font-size:12px;line-height:20px;margin:1px 3px 1px 0;white-space:nowrap}
.link-chip{display:inline-block;background:#e8f0fe;color:#1a4fb8;border-radius:4px;padding:0 7px;font-size:12.5px;line-height:20px;margin:1px 3px 1px 0;white-space:nowrap;max-width:240px;overflow:hidden;text-overflow:ellipsis;vertical-align:top}
.check{color:#16a34a;font-weight:700}
.warn{color:var(--warn)}
.issue{display:inline-block;background:#fff4e5;color:#92400e;border-radius:4px;padding:0 6px;font-size:12px}
.stars{color:#f59e0b;letter-spacing:1px}
.attach{display:inline-block;border:1px solid var(--line);border-radius:4px;padding:0 6px;font-size:12px;margin:1px 3px 1px 0;background:#fafafa}
dl.fields{display:grid;grid-template-columns:200px 1fr;gap:0;margin:0}
dl.fields dt{color:var(--muted);padding:8px 10px 8px 0;border-bottom:1px solid #f0f0ee;font-size:13px}
dl.fields dd{margin:0;padding:8px 0;border-bottom:1px solid #f0f0ee;white-space:pre-wrap;word-break:break-word}
.board{display:flex;gap:12px;overflow-x:auto;padding-bottom:12px;align-items:flex-start}
.col{flex:0 0 236px;background:#eef0f3;border-radius:10px;padding:0 8px 8px;max-height:calc(100vh - 150px);overflow-y:auto}
.col-head{position:sticky;top:0;margin:0 -8px 8px;padding:8px 12px;border-radius:10px 10px 0 0;font-weight:600;font-size:13px;display:flex;justify-content:space-between;background:#dfe3e8}
.kcard{background:#fff;border-radius:8px;padding:9px 11px;margin-bottom:8px;box-shadow:0 1px 2px rgba(0,0,0,.08);font-size:12.5px}
.kcard .title{font-weight:600;font-size:13.5px;display:block;margin-bottom:4px;overflow-wrap:anywhere}
.kcard .row{color:#4b5563;margin-top:2px}
.kcard .link-chip{max-width:100%}
.kcard .row b{font-weight:500;color:var(--muted)}
.notion{max-width:860px;background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:34px 54px 40px;font-size:15px;line-height:1.65}
.notion h1.title{font-size:32px;margin:4px 0 10px;line-height:1.2}
.notion .icon{font-size:40px;line-height:1}
.notion h2{font-size:23px;margin:26px 0 6px}.notion h3{font-size:19px;margin:20px 0 4px}.notion h4{font-size:16px;margin:16px 0 4px}
.notion p{margin:4px 0;min-height:1em;white-space:pre-wrap}
.notion blockquote{border-left:3px solid #333;margin:8px 0;padding:2px 14px}
.notion .callout{display:flex;gap:10px;background:#f1f1ef;border-radius:6px;padding:14px 16px;margin:8px 0}
.notion .callout .ci{font-size:20px;line-height:1.3}
.notion table.nt{border-collapse:collapse;margin:10px 0;font-size:14px;width:100%}
.notion table.nt td,.notion table.nt th{border:1px solid #e2e2df;padding:6px 9px;text-align:left;vertical-align:top}
.notion table.nt th{background:#f7f6f3;font-weight:600}
.notion figure{margin:12px 0}.notion figure img{max-width:100%;border-radius:6px;border:1px solid var(--line);min-height:60px;background:#f3f4f6}
.notion figcaption{color:var(--muted);font-size:13px}
.notion .bookmark{display:block;border:1px solid var(--line);border-radius:6px;padding:10px 14px;margin:8px 0;color:inherit}
.notion .bookmark .u{color:var(--muted);font-size:12.5px;word-break:break-all}
.notion .pagelink{display:block;padding:3px 0;font-weight:500}
.notion code{background:#f2f1ee;color:#eb5757;border-radius:4px;padding:1px 5px;font-size:85%}
.notion pre{background:#f7f6f3;border-radius:6px;padding:14px;overflow-x:auto}
.notion pre code{background:none;color:inherit;padding:0}
.notion .todo{display:flex;gap:8px}.notion .todo.done{color:var(--muted);text-decoration:line-through}
.notion details summary{cursor:pointer}
.props{display:grid;grid-template-columns:170px 1fr;font-size:14px;margin:6px 0 18px;border-bottom:1px solid var(--line);padding-bottom:12px}
.props div{padding:4px 0}.props .pn{color:var(--muted)}
.comments{margin-top:26px;border-top:1px solid var(--line);padding-top:12px}
.comment{padding:8px 0;border-bottom:1px solid #f0f0ee}
.comment .who{font-weight:600;font-size:13.5px}.comment .when{color:var(--muted);font-size:12px;margin-left:8px}
.layout2{display:flex;gap:20px;align-items:flex-start}.layout2 .notion{flex:1;min-width:0}
.tree{flex:0 0 250px;background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:10px 12px;font-size:13px;position:sticky;top:12px;max-height:calc(100vh - 40px);overflow:auto}
.tree ul{list-style:none;margin:0;padding-left:14px}.tree>ul{padding-left:0}
.tree li{margin:2px 0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.tree a.here{font-weight:650;color:var(--ink)}
.drive ul{list-style:none;margin:0;padding-left:20px}.drive>ul{padding-left:0}
.drive li{padding:3px 0}
.drive summary{cursor:pointer;font-weight:550}
.drive .meta{color:var(--muted);font-size:12px;margin-left:8px}
.drive .tag{display:inline-block;background:#f1f5f9;color:#475569;border-radius:4px;font-size:11px;padding:0 5px;margin-left:5px}
.drive .shared{color:#0f766e;font-size:11.5px;margin-left:8px;font-weight:400}
.drive li:target>details>summary,.drive li:target{background:#fffbdd}
table.list{border-collapse:collapse;width:100%;background:var(--panel);border:1px solid var(--line);border-radius:10px;overflow:hidden;font-size:13.5px}
table.list th,table.list td{padding:8px 12px;border-bottom:1px solid #f0f0ee;text-align:left;vertical-align:top}
table.list th{background:#f3f4f6;font-weight:600;color:#3b4351}
table.list tr:hover td{background:#f8fafc}
table.list .snip{color:var(--muted)}
.mailhead{display:grid;grid-template-columns:90px 1fr;font-size:13.5px;gap:2px 10px;margin-bottom:14px}
.mailhead .k{color:var(--muted);text-align:right}
iframe.mailbody{width:100%;min-height:520px;border:1px solid var(--line);border-radius:8px;background:#fff}
article.chatmsg{margin:0 0 18px}article.chatmsg .muted{margin-bottom:6px}
pre.mailtext{white-space:pre-wrap;word-break:break-word;font:13.5px/1.55 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#fbfbfa;border:1px solid var(--line);border-radius:8px;padding:14px;margin:0}
.pipeline{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}
.notion .lines,.notion p,.notion li,.notion blockquote,.comment div{white-space:pre-wrap}
.clockbar{display:flex;flex-wrap:wrap;align-items:center;gap:10px;background:#eef2ff;border:1px solid #c7d2fe;border-radius:10px;padding:8px 14px;margin:0 0 14px;font-size:13px}
.clockbar form{display:inline;margin:0}.clockbar a{margin-left:auto}
button{font:inherit;font-size:12.5px;border:1px solid #2563eb;background:#2563eb;color:#fff;border-radius:6px;padding:3px 10px;cursor:pointer}
button.secondary{background:#fff;color:#2563eb}
.flash{border-radius:10px;padding:10px 14px;margin:0 0 14px;border:1px solid #86efac;background:#f0fdf4}
.flash.bad{border-color:#fca5a5;background:#fef2f2}
.flash .req{margin-top:4px;font-size:13px}.flash code{background:#fff;padding:1px 5px;border-radius:4px}
pre.reqbody{margin:6px 0 0;background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px 10px;font-size:12px;max-height:220px;overflow:auto;white-space:pre-wrap}
.actions{display:inline-flex;gap:6px;margin-left:8px;vertical-align:middle}.actions form{margin:0}
ul.alerts{list-style:none;padding:0;margin:0}ul.alerts li{padding:6px 0;border-top:1px solid var(--line)}ul.alerts li:first-child{border-top:0}
.sev{display:inline-block;border-radius:4px;padding:0 6px;font-size:11.5px;font-weight:600;background:#e0e7ff;color:#3730a3}
.sev-critical{background:#fee2e2;color:#991b1b}.sev-warning{background:#ffedd5;color:#9a3412}
.badges{margin:2px 0 4px}
.panel.hint{border-color:#fcd34d;background:#fffbeb}
form.record dd input[type=text],form.record dd input[type=email],form.record dd input[type=url],form.record dd textarea{width:100%;max-width:640px;font:inherit;padding:3px 6px;border:1px solid var(--line);border-radius:5px}
form.record dd select,form.record dd input[type=number],form.record dd input[type=date],form.record dd input[type=datetime-local]{font:inherit;padding:2px 4px;border:1px solid var(--line);border-radius:5px}
.formbar{margin:12px 0 0}
form.client{margin:12px 0;padding:10px 12px;border:1px dashed #c7d2fe;border-radius:8px;background:#f8faff}
form.client h3{margin:0 0 6px;font-size:14px}
form.comment-form textarea{display:block;width:100%;margin:6px 0;font:inherit;padding:6px;border:1px solid var(--line);border-radius:5px}
.filters{display:flex;gap:10px;align-items:center;margin:0 0 10px;font-size:13px}.filters select{font:inherit}
${chipRules()}
`;
