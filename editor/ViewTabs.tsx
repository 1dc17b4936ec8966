/**
 * The page's views as tabs (WAI-ARIA tabs pattern): arrow keys, Home and End move between them, and only the
 * selected tab is in the tab order. Each tab controls the panel `panel-<id>`.
 */
import { useRef, type KeyboardEvent } from 'react';
import './ViewTabs.css';

export interface ViewTab<V extends string> { id: V; label: string }

export interface ViewTabsProps<V extends string> {
  label: string;
  tabs: readonly ViewTab<V>[];
  value: V;
  onChange: (id: V) => void;
  /** Ids become `<prefix>-tab-<id>` / `<prefix>-panel-<id>` and test ids `<prefix>-<id>` (default: `tab-`, `panel-`, `view-`). */
  idPrefix?: string;
}

export function ViewTabs<V extends string>({ label, tabs, value, onChange, idPrefix }: ViewTabsProps<V>) {
  const pre = idPrefix ? `${idPrefix}-` : '';
  const refs = useRef(new Map<V, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((tab) => tab.id === value);
    const next = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : undefined;
    if (next === undefined) return;
    e.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    onChange(tab.id);
    refs.current.get(tab.id)?.focus();
  };
  return (
    <div className="view-tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          ref={(el) => { if (el) refs.current.set(tab.id, el); else refs.current.delete(tab.id); }}
          type="button"
          role="tab"
          id={`${pre}tab-${tab.id}`}
          data-testid={`${idPrefix ?? 'view'}-${tab.id}`}
          aria-selected={tab.id === value}
          aria-controls={`${pre}panel-${tab.id}`}
          tabIndex={tab.id === value ? 0 : -1}
          onClick={() => onChange(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
