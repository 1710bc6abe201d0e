// Resolves marked from bench/peers/node_modules (Markdown → HTML peer for the reverse direction).
export { marked } from "marked";
