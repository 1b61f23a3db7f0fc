// Mounting a component under test with a fake backend, and letting its async work settle.
//
//   const host = show(AboutSection, new FakeBackend({ about: () => ABOUT }));
//   await settle(); // onMount's calls answered, the DOM updated
//
// Every component mounted this way is unmounted after each test (`afterEach` below runs in
// the file that imports this module).
import { type Component, flushSync, mount, tick, unmount } from "svelte";
import { afterEach } from "vitest";
import { backendContext } from "../backend/context";
import type { FakeBackend } from "../backend/fake";

let mounted: ReturnType<typeof mount>[] = [];

afterEach(() => {
  for (const m of mounted) unmount(m);
  mounted = [];
  document.body.innerHTML = "";
});

/** Mounts `component` with `props` in a new element of the page, the backend in context. */
export function show<P extends Record<string, unknown>>(
  component: Component<P>,
  fake: FakeBackend,
  props?: P,
): HTMLElement {
  const host = document.body.appendChild(document.createElement("div"));
  mounted.push(mount(component, { target: host, props: props as P, context: new Map(backendContext(fake)) }));
  flushSync();
  return host;
}

/** Lets pending promises (the fake backend's answers) resolve and the DOM update. */
export async function settle(): Promise<void> {
  await tick();
  await new Promise((r) => setTimeout(r, 0));
  flushSync();
}
