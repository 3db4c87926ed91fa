/**
 * The elements Crosscheck puts in a page, known by identity. A page can copy a tag name or an
 * attribute (and can define a custom element under any name it likes), never one of our objects.
 */
const own = new WeakSet<Node>();

export function markOwn(node: Node): void {
  own.add(node);
}

/** Whether `node` is one of Crosscheck's elements or inside one. */
export function isOwn(node: Node | null): boolean {
  for (let current = node; current; current = current.parentNode) {
    if (own.has(current)) return true;
  }
  return false;
}
