// Small readers for built output in tests: link extraction, entity decoding and an XML
// well-formedness check (no XML parser is a dependency, and feeds only need this much).

/** Every `href`/`src`/`action` value in an HTML document, entity-decoded. */
export function linksIn(markup: string): string[] {
  return [...markup.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => decodeEntities(m[1] ?? ""));
}

export function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") return String.fromCodePoint(ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    return named[ref] ?? whole;
  });
}

/** Text of the first element matching `tag` (and optional attribute text), tags stripped and decoded. */
export function textOf(markup: string, open: RegExp): string | null {
  const match = open.exec(markup);
  if (!match) return null;
  const rest = markup.slice(match.index + match[0].length);
  const tag = /^<(\w+)/.exec(match[0])?.[1] ?? "";
  const end = rest.indexOf(`</${tag}>`);
  return decodeEntities(rest.slice(0, end).replace(/<[^>]*>/g, "")).trim();
}

/** The contents of every `<script type="application/ld+json">`. */
export function jsonLdBlocks(markup: string): string[] {
  return [...markup.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "");
}

/** Throws with a position when `xml` is not well-formed (tags balanced, attributes quoted, entities valid). */
export function assertWellFormedXml(xml: string): void {
  const stack: string[] = [];
  const token = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  let roots = 0;
  for (const m of xml.matchAll(token)) {
    const at = m.index;
    const [, close, open, attrs, selfClose, text, stray] = m;
    if (stray) throw new Error(`stray "<" at offset ${at}: ${xml.slice(at, at + 40)}`);
    if (text !== undefined) {
      if (stack.length === 0 && text.trim() !== "") throw new Error(`text outside the root at ${at}`);
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text)) throw new Error(`bad entity at ${at}: ${text.slice(0, 40)}`);
      continue;
    }
    if (attrs && /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(attrs)) throw new Error(`bad entity in attribute at ${at}`);
    if (open) {
      if (stack.length === 0) roots++;
      if (!selfClose) stack.push(open);
    } else if (close) {
      const top = stack.pop();
      if (top !== close) throw new Error(`</${close}> at ${at} closes <${top ?? "nothing"}>`);
    }
  }
  if (stack.length) throw new Error(`unclosed <${stack.join("> <")}>`);
  if (roots !== 1) throw new Error(`expected one root element, found ${roots}`);
}
