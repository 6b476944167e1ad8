import type { Block, Inline } from '@/lib/markdown';

/** Renders parsed lesson Markdown as React elements: content never becomes raw HTML. */
function Text({ parts }: { parts: Inline[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.bold ? <strong key={i}>{p.text}</strong> : p.italic ? <em key={i}>{p.text}</em> : <span key={i}>{p.text}</span>,
      )}
    </>
  );
}

export function Markdown({ blocks }: { blocks: Block[] }) {
  return (
    <div className="flex flex-col gap-3 text-[1.0625rem] leading-relaxed">
      {blocks.map((b, i) => {
        if (b.kind === 'heading') {
          const Tag = `h${b.level}` as 'h2' | 'h3' | 'h4';
          return (
            <Tag key={i} className="mt-2 text-lg font-bold">
              <Text parts={b.text} />
            </Tag>
          );
        }
        if (b.kind === 'list') {
          const Tag = b.ordered ? 'ol' : 'ul';
          return (
            <Tag key={i} className={`${b.ordered ? 'list-decimal' : 'list-disc'} flex flex-col gap-1 pl-6`}>
              {b.items.map((item, j) => (
                <li key={j}>
                  <Text parts={item} />
                </li>
              ))}
            </Tag>
          );
        }
        if (b.kind === 'quote') {
          return (
            <blockquote key={i} className="flex flex-col gap-2 border-l-4 border-brand bg-red-50/60 px-3 py-2">
              {b.paragraphs.map((p, j) => (
                <p key={j}>
                  <Text parts={p} />
                </p>
              ))}
            </blockquote>
          );
        }
        return (
          <p key={i}>
            <Text parts={b.text} />
          </p>
        );
      })}
    </div>
  );
}
