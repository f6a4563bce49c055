#!/usr/bin/python3
"""Makes the page's Korean font: NanumGothic (Debian fonts-nanum) subset with pyftsubset (Debian
fonttools) to exactly the code points above Latin-1 that the UI's strings and the message catalogue
use — the same set the app builds ImGui's glyph ranges from (src/app/ui/fonts.cpp) — and renamed "fmnist-ko", since the OFL
reserves the name NanumGothic for unmodified copies.

Usage (Debian's python3, which has fontTools): scripts/make_font.py --out assets/fmnist-ko.ttf [--font /usr/share/fonts/truetype/nanum/NanumGothic.ttf]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLES = ['src/app/i18n/strings_table.h', 'src/app/i18n/strings_ko.h']
# The core's error sentences, English and Korean side by side (FM_MESSAGE rows): the page shows them.
CATALOGUE = 'src/messages/messages_table.h'
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def c_literal_bytes(body):
    """The bytes of a C string literal's body (the escapes the tables use)."""
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c != '\\':
            out += c.encode('utf-8')
            i += 1
            continue
        n = body[i + 1]
        if n == 'x':
            m = re.match(r'[0-9A-Fa-f]+', body[i + 2:])
            out.append(int(m.group(0), 16) & 0xFF)
            i += 2 + len(m.group(0))
        else:
            out += {'n': b'\n', 't': b'\t', '"': b'"', '\\': b'\\', "'": b"'"}.get(n, n.encode())
            i += 2
    return bytes(out)


def row_texts(path):
    """{id: text} for each FM_STRING/FM_KO row (adjacent literals joined), comments dropped."""
    src = open(os.path.join(ROOT, path), encoding='utf-8').read()
    rows = {}
    for m in re.finditer(r'^FM_(?:STRING|KO)\((\w+),(.*?)\)\s*(?://[^\n]*)?$', src, re.M | re.S):
        rid, rest = m.group(1), m.group(2)
        rows[rid] = b''.join(c_literal_bytes(x) for x in LITERAL.findall(rest)).decode('utf-8')
    return rows


def catalogue_texts(path):
    """Every text of the FM_MESSAGE rows (both columns; adjacent literals joined), comments dropped."""
    src = open(os.path.join(ROOT, path), encoding='utf-8').read()
    src = re.sub(r'^\s*//[^\n]*$', '', src, flags=re.M)
    texts = []
    for m in re.finditer(r'^FM_MESSAGE\((\w+),(.*?)\)\s*$', src, re.M | re.S):
        # Literals, and the comma between the two columns (the only one outside a literal).
        columns, pos = [[]], 0
        for lit in LITERAL.finditer(m.group(2)):
            if ',' in m.group(2)[pos:lit.start()]:
                columns.append([])
            columns[-1].append(lit.group(1))
            pos = lit.end()
        if len(columns) != 2 or not all(columns):
            sys.exit(f'make_font: {path}: row {m.group(1)} needs an English and a Korean text')
        texts += [b''.join(c_literal_bytes(x) for x in col).decode('utf-8') for col in columns]
    if not texts:
        sys.exit(f'make_font: no FM_MESSAGE rows in {path}')
    return texts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', required=True)
    ap.add_argument('--font', default='/usr/share/fonts/truetype/nanum/NanumGothic.ttf')
    args = ap.parse_args()
    en, ko = row_texts(TABLES[0]), row_texts(TABLES[1])
    missing = sorted(set(en) - set(ko))
    if missing:
        print(f'make_font: {len(missing)} strings have no Korean row (shown in English): '
              + ', '.join(missing), file=sys.stderr)
    unknown = sorted(set(ko) - set(en))
    if unknown:
        sys.exit(f'make_font: Korean rows for unknown ids: {", ".join(unknown)}')
    texts = list(en.values()) + list(ko.values()) + catalogue_texts(CATALOGUE)
    cps = sorted({ord(ch) for text in texts for ch in text if 0xFF < ord(ch) <= 0xFFFF})
    if not os.path.exists(args.font):
        sys.exit(f'make_font: {args.font} not found (Debian package fonts-nanum)')
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        listing = os.path.join(tmp, 'unicodes.txt')
        with open(listing, 'w') as f:
            f.write('\n'.join(f'U+{c:04X}' for c in cps) + '\n')
        subset = os.path.join(tmp, 'subset.ttf')
        subprocess.run(['pyftsubset', args.font, f'--unicodes-file={listing}', f'--output-file={subset}',
                        '--layout-features=', '--no-hinting', '--desubroutinize', '--notdef-outline',
                        '--name-IDs=0,1,2,3,4,5,6', '--name-languages=*',
                        '--drop-tables+=TSI0,TSI1,TSI2,TSI3,TSI5'], check=True)
        rename(subset, args.out)
    size = os.path.getsize(args.out)
    print(f'make_font: {args.out}: {len(cps)} code points, {size} bytes')
    if size > 300 * 1024:
        sys.exit(f'make_font: {args.out} is {size} bytes, over the 300 KB budget')


def rename(src, dst):
    """OFL 1.1 §3: a Modified Version may not use the Reserved Font Names (Nanum, NanumGothic)."""
    from fontTools.ttLib import TTFont
    font = TTFont(src)
    names = font['name']
    family = 'fmnist-ko'
    for rec in list(names.names):
        if rec.nameID in (1, 4, 16, 21):
            rec.string = family
        elif rec.nameID == 3:
            rec.string = f'{family}: subset of NanumGothic for fmnist-wasm'
        elif rec.nameID == 6:
            rec.string = family
        elif rec.nameID == 17:
            rec.string = 'Regular'
    font.save(dst)


if __name__ == '__main__':
    main()
