/**
 * Node and cluster ids: derived from the state's qualified name so the same definition always gives the
 * same text, and adding one state does not renumber every other (diffs of committed diagrams stay quiet).
 * Ids use only ASCII letters, digits and underscores, and always carry a prefix, so no id can be a keyword
 * of Mermaid or DOT (`end`, `graph`, `subgraph`, `node`, `edge` …); the real names live in the labels.
 */
const MAX_STEM = 48;

export class IdAllocator {
  private readonly used: Set<string>;

  constructor(reserved: Iterable<string> = []) {
    this.used = new Set(reserved);
  }

  /** `allocate('s', 'Fan out/0/Charge card')` → `s_Fan_out_0_Charge_card` (then `…_2`, `…_3` on a clash). */
  allocate(prefix: string, name: string): string {
    // Non-ASCII letters become their code point, so names in other scripts still give distinct, readable-ish ids.
    const ascii = name.replace(/[^\x00-\x7f]/gu, (ch) => `_u${ch.codePointAt(0)!.toString(16)}_`);
    // Long names keep their end, which is the state's own name, rather than the names of its containers.
    const stem = ascii.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(-MAX_STEM).replace(/^_+/, '');
    const base = stem ? `${prefix}_${stem}` : prefix;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}_${n}`;
    this.used.add(id);
    return id;
  }
}
