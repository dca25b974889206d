import { createElement, type ComponentType } from 'react';
import * as jsxProdRuntime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { serialize } from 'next-mdx-remote/serialize';
import { expect, test } from 'vitest';
import { jsxRuntimeFor } from '@/components/review/review-body';

const source = '# Title\n\nSome **bold** text and a list:\n\n- one\n- two\n';

function render(compiledSource: string, opts: object): string {
  const run = Reflect.construct(Function, ['opts', compiledSource]) as (opts: object) => { default: ComponentType };
  return renderToStaticMarkup(createElement(run(opts).default));
}

// A production build started under a test runner (NODE_ENV=test) compiled
// reviews for jsxDEV while its bundled React had no jsxDEV, and prerendering
// failed with "_jsxDEV is not a function".
test('code compiled for the development runtime renders on a production React without jsxDEV', async () => {
  const { compiledSource } = await serialize(source, {}, true);
  expect(compiledSource).toContain('jsxDEV');
  const html = render(compiledSource, jsxRuntimeFor(compiledSource, {}));
  expect(html).toBe('<h1>Title</h1>\n<p>Some <strong>bold</strong> text and a list:</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
});

test('code compiled for production gets the production runtime', () => {
  const compiledSource = 'const {Fragment: _Fragment, jsx: _jsx, jsxs: _jsxs} = arguments[0];';
  expect(jsxRuntimeFor(compiledSource)).toBe(jsxProdRuntime);
});
