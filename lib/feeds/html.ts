import type { HostNode } from '@/lib/feeds/static-tree';

/**
 * Serializes host nodes to HTML the way react-dom/server's
 * renderToStaticMarkup does for the attributes reviews use (tests compare the
 * two on real reviews), so feed readers get the same markup as the page.
 */

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const SKIPPED = new Set(['children', 'dangerouslySetInnerHTML', 'key', 'ref', 'defaultValue', 'defaultChecked', 'innerHTML', 'suppressContentEditableWarning', 'suppressHydrationWarning']);
const BOOLEAN = new Set(
  'checked selected inert allowFullScreen async autoPlay controls credentialless default defer disabled disablePictureInPicture disableRemotePlayback formNoValidate hidden loop noModule noValidate open playsInline readOnly required reversed scoped seamless itemScope'.split(' '),
);
const LOWERCASE_BOOLEAN = new Set(['autoFocus', 'multiple', 'muted']);
const VERBATIM = new Set(['contentEditable', 'spellCheck', 'draggable', 'value', 'autoReverse', 'externalResourcesRequired', 'focusable', 'preserveAlpha']);
const ALIASES: Record<string, string> = {
  className: 'class',
  tabIndex: 'tabindex',
  htmlFor: 'for',
  acceptCharset: 'accept-charset',
  httpEquiv: 'http-equiv',
  crossOrigin: 'crossorigin',
  xlinkHref: 'xlink:href',
  xlinkActuate: 'xlink:actuate',
  xlinkArcrole: 'xlink:arcrole',
  xlinkRole: 'xlink:role',
  xlinkShow: 'xlink:show',
  xlinkTitle: 'xlink:title',
  xlinkType: 'xlink:type',
  xmlBase: 'xml:base',
  xmlLang: 'xml:lang',
  xmlSpace: 'xml:space',
  xmlnsXlink: 'xmlns:xlink',
  'panose-1': 'panose-1',
};
// SVG presentation attributes React writes hyphenated (KaTeX emits SVG).
for (const name of 'accentHeight alignmentBaseline arabicForm baselineShift capHeight clipPath clipRule colorInterpolation colorInterpolationFilters colorProfile colorRendering dominantBaseline enableBackground fillOpacity fillRule floodColor floodOpacity fontFamily fontSize fontSizeAdjust fontStretch fontStyle fontVariant fontWeight glyphName glyphOrientationHorizontal glyphOrientationVertical horizAdvX horizOriginX imageRendering letterSpacing lightingColor markerEnd markerMid markerStart maskType overlinePosition overlineThickness paintOrder pointerEvents renderingIntent shapeRendering stopColor stopOpacity strikethroughPosition strikethroughThickness strokeDasharray strokeDashoffset strokeLinecap strokeLinejoin strokeMiterlimit strokeOpacity strokeWidth textAnchor textDecoration textRendering transformOrigin underlinePosition underlineThickness unicodeBidi unicodeRange unitsPerEm vAlphabetic vHanging vIdeographic vMathematical vectorEffect vertAdvY vertOriginX vertOriginY wordSpacing writingMode xHeight'.split(' ')) {
  ALIASES[name] = name.replace(/([A-Z])/g, '-$1').toLowerCase();
}
const UNITLESS = new Set(
  'animationIterationCount aspectRatio borderImageOutset borderImageSlice borderImageWidth boxFlex boxFlexGroup boxOrdinalGroup columnCount columns flex flexGrow flexPositive flexShrink flexNegative flexOrder gridArea gridRow gridRowEnd gridRowSpan gridRowStart gridColumn gridColumnEnd gridColumnSpan gridColumnStart fontWeight lineClamp lineHeight opacity order orphans scale tabSize widows zIndex zoom fillOpacity floodOpacity stopOpacity strokeDasharray strokeDashoffset strokeMiterlimit strokeOpacity strokeWidth MozAnimationIterationCount MozBoxFlex MozBoxFlexGroup MozLineClamp msAnimationIterationCount msFlex msZoom msFlexGrow msFlexNegative msFlexOrder msFlexPositive msFlexShrink msGridColumn msGridColumnSpan msGridRow msGridRowSpan WebkitAnimationIterationCount WebkitBoxFlex WebKitBoxFlexGroup WebkitBoxOrdinalGroup WebkitColumnCount WebkitColumns WebkitFlex WebkitFlexGrow WebkitFlexPositive WebkitFlexShrink WebkitLineClamp'.split(' '),
);
const VALID_NAME = /^[:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD][:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\-.0-9\u00B7\u0300-\u036F\u203F-\u2040]*$/;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const isCallable = (value: unknown) => typeof value === 'function' || typeof value === 'symbol';

