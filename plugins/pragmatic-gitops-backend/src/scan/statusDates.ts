/** The newer of two dates (`b` when missing: `a`). */
export function latest(a: Date, b: Date | undefined): Date {
  return b && b.getTime() > a.getTime() ? b : a;
}

/** A status change is never dated after the computation that found it. */
export function earliest(a: Date | undefined, b: Date): Date {
  return a && a.getTime() < b.getTime() ? a : b;
}
