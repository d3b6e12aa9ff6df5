// The text filter and the "show" select above a table of reports (the sweep page, the log page):
// one control, so both pages filter alike. What the options mean is the page's.
import { useLocale } from './locale';

export function Filter<S extends string>(props: {
  query: string;
  placeholder: string;
  onQuery: (q: string) => void;
  show: S;
  /** Each choice of the select and its label. */
  shows: readonly (readonly [S, string])[];
  onShow: (s: S) => void;
}) {
  const { tr } = useLocale();
  return (
    <>
      <label>
        {tr('sweep.filter')}{' '}
        <input
          type="search"
          value={props.query}
          placeholder={props.placeholder}
          onInput={(e) => props.onQuery((e.target as HTMLInputElement).value)}
          data-testid="filter"
        />
      </label>
      <label>
        {tr('sweep.show')}{' '}
        <select
          value={props.show}
          onChange={(e) => props.onShow((e.target as HTMLSelectElement).value as S)}
          data-testid="show"
        >
          {props.shows.map(([s, label]) => (
            <option key={s} value={s}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
