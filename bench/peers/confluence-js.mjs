// Resolves confluence.js from bench/peers/node_modules (its own install, see package.json here).
export * from "confluence.js";
