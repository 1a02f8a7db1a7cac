/** Rectangles of cells (0-based, inclusive), as ranges and merged areas are held. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The parts of `rect` outside every one of `others`, as disjoint rectangles. */
export function subtract(rect: Rect, others: Rect[]): Rect[] {
  let parts = [rect];
  for (const o of others) {
    const next: Rect[] = [];
    for (const p of parts) {
      if (o.bottom < p.top || o.top > p.bottom || o.right < p.left || o.left > p.right) {
        next.push(p);
        continue;
      }
      // Above and below the overlap across the full width; left and right of it within the overlap's rows.
      const top = Math.max(p.top, o.top);
      const bottom = Math.min(p.bottom, o.bottom);
      if (p.top < o.top) next.push({ ...p, bottom: o.top - 1 });
      if (p.bottom > o.bottom) next.push({ ...p, top: o.bottom + 1 });
      if (p.left < o.left) next.push({ top, bottom, left: p.left, right: o.left - 1 });
      if (p.right > o.right) next.push({ top, bottom, left: o.right + 1, right: p.right });
    }
    parts = next;
  }
  return parts;
}

/** The cells of `rect` hidden under a merged area (every cell of it but its top-left), keyed "row,col". */
export function coveredCells(merges: Rect[], rect: Rect): Set<string> {
  const out = new Set<string>();
  for (const m of merges) {
    if (m.bottom < rect.top || m.top > rect.bottom || m.right < rect.left || m.left > rect.right)
      continue;
    for (let r = Math.max(m.top, rect.top); r <= Math.min(m.bottom, rect.bottom); r++)
      for (let c = Math.max(m.left, rect.left); c <= Math.min(m.right, rect.right); c++)
        if (r !== m.top || c !== m.left) out.add(`${r},${c}`);
  }
  return out;
}
