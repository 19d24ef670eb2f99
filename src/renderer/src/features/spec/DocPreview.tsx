import type { ReactNode } from 'react';
import type { DocNode } from '../../../../shared/model/schema';

/** Renders a tiptap/ProseMirror JSON document as React elements: text only, no raw HTML. */
export function DocPreview({ doc }: { doc: DocNode }) {
  return <div className="doc-preview">{renderChildren(doc)}</div>;
}

function renderChildren(node: DocNode): ReactNode[] {
  return (node.content ?? []).map((child, i) => renderNode(child, i));
}

function renderText(node: DocNode, key: number): ReactNode {
  let out: ReactNode = node.text ?? '';
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') out = <strong>{out}</strong>;
    else if (mark.type === 'italic') out = <em>{out}</em>;
    else if (mark.type === 'strike') out = <s>{out}</s>;
    else if (mark.type === 'code') out = <code>{out}</code>;
  }
  return <span key={key}>{out}</span>;
}

function renderNode(node: DocNode, key: number): ReactNode {
  const children = renderChildren(node);
  switch (node.type) {
    case 'text':
      return renderText(node, key);
    case 'paragraph':
      return <p key={key}>{children}</p>;
    case 'heading': {
      const level = Number(node.attrs?.['level'] ?? 2);
      if (level <= 1) return <h2 key={key}>{children}</h2>;
      if (level === 2) return <h3 key={key}>{children}</h3>;
      return <h4 key={key}>{children}</h4>;
    }
    case 'bulletList':
      return <ul key={key}>{children}</ul>;
    case 'orderedList':
      return <ol key={key}>{children}</ol>;
    case 'taskList':
      return <ul key={key} className="task-list">{children}</ul>;
    case 'listItem':
    case 'taskItem':
      return <li key={key}>{children}</li>;
    case 'blockquote':
      return <blockquote key={key}>{children}</blockquote>;
    case 'codeBlock':
      return <pre key={key}><code>{children}</code></pre>;
    case 'horizontalRule':
      return <hr key={key} />;
    case 'hardBreak':
      return <br key={key} />;
    case 'table':
      return <table key={key}><tbody>{children}</tbody></table>;
    case 'tableRow':
      return <tr key={key}>{children}</tr>;
    case 'tableHeader':
      return <th key={key}>{children}</th>;
    case 'tableCell':
      return <td key={key}>{children}</td>;
    default:
      return <div key={key}>{children}</div>;
  }
}
