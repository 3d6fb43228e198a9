import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

// Han, CJK punctuation, fullwidth forms: a soft line break between two of these is not a space.
const cjk = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const brokenBetweenCjk = new RegExp(`([${cjk}])[ \\t]*\\r?\\n[ \\t]*(?=[${cjk}])`, 'g');

/** Joins lines of wrapped Chinese prose, which HTML would otherwise render with stray spaces. */
export function joinCjkLineBreaks(text: string): string {
  return text.replace(brokenBetweenCjk, '$1');
}

export function remarkCjkLineBreaks() {
  return (tree: Root) => {
    visit(tree, 'text', (node: Text) => {
      node.value = joinCjkLineBreaks(node.value);
    });
  };
}
