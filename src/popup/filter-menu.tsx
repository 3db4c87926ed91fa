/** A filter with several choices, folded into a button-sized menu: "Outlets (2)". */
export interface FilterMenuProps<T extends string> {
  label: string;
  options: { value: T; label: string; count?: number }[];
  chosen: T[];
  onChange: (chosen: T[]) => void;
  /** Said when there is nothing to choose from. */
  empty: string;
}

export function FilterMenu<T extends string>({ label, options, chosen, onChange, empty }: FilterMenuProps<T>) {
  const toggle = (value: T) =>
    onChange(chosen.includes(value) ? chosen.filter((item) => item !== value) : [...chosen, value]);
  return (
    <details class={`filter-menu${chosen.length > 0 ? ' filter-menu--active' : ''}`}>
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
