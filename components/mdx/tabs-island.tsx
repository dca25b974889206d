'use client';

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

type TabLabel = { value: string; label: string; className?: string };

/**
 * The interactive half of `<Tabs>` (components/mdx/tabs.tsx): the tab list and
 * which panel shows. Arrow keys, Home and End move between tabs; each tab is
 * also in the Tab order, so every control on a page is reachable with Tab.
 */
export function TabsIsland({
  tabs,
  panels,
  defaultIndex,
  className,
}: {
  tabs: TabLabel[];
  panels: ReactNode[];
  defaultIndex: number;
  className?: string;
}) {
  const id = useId();
  const [selected, setSelected] = useState(defaultIndex);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent) {
    const last = tabs.length - 1;
    // From the tab that has focus, which need not be the selected one.
    const from = Math.max(0, buttons.current.indexOf(event.target as HTMLButtonElement));
    const next = { ArrowRight: from === last ? 0 : from + 1, ArrowLeft: from === 0 ? last : from - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setSelected(next);
    buttons.current[next]?.focus();
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
            className="tabs-tab"
            onClick={() => setSelected(index)}
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