function styleText(style: unknown): string {
  if (!style || typeof style !== 'object') return '';
  const parts: string[] = [];
  for (const [name, value] of Object.entries(style)) {
    if (value === null || value === undefined || typeof value === 'boolean' || value === '') continue;
    if (name.startsWith('--')) {
      parts.push(`${escapeHtml(name)}:${escapeHtml(String(value).trim())}`);
      continue;
    }
    const cssName = escapeHtml(name.replace(/([A-Z])/g, '-$1').toLowerCase().replace(/^ms-/, '-ms-'));
    const cssValue = typeof value === 'number' ? (value !== 0 && !UNITLESS.has(name) ? `${value}px` : String(value)) : escapeHtml(String(value).trim());
    parts.push(`${cssName}:${cssValue}`);
  }
  return parts.join(';');
}

function attribute(name: string, value: unknown): string {
  if (SKIPPED.has(name) || value === null || value === undefined) return '';
  if (name === 'style') {
    const css = styleText(value);
    return css ? ` style="${css}"` : '';
  }
  if (BOOLEAN.has(name)) return value && !isCallable(value) ? ` ${name}=""` : '';
  if (LOWERCASE_BOOLEAN.has(name)) return value && !isCallable(value) ? ` ${name.toLowerCase()}=""` : '';
  if (VERBATIM.has(name)) return isCallable(value) ? '' : ` ${name}="${escapeHtml(value)}"`;
  if (name === 'src' || name === 'href' || name === 'action' || name === 'formAction' || name === 'xlinkHref') {
    if (value === '' && name !== 'xlinkHref') return '';
    if (isCallable(value) || typeof value === 'boolean') return '';
    const url = /^[\u0000-\u001F ]*j[\r\n\t]*a[\r\n\t]*v[\r\n\t]*a[\r\n\t]*s[\r\n\t]*c[\r\n\t]*r[\r\n\t]*i[\r\n\t]*p[\r\n\t]*t[\r\n\t]*:/i.test(String(value))
      ? "javascript:throw new Error('React has blocked a javascript: URL as a security precaution.')"
      : String(value);
    return ` ${ALIASES[name] ?? name}="${escapeHtml(url)}"`;
  }
  if (name === 'capture' || name === 'download') {
    if (value === true) return ` ${name}=""`;
    return value === false || isCallable(value) ? '' : ` ${name}="${escapeHtml(value)}"`;
  }
  if (['cols', 'rows', 'size', 'span'].includes(name)) return isCallable(value) || Number.isNaN(Number(value)) || Number(value) < 1 ? '' : ` ${name}="${escapeHtml(value)}"`;
  if (name === 'rowSpan' || name === 'start') return isCallable(value) || Number.isNaN(Number(value)) ? '' : ` ${name}="${escapeHtml(value)}"`;
  if (name.length > 2 && /^on/i.test(name)) return '';
  const htmlName = ALIASES[name] ?? name;
  if (!VALID_NAME.test(htmlName) || isCallable(value)) return '';
  if (typeof value === 'boolean') {
    const prefix = htmlName.toLowerCase().slice(0, 5);
    if (prefix !== 'data-' && prefix !== 'aria-') return '';
  }
  return ` ${htmlName}="${escapeHtml(value)}"`;
}

// React writes an <input>'s checked and value after its other attributes.
function attributeOrder(tag: string, props: Record<string, unknown>): [string, unknown][] {
  const entries = Object.entries(props);
  if (tag !== 'input') return entries;
  const late = ['checked', 'value'];
  return [...entries.filter(([name]) => !late.includes(name)), ...late.filter((name) => name in props).map((name): [string, unknown] => [name, props[name]])];
}

/** HTML for host nodes; text and attribute values are escaped as React escapes them. */
export function toHtml(nodes: HostNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') {
      out += escapeHtml(node);
      continue;
    }
    const { tag, props, children } = node;
    let attrs = '';
    for (const [name, value] of attributeOrder(tag, props)) attrs += attribute(name, value);
    if (VOID.has(tag)) {
      out += `<${tag}${attrs}/>`;
      continue;
    }
    const inner = (props.dangerouslySetInnerHTML as { __html?: unknown } | undefined)?.__html;
    const body = inner !== undefined && inner !== null ? String(inner) : toHtml(children);
    // Browsers drop one leading newline inside <pre>/<textarea>; React adds one so content survives.
    const lead = (tag === 'pre' || tag === 'textarea' || tag === 'listing') && body.startsWith('\n') ? '\n' : '';
    out += `<${tag}${attrs}>${lead}${body}</${tag}>`;
  }
  return out;
}
