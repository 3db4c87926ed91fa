import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export interface SectionProps {
  title: ComponentChildren;
  /** How many items it lists, shown after the title. */
  count?: ComponentChildren;
  /** Buttons beside the title. */
  actions?: ComponentChildren;
  /** For what cannot be taken back: set apart from the rest. */
  danger?: boolean;
  children: ComponentChildren;
}

/** A titled part of a view: a region named by its heading, so screen readers can list and jump to it. */
export function Section({ title, count, actions, danger = false, children }: SectionProps) {
  const id = useId();
  return (
    <section class={danger ? 'section danger-zone' : 'section'} aria-labelledby={id}>
      <div class="section__header">
        <h3 id={id} class="section__title">
          {title}
          {count !== undefined && <span class="count"> {count}</span>}
        </h3>
        {actions}
      </div>
      {children}
    </section>
  );
}
