// The library's public entry point: the typed core client.
export * from "./core/index.js";
