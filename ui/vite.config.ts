import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// Tauri loads the built files from disk in release/E2E builds and the dev server on :1420 in
// `make dev`; a fixed port lets tauri.conf.json name it.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 1420, strictPort: true, host: "127.0.0.1" },
  build: { target: "safari15", outDir: "dist", emptyOutDir: true, sourcemap: false },
  test: { environment: "jsdom", include: ["src/**/*.test.ts"] },
  // Component tests mount Svelte in jsdom: resolve `svelte` to its browser build under Vitest.
  resolve: process.env.VITEST ? { conditions: ["browser"] } : undefined,
});
