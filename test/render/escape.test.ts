import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeCode } from '../../src/render/escape.js';

describe('escapeMarkdown', () => {
  it('neutralises HTML', () => {
    const s = escapeMarkdown('<img src=x onerror=alert(1)><script>x</script>');
    expect(s).not.toMatch(/<|>/);
    expect(s).toContain('&lt;img');
  });
  it('stops mentions and issue references', () => {
    const s = escapeMarkdown('cc @octocat fixes #12');
    expect(s).not.toMatch(/@octocat/);
    expect(s).not.toMatch(/#12/);
    expect(s).toContain('@\u200boctocat');
  });
  it('keeps tables intact and flattens newlines', () => {
    const s = escapeMarkdown('a | b\n| c |');
    expect(s).not.toMatch(/(^|[^\\])\|/);
    expect(s).not.toContain('\n');
  });
  it('escapes markdown punctuation and links', () => {
    const s = escapeMarkdown('[click](https://evil.example) **bold** `code` ![i](x)');
    expect(s).toBe(
      '\\[click\\]\\(https:\u200b//evil.example\\) \\*\\*bold\\*\\* \\`code\\` \\!\\[i\\]\\(x\\)',
    );
  });
  it('removes control and bidi characters and truncates', () => {
    expect(escapeMarkdown('a\u202eb\u0007c')).toBe('abc');
    expect(escapeMarkdown('x'.repeat(300), 10)).toBe('xxxxxxxxx…');
  });
  it('code spans cannot be closed early', () => {
    expect(escapeCode('a`b\nc')).toBe("a'b c");
  });
});
