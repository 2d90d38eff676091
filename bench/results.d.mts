/** One line of bench/results.json; `null` where a column does not apply. */
export interface Row {
  name: string;
  unit: string;
  better: 'higher' | 'lower';
  ours: number | null;
  peer: number | null;
  limit: number | null;
}
export declare const START: string;
export declare const END: string;
/** A Markdown table of `rows`: it prints readably and is what BENCHMARKS.md holds. */
export declare function table(rows: readonly Row[]): string;
/** `markdown` with the table between the markers replaced by the table of `rows`. */
export declare function withTable(markdown: string, rows: readonly Row[]): string;
/** What disagrees between BENCHMARKS.md's table and results.json; empty when they agree. */
export declare function disagreements(markdown: string, json: string): string[];
/** Compares the two files, prints what disagrees; `true` when they agree. */
export declare function check(markdown: URL, json: URL): boolean;
