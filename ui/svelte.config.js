import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

// TypeScript in components, for both Vite and svelte-check.
export default { preprocess: vitePreprocess() };
