// Compares one page as ofd.js drew it from the OFD (render.mjs's PNG and JSON) with the same
// page of the PDF (pdftoppm's PNG at the same resolution, mutool's character list):
//   text   every character at the same place (origin within --tol mm), both ways, and in the
//          same font as the PDF uses for it;
//   fonts  every embedded font loaded, every character drawn by an embedded font (no fallback);
//   rules  every rule (path) ofd.js drew lies on ink of the PDF's page, point by point;
//   ink    the two rasters' ink coincides (each dark pixel has a dark pixel of the other page
//          within 2 px), so glyph shapes, sizes and rules agree, not only origins.
//
//   node compare.mjs --ofd-json P.json --ofd-png P.png --pdf-png Q.png --pdf-stext Q.xml
//                    [--tol 0.35] [--ink 0.97] [--label NAME]
//
// Prints one line per check and exits 1 when any fails.
import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";

function parseArgs(argv) {
  const args = { tol: "0.35", ink: "0.97", label: "" };
  for (let i = 2; i < argv.length; i += 2) args[argv[i].replace(/^--/, "")] = argv[i + 1];
  for (const need of ["ofd-json", "ofd-png", "pdf-png", "pdf-stext"])
    if (!args[need]) throw new Error(`--${need} is required`);
  return args;
}

