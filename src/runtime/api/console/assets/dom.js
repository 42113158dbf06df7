// The console's only rendering primitive. Why plain DOM modules and no library: the pages are
// tables, forms and text that change when an event says so; a framework (even preact + htm, ~5 KB)
// would add a third-party file to vendor, audit and keep current, for little the 40 lines below do
// not. And it makes the security rule structural: every string becomes a Text node (or an attribute
// value through setAttribute), never markup, so a job name or log line such as
// `<img src=x onerror=...>` shows as those characters. Nothing here ever assigns innerHTML.

/**
 * Creates an element: `el('a', { href: '/x', class: 'c' }, 'text', child)`. Props: `class`,
 * `on<event>` handlers as functions, booleans (true sets, false omits), anything else as an
 * attribute. Children: nodes, strings/numbers (as text), arrays, or null/undefined/false (skipped).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2).toLowerCase(), value);
    else if (name === 'value') node.value = String(value);
    else if (value === true) node.setAttribute(name, '');
    else node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces a node's content. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** Screen-reader announcement of something that changed (polite). */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (region) region.textContent = text;
}
