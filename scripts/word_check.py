#!/usr/bin/env python3
"""chapter.docx as a board member gets it: rendered by LibreOffice, checked page by page.

    python3 scripts/word_check.py reports/bolton/chapter.docx --max-pages 40 --summary-pages 4

Checks, each printed with what it measured:
  - every page is A4 (portrait or, for wide tables, landscape);
  - at most --max-pages pages;
  - the summary ends by page --summary-pages (the contents page follows it);
  - every page carries the running header and a page number;
  - the contents page's page numbers were filled in (no "Error: Reference");
  - body text is set in Carlito or Calibri (metric-compatible fonts, so the layout is
    the one Word gives), and chart text (rasterised by rsvg-convert) finds an
    Arial-metric font (`fc-match Arial`);
  - no table cell splits a number across lines (each number in a cell of the .docx is
    found whole in the rendered text).
Writes chapter.pdf and the first four pages as PNG beside the .docx for a look.
Uses only the standard library, LibreOffice (soffice) and poppler-utils.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("docx")
    parser.add_argument("--max-pages", type=int, default=40)
    parser.add_argument("--summary-pages", type=int, default=4)
    args = parser.parse_args()

    folder = os.path.dirname(os.path.abspath(args.docx))
    with tempfile.TemporaryDirectory() as profile:
        # A profile of its own, so a running LibreOffice does not swallow the conversion.
        run("soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", folder, args.docx)
    pdf = os.path.join(folder, os.path.splitext(os.path.basename(args.docx))[0] + ".pdf")
    info = run("pdfinfo", pdf)
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    failures = []

    def check(ok, message):
        print(("ok   " if ok else "FAIL ") + message)
        if not ok:
            failures.append(message)

    sizes = run("pdfinfo", "-f", "1", "-l", str(pages), pdf)
    found = [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", sizes)]
    landscape = sum(1 for w, h in found if w > h)
    check(all(tuple(sorted((round(w), round(h)))) == (595, 842) for w, h in found), f"all {pages} pages are A4 ({landscape} landscape)")
    check(pages <= args.max_pages, f"{pages} pages (at most {args.max_pages})")

    texts = [run("pdftotext", "-layout", "-f", str(p), "-l", str(p), pdf, "-") for p in range(1, pages + 1)]
    contents = next((i + 1 for i, t in enumerate(texts) if re.search(r"^\s*Contents\s*$", t, re.M)), None)
    check(contents is not None and contents - 1 <= args.summary_pages,
          f"the summary ends on page {contents - 1 if contents else '?'} (at most {args.summary_pages}); the contents page is page {contents}")
    if contents:
        check("Error" not in texts[contents - 1], "the contents page's page numbers are filled in")
    title = texts[0].strip().splitlines()[0].strip()
    check(all(title in t for t in texts), f"every page carries the header \"{title}\"")
    numbered = sum(1 for i, t in enumerate(texts) if re.search(rf"^\s*{i + 1}\s*$", t, re.M))
    check(numbered == pages, f"{numbered} of {pages} pages show their page number")

    fonts = run("pdffonts", pdf)
    body = re.findall(r"^\S+\+(\S+)", fonts, re.M)
    check(bool(body) and all(re.match(r"(Carlito|Calibri)", f) for f in body if not re.match(r"(Liberation ?Mono|Consolas|DejaVuSansMono|Courier)", f)),
          f"body fonts: {', '.join(sorted(set(body)))}")
    arial = run("fc-match", "Arial").strip()
    check(re.search(r"Liberation Sans|Arial|Arimo", arial) is not None, f"chart text (Arial) is drawn with {arial}")

    # Every number in a table cell of the .docx must appear whole in the rendered text at
    # least as often as the cells hold it: a number cut at a column edge does not.
    import zipfile
    from collections import Counter
    xml = zipfile.ZipFile(args.docx).read("word/document.xml").decode()
    cells = Counter()
    for cell in re.findall(r"<w:tc>.*?</w:tc>", xml, re.S):
        text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", cell)).strip()
        if re.fullmatch(r"[\d,]+(\.\d+)?%?", text) and len(text) >= 3:
            cells[text] += 1
    rendered = Counter(re.findall(r"(?<![\d.,])[\d,]+(?:\.\d+)?%?(?![\d.])", run("pdftotext", pdf, "-")))
    split = [n for n, k in cells.items() if rendered[n] < k]
    check(not split, f"all {sum(cells.values())} numbers in table cells are whole on the page" + ("" if not split else f"; split: {', '.join(split[:5])}"))

    if shutil.which("pdftoppm"):
        run("pdftoppm", "-r", "60", "-f", "1", "-l", "4", "-png", pdf, os.path.join(folder, "page"))
        print(f"first four pages: {folder}/page-*.png")
    print(f"{pages} pages; summary ends on page {contents - 1 if contents else '?'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
