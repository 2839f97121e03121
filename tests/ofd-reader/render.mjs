// Renders pages of an OFD file with ofd.js (DLTech21's OFD reader, Apache-2.0, from npm) in
// Debian's headless Chromium, and reports what the reader drew: a PNG of each page, the origin
// of every character it placed (in millimetres), the fonts Chromium actually used for them, the
// table rules (paths) it drew, and whether the OFD's embedded fonts loaded.
//
//   node render.mjs --ofd FILE.ofd --out DIR --pages 1,3|auto --scale 4
//
// --pages auto: page 1, the first page with a path (a table's rules) and the last page; the
// numbers rendered are written to DIR/pages.txt.
//
// ofd.js 0.2.6 names a text object's font by a CSS family derived from the Font resource's
// FamilyName (else FontName) and leaves the font file to the browser: it does not read FontFile
// itself. This client reads the package's embedded font files (the Res files' BaseLoc and
// FontFile as GB/T 33190 places them), checks that the browser accepts each, gives every text
// object ofd.js drew its own resource's file (ofd.js writes the object's ID on its <svg>), and
// asks Chromium (DevTools CSS.getPlatformFontsForNode) which font drew each character: a
// character drawn by anything but its own resource's embedded file is a fallback. The family
// names ofd.js asked for are recorded, and so are resources it could not have told apart.
//
// Writes DIR/ofd-page-N.png and DIR/ofd-page-N.json; exits non-zero when the reader fails to
// open the file or a page is missing. Comparing with the PDF is compare.mjs's job.
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

function parseArgs(argv) {
  const args = { pages: "1", scale: "4" };
  for (let i = 2; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "");
    if (i + 1 >= argv.length) throw new Error(`missing value for ${argv[i]}`);
    args[key] = argv[i + 1];
  }
  for (const need of ["ofd", "out"]) if (!args[need]) throw new Error(`--${need} is required`);
  // "auto": page 1, the first page that draws a path (a table's rules), and the last page.
  args.pages = args.pages === "auto" ? "auto" : args.pages.split(",").map((p) => parseInt(p, 10));
  args.scale = parseFloat(args.scale);
  return args;
}

const args = parseArgs(process.argv);
mkdirSync(args.out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--font-render-hinting=none",
  ],
});

