import { useEffect, useRef } from 'preact/hooks';

export interface FilterOption<T extends string = string> {
  value: T;
  label: string;
  /** How many records have it. */
  count?: number;
}

/** A filter with several choices, folded into a button-sized menu: "Outlets (2)". */
export interface FilterMenuProps<T extends string> {
  label: string;
  options: FilterOption<T>[];
  chosen: T[];
  onChange: (chosen: T[]) => void;
  /** Said when there is nothing to choose from. */
  empty: string;
}

export function FilterMenu<T extends string>({ label, options, chosen, onChange, empty }: FilterMenuProps<T>) {
  const menu = useRef<HTMLDetailsElement>(null);
  const toggle = (value: T) =>
    onChange(chosen.includes(value) ? chosen.filter((item) => item !== value) : [...chosen, value]);

  // Like any menu: Escape closes it (back on its button), and so does a click anywhere else.
  useEffect(() => {
    const close = (event: Event) => {
      const details = menu.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape' || !details.contains(document.activeElement)) return;
        details.querySelector('summary')?.focus();
      } else if (event.target instanceof Node && details.contains(event.target)) {
        return;
      }
      details.open = false;
    };
    addEventListener('keydown', close);
    addEventListener('click', close);
    return () => {
      removeEventListener('keydown', close);
      removeEventListener('click', close);
    };
  }, []);

  return (
    <details ref={menu} class={`filter-menu${chosen.length > 0 ? ' filter-menu--active' : ''}`}>
      <summary class="filter-menu__summary">
        {label}
        {chosen.length > 0 && <span class="count"> {chosen.length}</span>}
      </summary>
      <fieldset class="filter-menu__options">
        <legend class="visually-hidden">{label}</legend>
        {options.length === 0 && <p class="empty-state">{empty}</p>}
        {options.map((option) => (
          <label key={option.value} class="filter-menu__option">
            <input type="checkbox" checked={chosen.includes(option.value)} onChange={() => toggle(option.value)} />
            <span>{option.label}</span>
            {option.count !== undefined && <span class="muted">{option.count}</span>}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
