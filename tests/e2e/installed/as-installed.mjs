// A tauri-driver for the installed app as a new user starts it: a fresh HOME (and the fresh
// XDG folders TauriDriver makes), and none of the variables a source checkout sets, so the app
// finds its dictionaries where the package put them and its data where a new user's goes.
import { TauriDriver } from "../tauri-driver.mjs";

export const CHECKOUT_VARIABLES = ["FERRY_DICT_DIR", "FERRY_CACHE", "FERRY_DATA_DIR"];

/** `env` adds variables (FERRY_WELCOME: "off" to skip the first run's welcome). */
export function startAsInstalled(home, env = {}) {
  return TauriDriver.start({
    env: { HOME: home, ...env },
    unset: [...CHECKOUT_VARIABLES, ...(env.FERRY_WELCOME ? [] : ["FERRY_WELCOME"])],
  });
}
