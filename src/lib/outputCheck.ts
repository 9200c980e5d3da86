/**
 * Checks of what a build writes, before it is published: a fault that got
 * past the content checks (a character XML forbids, two elements with one
 * id, a link to an id the page lacks) fails the build instead of reaching
 * readers or feed readers.
 */

/** Characters XML 1.0 does not allow anywhere in a document. */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const NAME = /^[A-Za-z_:][\w.:-]*$/;
const ENTITY = /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

/** Why `text` is not well-formed XML, or undefined when it is. */
export function xmlFault(text: string): string | undefined {
  const bad = NOT_XML.exec(text);
  if (bad) return `character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML (offset ${bad.index})`;
  const open: string[] = [];
  let roots = 0;
  let i = 0;
  const textFault = (from: number, to: number): string | undefined => {
    const chunk = text.slice(from, to);
    for (let at = chunk.indexOf('&'); at >= 0; at = chunk.indexOf('&', at + 1)) {
      if (!ENTITY.test(chunk.slice(at))) return `a bare & at offset ${from + at}`;
    }
    if (chunk.includes('>') && chunk.includes(']]>')) return `]]> in text at offset ${from + chunk.indexOf(']]>')}`;
    if (open.length === 0 && chunk.trim() !== '') return `text outside the root element at offset ${from}`;
    return undefined;
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const fault = textFault(i, lt < 0 ? text.length : lt);
    if (fault) return fault;
    if (lt < 0) break;
    const rest = text.slice(lt);
    let end: number;
    if (rest.startsWith('<?')) end = text.indexOf('?>', lt) + 2;
    else if (rest.startsWith('<!--')) end = text.indexOf('-->', lt) + 3;
    else if (rest.startsWith('<![CDATA[')) end = text.indexOf(']]>', lt) + 3;
    else if (rest.startsWith('<!')) end = text.indexOf('>', lt) + 1;
    else {
      const close = tagEnd(text, lt);
      if (close < 0) return `a tag at offset ${lt} is never closed`;
      end = close + 1;
      const tag = text.slice(lt + 1, close);
      if (tag.startsWith('/')) {
        const name = tag.slice(1).trim();
        if (open.pop() !== name) return `</${name}> at offset ${lt} closes nothing open`;
      } else {
        const selfClosing = tag.endsWith('/');
        const name = /^[^\s/>]+/.exec(tag)?.[0] ?? '';
        if (!NAME.test(name)) return `a tag at offset ${lt} has no valid name`;
        const attributes = tag.slice(name.length, selfClosing ? -1 : undefined);
        const attributeFault = attributesFault(attributes, lt);
        if (attributeFault) return attributeFault;
        if (open.length === 0 && ++roots > 1) return `a second root element at offset ${lt}`;
        if (!selfClosing) open.push(name);
      }
    }
    if (end < lt + 2) return `markup at offset ${lt} is never closed`;
    i = end;
  }
  if (open.length > 0) return `<${open.at(-1)}> is never closed`;
  if (roots === 0) return 'no root element';
  return undefined;
}

/** Offset of the > that ends the tag opened at `lt`, skipping quoted values. */
function tagEnd(text: string, lt: number): number {
  let quote: string | undefined;
  for (let i = lt + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '<') return -1;
    else if (c === '>') return i;
  }
  return -1;
}

function attributesFault(attributes: string, at: number): string | undefined {
  const seen = new Set<string>();
  const pattern = /\s+([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/y;
  let i = 0;
  while (i < attributes.length) {
    if (attributes.slice(i).trim() === '') return undefined;
    pattern.lastIndex = i;
    const match = pattern.exec(attributes);
    if (!match) return `a malformed attribute in the tag at offset ${at}`;
    if (seen.has(match[1])) return `attribute ${match[1]} given twice in the tag at offset ${at}`;
    seen.add(match[1]);
    const value = match[3] ?? match[4];
    if (value.includes('<')) return `a < inside an attribute of the tag at offset ${at}`;
    for (let amp = value.indexOf('&'); amp >= 0; amp = value.indexOf('&', amp + 1)) {
      if (!ENTITY.test(value.slice(amp))) return `a bare & in an attribute of the tag at offset ${at}`;
    }
    i = pattern.lastIndex;
  }
  return undefined;
}

/** Ids given twice in an HTML page, and #links to ids it does not have. */
export function htmlIdFaults(html: string): string[] {
  const faults: string[] = [];
  const ids = new Set<string>();
  const markup = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const [, id] of markup.matchAll(/<[^>]*?\sid="([^"]*)"/g)) {
    if (ids.has(id)) faults.push(`the id "${id}" is given twice`);
    ids.add(id);
  }
  for (const [, target] of markup.matchAll(/<a\s[^>]*?href="#([^"]*)"/g)) {
    const id = decodeEntities(target);
    if (id !== '' && !ids.has(id)) faults.push(`a link to "#${id}" has no target on the page`);
  }
  return [...new Set(faults)];
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}