// A PNG's pixels as luminance (8-bit, non-interlaced: what pdftoppm and Chromium write).
export function readPng(path) {
  const buf = readFileSync(path);
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error(`${path}: not a PNG`);
  let at = 8, width = 0, height = 0, depth = 0, type = 0, interlace = 0;
  const idat = [];
  while (at < buf.length) {
    const len = buf.readUInt32BE(at);
    const kind = buf.toString("ascii", at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + len);
    if (kind === "IHDR") {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      depth = data[8]; type = data[9]; interlace = data[12];
    } else if (kind === "IDAT") idat.push(data);
    else if (kind === "IEND") break;
    at += 12 + len;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[type];
  if (depth !== 8 || !channels || interlace) throw new Error(`${path}: unsupported PNG (depth ${depth}, type ${type})`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const cur = Buffer.alloc(stride), prev = Buffer.alloc(stride);
  const lum = new Uint8Array(width * height);
  for (let y = 0; y < height; ++y) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; ++i) {
      const a = i >= channels ? cur[i - channels] : 0, b = prev[i], c = i >= channels ? prev[i - channels] : 0;
      let v = line[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      cur[i] = v & 255;
    }
    for (let x = 0; x < width; ++x) {
      const o = x * channels;
      let l = channels >= 3 ? (cur[o] * 299 + cur[o + 1] * 587 + cur[o + 2] * 114) / 1000 : cur[o];
      if (channels === 4 || channels === 2) {
        const alpha = cur[o + channels - 1] / 255;  // over white
        l = l * alpha + 255 * (1 - alpha);
      }
      lum[y * width + x] = l;
    }
    cur.copy(prev);
  }
  return { width, height, lum };
}

const entities = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const decode = (s) => s.replace(/&(#x([0-9a-fA-F]+)|#([0-9]+)|(\w+));/g, (m, _, hex, dec, name) =>
  hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(parseInt(dec, 10)) : entities[name] ?? m);

// mutool draw -F stext: <font name= size=> … <char x= y= c=/>, origins in points.
export function readStext(path) {
  const mm = 25.4 / 72;
  const chars = [];
  let font = "";
  for (const m of readFileSync(path, "utf8").matchAll(/<font name="([^"]*)"|<char ([^>]*)\/>/g)) {
    if (m[1] !== undefined) { font = decode(m[1]); continue; }
    const attr = (n) => (m[2].match(new RegExp(`\\b${n}="([^"]*)"`)) || [])[1];
    chars.push({ c: decode(attr("c") ?? ""), x: parseFloat(attr("x")) * mm, y: parseFloat(attr("y")) * mm, font });
  }
  return chars;
}

const baseFont = (name) => (name || "").replace(/^[A-Z]{6}\+/, "");
const visible = (c) => c.c.trim() !== "";

// Pairs the characters of two pages: the same character whose origins lie within `tol` mm.
export function matchChars(ofd, pdf, tol) {
  const used = new Array(pdf.length).fill(false);
  const byChar = new Map();
  pdf.forEach((p, i) => { if (!byChar.has(p.c)) byChar.set(p.c, []); byChar.get(p.c).push(i); });
  const pairs = [], unmatched = [];
  for (const o of ofd) {
    let best = -1, bestD = Infinity;
    for (const i of byChar.get(o.c) || []) {
      if (used[i]) continue;
      const d = Math.hypot(o.x - pdf[i].x, o.y - pdf[i].y);
      if (d < bestD) { best = i; bestD = d; }
    }
    if (best >= 0 && bestD <= tol) { used[best] = true; pairs.push([o, pdf[best], bestD]); }
    else unmatched.push({ ...o, nearest: best >= 0 ? bestD : null });
  }
  return { pairs, unmatchedOfd: unmatched, unmatchedPdf: pdf.filter((_, i) => !used[i]) };
}

// The fraction of `a`'s ink pixels (darker than `threshold`) that have ink of `b` (darker than
// `cover`, for anti-aliased hairlines) within `r` pixels.
export function inkCovered(a, b, r, threshold = 160, cover = 230) {
  let ink = 0, covered = 0;
  const w = Math.min(a.width, b.width), h = Math.min(a.height, b.height);
  for (let y = 0; y < h; ++y)
    for (let x = 0; x < w; ++x) {
      if (a.lum[y * a.width + x] >= threshold) continue;
      ++ink;
      search: for (let dy = -r; dy <= r; ++dy)
        for (let dx = -r; dx <= r; ++dx) {
          const yy = y + dy, xx = x + dx;
          if (yy < 0 || xx < 0 || yy >= b.height || xx >= b.width) continue;
          if (b.lum[yy * b.width + xx] < cover) { ++covered; break search; }
        }
    }
  return { ink, covered, fraction: ink ? covered / ink : 1 };
}

const show = (c) => `'${c.c}' at (${c.x.toFixed(2)}, ${c.y.toFixed(2)}) mm`;

function main() {
  const args = parseArgs(process.argv);
  const tol = parseFloat(args.tol), inkMin = parseFloat(args.ink);
  const page = JSON.parse(readFileSync(args["ofd-json"], "utf8"));
  const pdfChars = readStext(args["pdf-stext"]).filter(visible);
  const ofdChars = page.chars.filter(visible);
  const results = [];
  const check = (name, ok, detail) => results.push({ name, ok, detail });

  // Fonts: embedded, loaded, and the only ones that drew anything.
  check("fonts embedded and loaded", page.fonts.failed.length === 0 && page.fonts.loaded.length > 0,
    page.fonts.failed.length ? page.fonts.failed.map((f) => `${f.fontName || f.familyName}: ${f.why}`).join("; ")
      : `${new Set(page.fonts.loaded.map((f) => f.id)).size} embedded fonts loaded by the browser`);
  // Each character drawn by its own resource's embedded file alone (its PostScript name is the
  // resource's FontName), never by a system font.
  const own = (c) => page.fontNames[c.fontId];
  const fallback = ofdChars.filter((c) => !c.drawnWith || c.drawnWith.length === 0 ||
    c.drawnWith.some((f) => !f.custom || baseFont(f.postScript) !== own(c)));
  check("no font fallback", fallback.length === 0,
    fallback.length ? `${fallback.length} characters not drawn by their own embedded font, e.g. ` +
      fallback.slice(0, 5).map((c) => `${show(c)} (font ${c.fontId}, ${own(c) || "not embedded"}) by ` +
        `${(c.drawnWith || []).map((f) => `${f.postScript}${f.custom ? "" : " (system)"}`).join("+") || "nothing"}`).join("; ")
      : `all ${ofdChars.length} characters drawn by their own embedded font`);

  // Text: the same characters at the same places.
  const m = matchChars(ofdChars, pdfChars, tol);
  const worst = m.pairs.reduce((w, p) => Math.max(w, p[2]), 0);
  check("same text at the same places", m.unmatchedOfd.length === 0 && m.unmatchedPdf.length === 0,
    `${m.pairs.length} of ${ofdChars.length} OFD / ${pdfChars.length} PDF characters paired within ${tol} mm ` +
    `(largest distance ${worst.toFixed(3)} mm)` +
    (m.unmatchedOfd.length ? `; only in the OFD: ${m.unmatchedOfd.slice(0, 6).map(show).join(", ")}` : "") +
    (m.unmatchedPdf.length ? `; only in the PDF: ${m.unmatchedPdf.slice(0, 6).map(show).join(", ")}` : ""));
  const wrongFont = m.pairs.filter(([o, p]) => !(o.drawnWith || []).some((f) => baseFont(f.postScript) === baseFont(p.font)));
  check("same font as the PDF", wrongFont.length === 0,
    wrongFont.length ? `${wrongFont.length} characters, e.g. ` + wrongFont.slice(0, 5).map(([o, p]) =>
      `${show(o)}: OFD ${(o.drawnWith || []).map((f) => f.postScript).join("+")}, PDF ${p.font}`).join("; ")
      : `every paired character in the PDF's font (${[...new Set(m.pairs.map(([, p]) => baseFont(p.font)))].join(", ")})`);

  // The page number: the lowest line of the page, in both.
  const lowest = (chars) => {
    if (!chars.length) return "";
    const y = Math.max(...chars.map((c) => c.y));
    return chars.filter((c) => Math.abs(c.y - y) < 1).sort((a, b) => a.x - b.x).map((c) => c.c).join("");
  };
  const footOfd = lowest(ofdChars), footPdf = lowest(pdfChars);
  check("page number (lowest line)", footOfd === footPdf && footOfd !== "", `OFD '${footOfd}', PDF '${footPdf}'`);

  // Rules and ink, on rasters of the same resolution.
  const ofdPng = readPng(args["ofd-png"]), pdfPng = readPng(args["pdf-png"]);
  const sizeOk = Math.abs(ofdPng.width - pdfPng.width) <= 1 && Math.abs(ofdPng.height - pdfPng.height) <= 1;
  check("page size", sizeOk, `OFD ${ofdPng.width}x${ofdPng.height} px, PDF ${pdfPng.width}x${pdfPng.height} px ` +
    `(${page.width.toFixed(1)}x${page.height.toFixed(1)} mm in the reader)`);
  const pxPerMm = ofdPng.width / page.width;
  // A point is on ink when a pixel within 2 px is darker than `cover` (a hairline rasterizes
  // light grey in one renderer and black in the other).
  const onInk = (png, x, y, cover = 230) => {
    const px = Math.round(x * pxPerMm), py = Math.round(y * pxPerMm);
    for (let dy = -2; dy <= 2; ++dy)
      for (let dx = -2; dx <= 2; ++dx) {
        const xx = px + dx, yy = py + dy;
        if (xx >= 0 && yy >= 0 && xx < png.width && yy < png.height && png.lum[yy * png.width + xx] < cover) return true;
      }
    return false;
  };
  let drawn = 0, length = 0;
  const badPaths = [];
  for (const p of page.paths) {
    if (!p.points.length) continue;
    ++drawn;
    length += p.length;
    const off = p.points.filter(([x, y]) => !onInk(pdfPng, x, y));
    if (off.length > 0.02 * p.points.length)
      badPaths.push(`a path of ${p.length.toFixed(1)} mm: ${off.length} of ${p.points.length} points off the PDF's ink, ` +
        `first at (${off[0][0].toFixed(1)}, ${off[0][1].toFixed(1)}) mm`);
  }
  check("rules where the PDF has them", badPaths.length === 0,
    badPaths.length ? badPaths.slice(0, 5).join("; ") : `${drawn} paths, ${length.toFixed(0)} mm of lines drawn by the reader, all on the PDF's ink`);
  if (sizeOk) {
    const a = inkCovered(ofdPng, pdfPng, 2), b = inkCovered(pdfPng, ofdPng, 2);
    check("ink coincides", a.fraction >= inkMin && b.fraction >= inkMin,
      `${(100 * a.fraction).toFixed(2)}% of the OFD's ${a.ink} ink pixels lie on the PDF's ink, ` +
      `${(100 * b.fraction).toFixed(2)}% of the PDF's ${b.ink} on the OFD's (need ${100 * inkMin}%)`);
  }

  const label = args.label ? `${args.label}: ` : "";
  for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} ${label}${r.name}: ${r.detail}`);
  // Not a failure of the OFD: how ofd.js itself names the fonts, for the record.
  console.log(`note ${label}ofd.js's font names: ` +
    page.fonts.bound.map((b) => `${b.fontName} as '${b.readerFamily}'`).join(", ") +
    (page.fonts.sameName.length ? `; one name for several fonts: ` +
      page.fonts.sameName.map((s) => `'${s.family}' for ${s.names.join(" and ")}`).join("; ") : ""));
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
