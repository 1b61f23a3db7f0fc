import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { setLocalePreference } from "./lib/i18n/index.svelte";

// Until the stored preference loads, follow the OS language (and set <html lang> from it).
setLocalePreference("system");

const app = mount(App, { target: document.getElementById("app")! });
export default app;
