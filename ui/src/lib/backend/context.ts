// The backend every component uses, handed down through Svelte context: App.svelte provides
// the Tauri one; a component test mounts under an in-memory one (fake.ts) with
// `mount(Component, { target, props, context: backendContext(fake) })`.
// `useBackend()` must run while a component initialises, like any `getContext`.
import { getContext, setContext } from "svelte";
import type { Backend } from "./index";

const KEY = Symbol("ferry.backend");

export function provideBackend(backend: Backend): Backend {
  return setContext(KEY, backend);
}

export function useBackend(): Backend {
  const backend = getContext<Backend | undefined>(KEY);
  if (!backend) throw new Error("no backend in context: App.svelte provides it (or a test, backendContext)");
  return backend;
}

/** The context `mount` takes to put a component under `backend`. */
export function backendContext(backend: Backend): Map<symbol, Backend> {
  return new Map([[KEY, backend]]);
}
