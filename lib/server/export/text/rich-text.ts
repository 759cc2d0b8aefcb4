/**
 * tldraw's rich text (TipTap JSON: `{ type: 'doc', content: [{ type: 'paragraph', content: [...] }] }`)
 * as plain text: one line per paragraph or list item, hard breaks kept, formatting dropped.
 * Unknown nodes contribute their text; anything malformed contributes nothing.
 */
export function richTextToPlain(richText: unknown): string {
  const lines: string[] = []
  let current = ''
  const flush = () => {
    lines.push(current)
    current = ''
  }
  const walk = (node: unknown, depth: number) => {
    if (depth > 50 || typeof node !== 'object' || node === null) return
    const { type, text, content } = node as { type?: unknown; text?: unknown; content?: unknown }
    if (typeof text === 'string') current += text
    if (type === 'hardBreak') current += '\n'
    const isBlock = type === 'paragraph' || type === 'heading' || type === 'codeBlock'
    if (type === 'listItem') current += '• '
    if (Array.isArray(content)) for (const child of content) walk(child, depth + 1)
    if (isBlock) flush()
  }
  walk(richText, 0)
  if (current !== '') flush()
  // Lines of list items appear as the paragraphs inside them; drop the empty line a bare bullet leaves.
  return lines
    .join('\n')
    .replace(/• \n/g, '• ')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