let failed = false;
try {
  const context = await browser.newContext({ deviceScaleFactor: 1, viewport: { width: 1400, height: 1400 } });
  const page = await context.newPage();
  const console_lines = [];
  page.on("console", (m) => console_lines.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => console_lines.push(`pageerror: ${e.message}`));
  await page.setContent("<!DOCTYPE html><html><head><meta charset='utf-8'></head>" +
    "<body style='margin:0;background:#888'><div id='pages'></div></body></html>");
  await page.addScriptTag({ path: require.resolve("jszip/dist/jszip.min.js") });
  await page.addScriptTag({ path: require.resolve("ofd.js") });

  const base64 = readFileSync(args.ofd).toString("base64");
  const opened = await page.evaluate(async ({ base64, scale }) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const buffer = bytes.buffer;

    // The embedded fonts, found in the package as the standard places them.
    const zip = await JSZip.loadAsync(buffer.slice(0));
    const xml = async (path) => {
      const file = zip.file(path.replace(/^\//, ""));
      if (!file) throw new Error(`the package has no ${path}`);
      const doc = new DOMParser().parseFromString(await file.async("string"), "application/xml");
      if (doc.getElementsByTagName("parsererror").length) throw new Error(`${path} is not well-formed XML`);
      return doc;
    };
    const dir = (path) => path.includes("/") ? path.slice(0, path.lastIndexOf("/") + 1) : "";
    const join = (base, rel) => rel.startsWith("/") ? rel.slice(1) : base + rel;
    const local = (el, name) => Array.from(el.getElementsByTagNameNS("*", name));
    const text = (el, name) => (local(el, name)[0]?.textContent || "").trim();

    const fonts = { declared: [], loaded: [], failed: [], bound: [] };
    const files = new Map();  // Font ID → its embedded file
    const textFont = new Map();  // TextObject ID → Font ID, from every page's content
    let firstPathPage = 0;
    const register = async (entry, family, data) => {
      try {
        const face = new FontFace(family, data);
        await face.load();  // Chromium's font sanitizer (OTS) rejects a malformed font here
        document.fonts.add(face);
        fonts.loaded.push({ id: entry.id, fontName: entry.fontName, family, bytes: data.byteLength });
      } catch (e) {
        fonts.failed.push({ ...entry, family, why: `the browser rejected the font: ${e.message || e}` });
      }
    };
    const ofdXml = await xml("OFD.xml");
    for (const root of local(ofdXml, "DocRoot")) {
      const docPath = root.textContent.trim().replace(/^\//, "");
      const docXml = await xml(docPath);
      const resPaths = [...local(docXml, "PublicRes"), ...local(docXml, "DocumentRes")]
        .map((e) => join(dir(docPath), e.textContent.trim()));
      for (const resPath of resPaths) {
        const res = await xml(resPath);
        const baseLoc = res.documentElement.getAttribute("BaseLoc") || "";
        const base = baseLoc ? join(dir(resPath), baseLoc.replace(/\/?$/, "/")) : dir(resPath);
        for (const font of local(res, "Font")) {
          const entry = {
            id: font.getAttribute("ID"),
            fontName: font.getAttribute("FontName"),
            familyName: font.getAttribute("FamilyName"),
            fontFile: text(font, "FontFile"),
          };
          fonts.declared.push(entry);
          if (!entry.fontFile) {
            fonts.failed.push({ ...entry, why: "no FontFile: the font is not embedded" });
            continue;
          }
          const path = join(base, entry.fontFile);
          const file = zip.file(path);
          if (!file) {
            fonts.failed.push({ ...entry, why: `FontFile ${path} is not in the package` });
            continue;
          }
          const data = await file.async("arraybuffer");
          files.set(entry.id, { entry, data });
          await register(entry, `ofd-font-${entry.id}`, data);
        }
      }
      let number = 0;
      for (const page of local(docXml, "Page")) {
        ++number;
        const content = await xml(join(dir(docPath), page.getAttribute("BaseLoc")));
        for (const t of local(content, "TextObject")) textFont.set(t.getAttribute("ID"), t.getAttribute("Font"));
        if (!firstPathPage && local(content, "PathObject").length) firstPathPage = number;
      }
    }

    // The reader: ofd.js parses the package and lays out every page as positioned SVG.
    const result = await new Promise((resolve) => {
      ofd.parseOfdDocument({
        ofd: buffer,
        success: (res) => resolve({ ok: true, res }),
        fail: (err) => resolve({ ok: false, error: String(err && (err.message || err)) }),
      });
    });
    if (!result.ok) return { ok: false, error: result.error, fonts };
    const docs = Array.isArray(result.res) ? result.res : [result.res];
    ofd.setPageScale(scale);
    const divs = ofd.renderOfdByScale(docs[0]);
    const host = document.getElementById("pages");
    divs.forEach((div, i) => {
      div.dataset.page = String(i + 1);
      div.style.marginBottom = "0";
      div.style.marginTop = "0";
      host.appendChild(div);
    });
    // Each text object's <svg> carries its ID as z-index: the Font resource of every character.
    // ofd.js asks the browser for a family it derives from the resource's FamilyName (through
    // its table of Windows fonts: any name containing "Kai" becomes "楷体, KaiTi, Kai"), so
    // two resources can meet under one name; what it asks is recorded. Each text is then given
    // its own resource's embedded file, as a reader that loads FontFile does.
    const requested = new Map();  // Font ID → the family ofd.js asks for
    for (const svg of host.querySelectorAll("svg")) {
      const texts = svg.querySelectorAll("text");
      if (!texts.length) continue;
      const fontId = textFont.get(svg.style.zIndex);
      const embedded = files.get(fontId);
      for (const t of texts) {
        t.dataset.font = fontId ?? "";
        const first = getComputedStyle(t).fontFamily.split(",")[0].trim().replace(/^["']|["']$/g, "");
        if (fontId !== undefined && !requested.has(fontId)) requested.set(fontId, first);
        if (embedded) t.style.fontFamily = `"ofd-font-${fontId}"`;
      }
    }
    const byFamily = new Map();
    for (const [fontId, family] of requested) {
      const entry = files.get(fontId)?.entry;
      fonts.bound.push({ id: fontId, fontName: entry?.fontName, familyName: entry?.familyName, readerFamily: family });
      byFamily.set(family, [...(byFamily.get(family) || []), entry?.fontName || fontId]);
    }
    // Fonts a reader that finds fonts by name, as ofd.js does, could not tell apart.
    fonts.sameName = [...byFamily].filter(([, ids]) => ids.length > 1).map(([family, names]) => ({ family, names }));
    await document.fonts.ready;
    const names = Object.fromEntries([...files].map(([id, f]) => [id, f.entry.fontName]));
    return { ok: true, pageCount: divs.length, fonts, names, firstPathPage };
  }, { base64, scale: args.scale });

  if (!opened.ok) {
    console.error(`render.mjs: ofd.js could not open ${args.ofd}: ${opened.error}`);
    console.error(console_lines.join("\n"));
    failed = true;
  } else {
    const cdp = await context.newCDPSession(page);
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const pages = args.pages !== "auto" ? args.pages
      : [...new Set([1, opened.firstPathPage || 1, opened.pageCount])].sort((a, b) => a - b);
    writeFileSync(`${args.out}/pages.txt`, pages.join(" ") + "\n");
    for (const n of pages) {
      if (n < 1 || n > opened.pageCount) {
        console.error(`render.mjs: ${args.ofd} has ${opened.pageCount} pages as ofd.js reads it; no page ${n}`);
        failed = true;
        continue;
      }
      const selector = `#pages > div[data-page="${n}"]`;
      const measured = await page.evaluate(({ selector, scale }) => {
        const div = document.querySelector(selector);
        const origin = div.getBoundingClientRect();
        const chars = [];
        div.querySelectorAll("text").forEach((t, i) => {
          t.dataset.index = String(i);
          const ctm = t.getScreenCTM();
          const p = new DOMPoint(t.x.baseVal[0]?.value || 0, t.y.baseVal[0]?.value || 0).matrixTransform(ctm);
          const box = t.getBoundingClientRect();
          chars.push({
            c: t.textContent,
            fontId: t.dataset.font,
            x: (p.x - origin.left) / scale,
            y: (p.y - origin.top) / scale,
            box: [(box.left - origin.left) / scale, (box.top - origin.top) / scale, box.width / scale, box.height / scale],
            family: getComputedStyle(t).fontFamily,
            size: parseFloat(getComputedStyle(t).fontSize) / scale,
          });
        });
        // Each path drawn, as points every half millimetre along its stroked length (moves
        // between subpaths add no length, so every point lies on a drawn segment).
        const paths = [];
        div.querySelectorAll("path").forEach((p) => {
          const ctm = p.getScreenCTM();
          const length = p.getTotalLength();
          const points = [];
          const step = Math.max(0.5 * scale, length / 4000);
          for (let at = 0; at <= length; at += step) {
            const q = p.getPointAtLength(at).matrixTransform(ctm);
            points.push([(q.x - origin.left) / scale, (q.y - origin.top) / scale]);
          }
          paths.push({ length: length / scale, stroke: p.getAttribute("stroke"), points });
        });
        return { width: origin.width / scale, height: origin.height / scale, chars, paths };
      }, { selector, scale: args.scale });

      // Which fonts Chromium drew each character with.
      const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
      const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: `${selector} text` });
      for (let i = 0; i < nodeIds.length && i < measured.chars.length; ++i) {
        const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId: nodeIds[i] });
        measured.chars[i].drawnWith = fonts.map((f) => ({ family: f.familyName, postScript: f.postScriptName, custom: f.isCustomFont, glyphs: f.glyphCount }));
      }

      const png = `${args.out}/ofd-page-${n}.png`;
      await page.locator(selector).screenshot({ path: png, animations: "disabled" });
      writeFileSync(`${args.out}/ofd-page-${n}.json`, JSON.stringify({
        ofd: args.ofd, page: n, pageCount: opened.pageCount, scale: args.scale, fonts: opened.fonts,
        fontNames: opened.names, ...measured,
      }, null, 1));
    }
  }
  if (console_lines.some((l) => l.startsWith("pageerror"))) {
    console.error(console_lines.filter((l) => l.startsWith("pageerror")).join("\n"));
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
