import { Children, isValidElement, type ReactNode } from 'react';
import { TabsIsland } from '@/components/mdx/tabs-island';

export type TabItemProps = { value: string; label?: string; default?: boolean; className?: string; children?: ReactNode };
export type TabsProps = {
  children?: ReactNode;
  /** The tab shown first; else the `<TabItem default>`, else the first. */
  defaultValue?: string | null;
  /** Labels by value, overriding each TabItem's `label`. */
  values?: { value: string; label?: string }[];
  /** Accepted so Docusaurus files compile; tabs of one group do not switch together here. */
  groupId?: string;
  className?: string;
};

type Tab = { value: string; label: string; isDefault: boolean; content: ReactNode; className?: string };

/** A `<TabItem>` outside `<Tabs>` is just its content. */
export function TabItem({ className, children }: TabItemProps) {
  return <div className={className}>{children}</div>;
}

function readTabs({ children, values }: TabsProps): Tab[] {
  return Children.toArray(children)
    .filter((child) => isValidElement<TabItemProps>(child) && typeof child.props.value === 'string')
    .map((child) => {
      const { value, label, default: isDefault, className, children: content } = (child as { props: TabItemProps }).props;
      return {
        value,
        label: values?.find((v) => v.value === value)?.label ?? label ?? value,
        isDefault: Boolean(isDefault),
        content,
        className,
      };
    });
}

/**
 * `<Tabs>`/`<TabItem>` from `@theme/Tabs` and `@theme/TabItem`. The panels
 * are rendered here on the server; a small client island adds the tab list
 * (WAI-ARIA tabs: arrow keys, Home/End) and shows one panel at a time.
 */
export function Tabs(props: TabsProps) {
  const tabs = readTabs(props);
  const byValue = tabs.findIndex((tab) => tab.value === props.defaultValue);
  const selected =
    byValue >= 0
      ? byValue
      : Math.max(
          0,
          tabs.findIndex((tab) => tab.isDefault),
        );
  return (
    <TabsIsland
      tabs={tabs.map(({ value, label, className }) => ({ value, label, className }))}
      panels={tabs.map((tab) => tab.content)}
      defaultIndex={selected}
      className={props.className}
    />
  );
}

/** For feed readers, which run no script: every panel, each under its label. */
export function StaticTabs(props: TabsProps) {
  return (
    <div className={['tabs', props.className].filter(Boolean).join(' ')}>
      {readTabs(props).map((tab, index) => (
        <section key={index} className={tab.className}>
          <p>
            <strong>{tab.label}</strong>
          </p>
          {tab.content}
        </section>
      ))}
    </div>
  );
}
