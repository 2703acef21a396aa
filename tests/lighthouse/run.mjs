// Lighthouse on several pages with one Chrome (a Chrome per page costs ~20 s more each).
// usage: node run.mjs <lighthouse prefix folder> <base url> <page>...; prints {page: {category: score}} as JSON.
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [prefix, base, ...pages] = process.argv.slice(2);
const load = (rel) => import(pathToFileURL(join(prefix, "node_modules", rel)).href);
const { default: lighthouse } = await load("lighthouse/core/index.js");
const chromeLauncher = await load("chrome-launcher/dist/index.js");
const flags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run"];
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH, chromeFlags: flags });
const scores = {};
try {
  for (const page of pages) {
    const result = await lighthouse(base + page, {
      port: chrome.port, output: "json", logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    const lhr = result.lhr;
    const failing = [];
    for (const category of Object.values(lhr.categories)) {
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) failing.push(`${category.id}: ${ref.id}`);
      }
    }
    scores[page] = Object.fromEntries(Object.entries(lhr.categories).map(([k, v]) => [k, Math.round(v.score * 100)]));
    scores[page].failing = failing;
  }
} finally {
  await chrome.kill();
}
console.log(JSON.stringify(scores));
