// Parse Mermaid files with the real Mermaid parser (mermaid.parse) under node, jsdom standing in for the DOM.
// Run from a folder holding node_modules/{mermaid,jsdom}: cd DIR && node --input-type=module - FILE... < this
// Prints "ok FILE (type)" or "FAIL FILE: reason" per file; exits 1 if any failed.
import { JSDOM } from "jsdom";
import { readFileSync } from "node:fs";
const dom = new JSDOM("<!DOCTYPE html><body></body>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const k of ["navigator", "DOMParser", "Element", "HTMLElement", "Node", "SVGElement"]) {
  if (!(k in globalThis)) globalThis[k] = dom.window[k];
}
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });
let failed = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  try {
    const res = await mermaid.parse(text);
    console.log(`ok ${file} (${res.diagramType})`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${file}: ${String(e.message || e).split("\n").slice(0, 4).join(" | ")}`);
  }
}
process.exit(failed ? 1 : 0);
