/**
 * Spec export: one document (tiptap JSON) to GitHub-flavoured Markdown or to a standalone,
 * print-ready HTML page. Every export of a spec — Markdown, HTML, PDF, the portfolio pack —
 * goes through these functions.
 */
import type { Product, Spec } from '../model/schema';
import { SPEC_TEMPLATES } from '../spec/templates';
import { escapeHtml, fileNameFrom, htmlPage } from './html';
import { docToHtml } from './specHtml';
import { docToMarkdown, escapeMarkdownText } from './specMarkdown';
import { renderContext, type RenderProduct } from './specRender';
import { SPEC_PAGE_CSS } from './specStyles';

export type ExportProduct = RenderProduct & Pick<Product, 'name' | 'author'>;
export type ExportSpec = Pick<Spec, 'title' | 'template' | 'content' | 'linkedStoryIds'>;

/** The line under the title: product, kind of document, author. */
export function specMeta(spec: ExportSpec, product: ExportProduct): string[] {
  const parts = [product.name];
  if (spec.template !== 'blank') parts.push(SPEC_TEMPLATES[spec.template].label);
  if (product.author.trim() !== '') parts.push(`by ${product.author.trim()}`);
  return parts;
}

/** The spec as GitHub-flavoured Markdown (tables included), ending in a newline. */
export function specToMarkdown(spec: ExportSpec, product: ExportProduct): string {
  const title = `# ${escapeMarkdownText(spec.title.trim() || 'Untitled spec').replace(/#/g, '\\#')}`;
  const meta = `*${specMeta(spec, product).map(escapeMarkdownText).join(' · ')}*`;
  const body = docToMarkdown(spec.content, renderContext(spec, product));
  return `${[title, meta, body.trimEnd()].filter((p) => p !== '').join('\n\n')}\n`;
}

/** The spec as an `<article>` (title, meta line, content) for a page or a portfolio. */
export function specArticleHtml(spec: ExportSpec, product: ExportProduct, id?: string): string {
  const idAttr = id ? ` id="${escapeHtml(id)}"` : '';
  const meta = specMeta(spec, product)
    .map((p) => `<span>${escapeHtml(p)}</span>`)
    .join('');
  return [
    `<article class="page spec"${idAttr}>`,
    `<h1>${escapeHtml(spec.title.trim() || 'Untitled spec')}</h1>`,
    `<p class="doc-meta">${meta}</p>`,
    docToHtml(spec.content, renderContext(spec, product)),
    '</article>',
  ].join('\n');
}

/** The spec as a standalone HTML page: inline CSS, no scripts, no external resources. */
export function specToHtml(spec: ExportSpec, product: ExportProduct): string {
  return htmlPage({
    title: `${spec.title.trim() || 'Untitled spec'} — ${product.name}`,
    css: SPEC_PAGE_CSS,
    body: `<main>\n${specArticleHtml(spec, product)}\n</main>`,
  });
}

export function specFileName(spec: Pick<Spec, 'title'>, extension: 'md' | 'html' | 'pdf'): string {
  return fileNameFrom(spec.title, extension, 'spec');
}
