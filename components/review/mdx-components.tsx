import type { ComponentPropsWithoutRef, CSSProperties } from 'react';
import type { Asset } from '@/lib/content/source/assets';
import type { OtherAppearance } from '@/lib/content/source/transforms';
import { PaperRow } from '@/components/review/paper-row';
import { mdxRegistry } from '@/components/mdx/registry';
import { StaticTabs } from '@/components/mdx/tabs';

type HeadingTag = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
type HeadingProps = ComponentPropsWithoutRef<'h2'> & { 'data-paper-id'?: string; 'data-paper-name'?: string; 'data-also-in'?: string };

/** `forFeed`: the heading alone, without the `#` link and the paper row, which only work on the site. */
function heading(Tag: HeadingTag, { forFeed = false } = {}) {
  function Heading({ id, children, 'data-also-in': alsoInJson, 'data-paper-name': paperName, ...props }: HeadingProps) {
    const paperId = props['data-paper-id'];
    const alsoIn = alsoInJson ? (JSON.parse(alsoInJson) as OtherAppearance[]) : [];
    const title = (
      <Tag id={id || undefined} {...props} className={paperId ? 'paper-heading group' : 'group'}>
        {children}
        {id && !forFeed ? (
          <a href={`#${id}`} className="heading-anchor" aria-label="Link to this heading" data-no-highlight>
            #
          </a>
        ) : null}
      </Tag>
    );
    return paperId && !forFeed ? (
      <>
        {title}
        <PaperRow paperId={paperId} paperName={paperName ?? paperId} anchor={id ?? ''} alsoIn={alsoIn} />
      </>
    ) : (
      title
    );
  }
  Heading.displayName = Tag;
  return Heading;
}

type ImgProps = Omit<ComponentPropsWithoutRef<'img'>, 'src'> & { src?: string | Asset; style?: CSSProperties };

/** `<img src={importedImage}>` receives the asset object the index resolved; plain strings pass through. */
function Img({ src, width, height, alt, ...props }: ImgProps) {
  const asset = typeof src === 'object' && src ? src : null;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- sizes come from the index; next/image would add client JS per figure
    <img
      {...props}
      src={asset ? asset.src : (src as string | undefined)}
      width={asset?.width ?? width}
      height={asset?.height ?? height}
      alt={alt ?? ''}
      loading="lazy"
      decoding="async"
    />
  );
}

function A({ href, children, ...props }: ComponentPropsWithoutRef<'a'>) {
  const external = href ? /^https?:\/\//.test(href) : false;
  return (
    <a href={href} {...props} {...(external ? { rel: 'noopener noreferrer' } : {})}>
      {children}
    </a>
  );
}

/** GFM task-list boxes (`- [x] done`) are read-only and unlabeled; give them a name. */
function Input(props: ComponentPropsWithoutRef<'input'>) {
  if (props.type !== 'checkbox') return <input {...props} />;
  return <input {...props} aria-label={props.checked ? 'Done' : 'Not done'} />;
}

export const mdxComponents = {
  h1: heading('h1'),
  h2: heading('h2'),
  h3: heading('h3'),
  h4: heading('h4'),
  h5: heading('h5'),
  h6: heading('h6'),
  img: Img,
  a: A,
  input: Input,
  ...mdxRegistry,
};

/**
 * The same elements for feed readers, which show a review outside the site:
 * a `#` link there leads nowhere useful, the paper row's bookmark, status
 * and notes islands need the site's scripts and session, and tabs cannot
 * switch, so every panel shows under its label.
 */
export const feedMdxComponents: typeof mdxComponents = {
  ...mdxComponents,
  h1: heading('h1', { forFeed: true }),
  h2: heading('h2', { forFeed: true }),
  h3: heading('h3', { forFeed: true }),
  h4: heading('h4', { forFeed: true }),
  h5: heading('h5', { forFeed: true }),
  h6: heading('h6', { forFeed: true }),
  Tabs: StaticTabs,
};
