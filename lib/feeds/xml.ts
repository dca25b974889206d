// Characters XML 1.0 forbids outright; a stray one makes strict readers reject the whole feed.
const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text or attribute value for XML. */
export function escapeXml(value: string): string {
  return value.replace(INVALID_XML, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** A CDATA section; `]]>` in the text is split across two sections so it cannot end the first early. */
export function cdata(value: string): string {
  return `<![CDATA[${value.replace(INVALID_XML, '').replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** `<name attrs>escaped text</name>`; attributes are escaped too. */
export function element(name: string, text: string, attrs: Record<string, string> = {}): string {
  return `<${name}${attributes(attrs)}>${escapeXml(text)}</${name}>`;
}

export function attributes(attrs: Record<string, string>): string {
  return Object.entries(attrs)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
}
