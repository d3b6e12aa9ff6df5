import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildGrid } from '../lib/tables/grid';

const table = (html: string) => new JSDOM(`<table>${html}</table>`).window.document.querySelector('table')!;
const texts = (html: string) => buildGrid(table(html)).rows.map((r) => r.map((c) => c.text));

describe('buildGrid', () => {
  it('expands rowspan and colspan into a rectangle that shares the spanning cell', () => {
    const g = buildGrid(table('<tr><td rowspan=2>A</td><td colspan=2>B</td></tr><tr><td>C</td><td>D</td></tr>'));
    expect(g.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['A', 'B', 'B'],
      ['A', 'C', 'D'],
    ]);
    expect(g.rows[0][0]).toBe(g.rows[1][0]);
    expect(g.rows[0][1]).toBe(g.rows[0][2]);
  });

  it('keeps <br>-split and spaced labels as one label', () => {
    const g = buildGrid(table('<tr><td>结果<br>纠正</td><td><p>商业</p><p>企业</p></td><td>结 果 维 持</td></tr>'));
    expect(g.rows[0].map((c) => c.label)).toEqual(['结果纠正', '商业企业', '结果维持']);
  });

  it('pads ragged rows and records what each row wrote', () => {
    const g = buildGrid(table('<tr><td>1</td><td>2</td><td>3</td></tr><tr><td>4</td></tr>'));
    expect(g.width).toBe(3);
    expect(g.rowWidths).toEqual([3, 1]);
    expect(g.rows[1][2].el).toBeNull();
  });

  it.each([
    ['0', 'rowspan'],
    ['-3', 'rowspan'],
    ['abc', 'colspan'],
    ['1000000', 'colspan'],
    ['1000000', 'rowspan'],
    ['2.5', 'colspan'],
  ])('survives %s as %s', (value, attr) => {
    const g = buildGrid(table(`<tr><td ${attr}="${value}">X</td><td>Y</td></tr><tr><td>Z</td></tr>`));
    expect(g.rows.every((r) => r.length === g.width)).toBe(true);
    expect(g.width).toBeLessThanOrEqual(65);
    // each source cell sits at exactly one origin slot
    const origins = g.rows.flatMap((r, i) => r.filter((c, j) => c.el && c.row === i && c.col === j));
    expect(new Set(origins.map((c) => c.el)).size).toBe(origins.length);
  });

  it('does not read the rows of nested tables as its own', () => {
    expect(texts('<tr><td><table><tr><td>in</td></tr><tr><td>in2</td></tr></table></td><td>x</td></tr>')).toHaveLength(
      1,
    );
  });
});
