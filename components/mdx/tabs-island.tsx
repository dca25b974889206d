'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

type TabLabel = { value: string; label: string; className?: string };

// Docusaurus's key, so a reader's choice (`groupId="framework"`) carries over.
const storageKey = (groupId: string) => `docusaurus.tab.${groupId}`;
const groupEvent = 'papers-review:tab-group';
type GroupChange = CustomEvent<{ groupId: string; value: string }>;

/** The interactive half of `<Tabs>` (components/mdx/tabs.tsx): the tab list and which panel shows. */
export function TabsIsland({
  tabs,
  panels,
  defaultIndex,
  groupId,
  className,
}: {
  tabs: TabLabel[];
  panels: ReactNode[];
  defaultIndex: number;
  groupId?: string;
  className?: string;
}) {
  const id = useId();
  const [selected, setSelected] = useState(defaultIndex);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!groupId) return;
    const follow = (value: string | null) => {
      const index = tabs.findIndex((tab) => tab.value === value);
      if (index >= 0) setSelected(index);
    };
    follow(localStorage.getItem(storageKey(groupId)));
    const onChange = (event: Event) => {
      const { detail } = event as GroupChange;
      if (detail.groupId === groupId) follow(detail.value);
    };
    window.addEventListener(groupEvent, onChange);
    return () => window.removeEventListener(groupEvent, onChange);
  }, [groupId, tabs]);

  function select(index: number, focus: boolean) {
    setSelected(index);
    if (focus) buttons.current[index]?.focus();
    if (!groupId) return;
    localStorage.setItem(storageKey(groupId), tabs[index]!.value);
    window.dispatchEvent(new CustomEvent(groupEvent, { detail: { groupId, value: tabs[index]!.value } }));
  }

  function onKeyDown(event: KeyboardEvent) {
    const last = tabs.length - 1;
    const next = { ArrowRight: selected === last ? 0 : selected + 1, ArrowLeft: selected === 0 ? last : selected - 1, Home: 0, End: last }[
      event.key
    ];
    if (next === undefined) return;
    event.preventDefault();
    select(next, true);
  }

  return (
    <div className={['tabs', className].filter(Boolean).join(' ')}>
      <div role="tablist" aria-orientation="horizontal" className="tabs-list" onKeyDown={onKeyDown}>
        {tabs.map((tab, index) => (
          <button
            key={index}
            ref={(button) => {
              buttons.current[index] = button;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${index}`}
            aria-selected={index === selected}
            aria-controls={`${id}-panel-${index}`}
            tabIndex={index === selected ? 0 : -1}
            className="tabs-tab"
            onClick={() => select(index, false)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {panels.map((panel, index) => (
        <div
          key={index}
          role="tabpanel"
          id={`${id}-panel-${index}`}
          aria-labelledby={`${id}-tab-${index}`}
          hidden={index !== selected}
          tabIndex={0}
          className={['tabs-panel', tabs[index]!.className].filter(Boolean).join(' ')}
        >
          {panel}
        </div>
      ))}
    </div>
  );
}
