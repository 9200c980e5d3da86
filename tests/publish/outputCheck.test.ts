import { describe, expect, test } from 'vitest';
import { htmlIdFaults, xmlFault } from '../../src/lib/outputCheck.ts';

const RSS = (title: string) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>https://example.org/</link></channel></rss>`;

describe('xmlFault()', () => {
  test('a feed as the build writes it is well-formed', () => {
    expect(xmlFault(RSS('Trade &amp; tariffs &#8212; a story'))).toBeUndefined();
    expect(xmlFault('<svg xmlns="http://www.w3.org/2000/svg"><g a="1"/><!-- c --><![CDATA[x < y]]></svg>')).toBeUndefined();
  });

  test.each([
    ['a vertical tab', RSS('A\u000btitle'), 'character U+000B is not allowed in XML'],
    ['a NUL', RSS('A\u0000'), 'character U+0000 is not allowed in XML'],
    ['a bare ampersand', RSS('Trade & tariffs'), 'a bare &'],
    ['an unclosed element', '<rss><channel></rss>', 'closes nothing open'],
    ['an element left open', '<rss><channel>', 'is never closed'],
    ['two roots', '<a/><b/>', 'a second root element'],
    ['text outside the root', '<a/>text', 'text outside the root element'],
    ['a repeated attribute', '<a x="1" x="2"/>', 'attribute x given twice'],
    ['an unquoted attribute', '<a x=1/>', 'a malformed attribute'],
    ['a < in an attribute', '<a x="<"/>', 'a < inside an attribute'],
  ])('refuses %s', (_, xml, says) => {
    expect(xmlFault(xml)).toContain(says);
  });
});

describe('htmlIdFaults()', () => {
  test('a page with unique ids and links to them passes', () => {
    expect(htmlIdFaults('<p id="a"><a href="#a">x</a><a href="#">top</a><a href="/b#c">other page</a></p>')).toEqual([]);
  });

  test('an id given twice and a link to a missing id are both reported', () => {
    expect(htmlIdFaults('<section id="story-sources"></section><footer id="story-sources"><a href="#nowhere">x</a></footer>')).toEqual([
      'the id "story-sources" is given twice',
      'a link to "#nowhere" has no target on the page',
    ]);
  });
});
