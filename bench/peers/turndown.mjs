// Resolves turndown from bench/peers/node_modules (storage → Markdown peer; lossy: it drops
// what HTML does not know, i.e. every ac:/ri: element).
export { default } from "turndown";
