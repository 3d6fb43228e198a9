import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** Where an element is, for errors: `file:line: <Quiz id="predict">`. */
export function describeElement(file: string, element: JsxElement): string {
  const id = stringAttribute(element, 'id');
  const line = element.position?.start.line ?? 0;
  return `${file}:${line}: <${element.name ?? ''}${id ? ` id="${id}"` : ''}>`;
}

export function elementError(file: string, element: JsxElement, field: string | null, message: string): Error {
  return new Error(`${describeElement(file, element)}: ${field ? `field "${field}": ` : ''}${message}`);
}

export function findAttribute(element: JsxElement, name: string): MdxJsxAttribute | undefined {
  return element.attributes.find((attribute): attribute is MdxJsxAttribute => attribute.type === 'mdxJsxAttribute' && attribute.name === name);
}

/** The attribute's value when it is a literal string (`title="..."`), else undefined. */
export function stringAttribute(element: JsxElement, name: string): string | undefined {
  const value = findAttribute(element, name)?.value;
  return typeof value === 'string' ? value : undefined;
}

/** Sets (or replaces) a string attribute. */
export function setAttribute(element: JsxElement, name: string, value: string): void {
  const existing = findAttribute(element, name);
  if (existing) existing.value = value;
  else element.attributes.push({ type: 'mdxJsxAttribute', name, value });
}

export function isJsxElement(node: { type: string }): node is JsxElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}
