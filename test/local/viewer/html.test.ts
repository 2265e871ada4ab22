import { describe, expect, it } from 'vitest';
import { clip, html, safeUrl } from '../../../src/local/viewer/html.ts';

describe('viewer HTML building', () => {
  it('escapes every interpolated value but keeps nested html fragments', () => {
    const name = `<script>alert("x")</script>&'`;
    const out = html`<td title="${name}">${name}${html`<b>${name}</b>`}</td>`;
    expect(out.value).toBe(
      '<td title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;<b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</b></td>',
    );
  });

  it.each([
    ['https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['mailto:ops@agency.example', 'mailto:ops@agency.example'],
    ['/viewer/drive/file/1abc', '/viewer/drive/file/1abc'],
    ['javascript:alert(1)', undefined],
    [' JavaScript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['//evil.example/x', undefined],
    ['not a url', undefined],
  ])('safeUrl(%j) is %j', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });

  it('clips long text on a character boundary, CJK included', () => {
    expect(clip('宁波华美电器有限公司', 5)).toBe('宁波华美…');
    expect(clip('short', 10)).toBe('short');
  });
});
