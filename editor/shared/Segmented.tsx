/** A row of radio buttons styled as a segmented control; each option carries `data-testid="<name>-<value>"`. */
export interface SegmentedProps<V extends string> {
  name: string;
  legend: string;
  options: readonly { value: V; label: string }[];
  value: V;
  onChange: (value: V) => void;
}

export function Segmented<V extends string>({ name, legend, options, value, onChange }: SegmentedProps<V>) {
  return (
    <fieldset className="segmented">
      <legend>{legend}</legend>
      <div className="segmented-options">
        {options.map((o) => (
          <label key={o.value} className={o.value === value ? 'selected' : undefined}>
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={o.value === value}
              data-testid={`${name}-${o.value}`}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
