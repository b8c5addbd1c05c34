#!/usr/bin/env python3
"""mkfix.py - build the attachment fixtures for omamori (python3 standard library only)

SYNOPSIS
    mkfix.py payloads WORK          write the inputs the shell recipe hands to
                                    zip, 7z, tar, qpdf, openssl, gpg ... (WORK/in)
    mkfix.py messages WORK OUTDIR   build OUTDIR/*.eml from WORK/in and the tool
                                    outputs in WORK/out, then verify them
    mkfix.py verify WORK OUTDIR     verify again without rebuilding
    mkfix.py labels                 print labels.tsv (the case table is here)

DESCRIPTION
    Everything that no Debian tool writes is built here by hand, from the
    published format descriptions named next to each builder: ZIP (PKWARE
    APPNOTE, incl. ZIP64 and bzip2 members), OOXML and ODF packages, RTF,
    PDF, [MS-CFB] compound files, Word 97 FIB, BIFF8 FILEPASS,
    [MS-OFFCRYPTO] EncryptionInfo, RAR 5.0, PE/COFF, [MS-SHLLINK], PNG, JPEG.
    Tools that do exist in Debian are called from make-fixtures.sh so the
    recipe stays visible there.

    All personal data is invented.  My Numbers carry the official check
    digit, card numbers pass Luhn, phone numbers follow the Japanese plan.

    The verify step parses every produced message with python's email
    package, decodes every attachment and compares it byte for byte with
    what was intended, and checks the labels file against the case table.
"""

import base64
import bz2
import hashlib
import io
import os
import re
import struct
import subprocess
import sys
import time
import zipfile
import zlib
import xml.etree.ElementTree as ET
from email import message_from_bytes
from email import policy as email_policy

HERE = os.path.dirname(os.path.abspath(__file__))
EPOCH = 1713142800            # 2024-04-15 01:00:00 UTC = 10:00 JST
ZIPTIME = (2024, 4, 15, 10, 0, 0)
PASSWORD = "Sakura#2024"       # every password-protected fixture uses it

COVERS = ("attach.pii_unencrypted attach.encrypted attach.encrypted_weak "
          "attach.unscannable attach.executable attach.shortcut "
          "attach.double_extension attach.spaces_before_ext attach.rlo "
          "attach.type_mismatch").split()


# ---------------------------------------------------------------------------
# small helpers

def prng(label, n):
    """prng - n deterministic pseudo-random bytes named by label (SHA-256 counter)"""
    out = bytearray()
    i = 0
    while len(out) < n:
        out += hashlib.sha256(("%s/%d" % (label, i)).encode()).digest()
        i += 1
    return bytes(out[:n])


def det_digits(label, n):
    """det_digits - n deterministic decimal digits named by label"""
    return "".join(str(b % 10) for b in prng(label, n))


def crlf(text):
    """crlf - normalise a text to CRLF line ends"""
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def write(path, data):
    """write - create parent directories and write bytes"""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


# CRC-32 of long runs of zeros without feeding gigabytes through zlib:
# zlib's crc32_combine() (GF(2) matrix powers), written out in python.

def _gf2_times(mat, vec):
    s = 0
    i = 0
    while vec:
        if vec & 1:
            s ^= mat[i]
        vec >>= 1
        i += 1
    return s


def _gf2_square(mat):
    return [_gf2_times(mat, mat[n]) for n in range(32)]


def crc32_combine(crc1, crc2, len2):
    """crc32_combine - CRC-32 of A+B from crc(A), crc(B) and len(B)"""
    if len2 <= 0:
        return crc1
    odd = [0xEDB88320] + [1 << (n - 1) for n in range(1, 32)]
    even = _gf2_square(odd)
    odd = _gf2_square(even)
    while True:
        even = _gf2_square(odd)
        if len2 & 1:
            crc1 = _gf2_times(even, crc1)
        len2 >>= 1
        if not len2:
            break
        odd = _gf2_square(even)
        if len2 & 1:
            crc1 = _gf2_times(odd, crc1)
        len2 >>= 1
        if not len2:
            break
    return crc1 ^ crc2


def crc32_zeros(n):
    """crc32_zeros - CRC-32 of n zero bytes, by doubling"""
    crc, have = 0, 0            # crc of `have` zeros
    piece, plen = zlib.crc32(b"\0"), 1
    while n:
        if n & 1:
            crc = crc32_combine(crc, piece, plen)
            have += plen
        piece = crc32_combine(piece, piece, plen)
        plen *= 2
        n >>= 1
    return crc


# ---------------------------------------------------------------------------
# invented personal data

def mynumber(label):
    """mynumber - 12-digit My Number with the official check digit

    Check digit (個人番号の検査用数字): with P(n) the n-th of the 11 digits
    counted from the right, Q(n) = n+1 for n <= 6 and n-5 for n >= 7;
    r = sum(P(n)*Q(n)) mod 11; check = 0 if r <= 1 else 11 - r."""
    body = det_digits("mynumber/" + label, 11)
    if body[0] == "0":
        body = "3" + body[1:]
    s = 0
    for n in range(1, 12):
        p = int(body[11 - n])
        q = n + 1 if n <= 6 else n - 5
        s += p * q
    r = s % 11
    return body + str(0 if r <= 1 else 11 - r)


def luhn_complete(prefix, length, label):
    """luhn_complete - card number with the given prefix that passes Luhn"""
    body = prefix + det_digits("card/" + label, length - len(prefix) - 1)
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def luhn_ok(num):
    total = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


_PEOPLE = [
    # 氏名, フリガナ, romaji, 生年月日, 郵便番号, 住所
    ("山田 花子", "ヤマダ ハナコ", "Hanako Yamada", "1968-03-14", "168-0072",
     "東京都杉並区高井戸東9丁目21番4号"),
    ("佐藤 健一", "サトウ ケンイチ", "Kenichi Sato", "1975-11-02", "231-0868",
     "神奈川県横浜市中区石川町8丁目14番2号"),
    ("鈴木 美咲", "スズキ ミサキ", "Misaki Suzuki", "1989-07-23", "330-0846",
     "埼玉県さいたま市大宮区大門町7丁目3番18号"),
    ("高橋 翔太", "タカハシ ショウタ", "Shota Takahashi", "1992-01-30", "460-0008",
     "愛知県名古屋市中区栄9丁目5番11号"),
    ("伊藤 由美子", "イトウ ユミコ", "Yumiko Ito", "1957-05-08", "530-0012",
     "大阪府大阪市北区芝田6丁目17番9号"),
    ("渡辺 大輔", "ワタナベ ダイスケ", "Daisuke Watanabe", "1983-09-17", "812-0011",
     "福岡県福岡市博多区博多駅前8丁目2番30号"),
    ("中村 さくら", "ナカムラ サクラ", "Sakura Nakamura", "2001-04-05", "980-0021",
     "宮城県仙台市青葉区中央7丁目9番6号"),
    ("小林 誠", "コバヤシ マコト", "Makoto Kobayashi", "1964-12-24", "060-0042",
     "北海道札幌市中央区大通西29丁目4番1号"),
]


def customers():
    """customers - the invented customer list (dicts), the same on every run"""
    rows = []
    for i, (name, kana, roma, dob, zipc, addr) in enumerate(_PEOPLE):
        d = det_digits("phone/%d" % i, 8)
        if i % 3 == 2:
            phone = "0%d-%s-%s" % (3 if i % 2 else 6, "5" + d[:3], d[4:8])
        else:
            phone = "0%d0-%d%s-%s" % ((9, 8, 7)[i % 3], 1 + int(d[0]) % 9, d[1:4], d[4:8])
        rows.append(dict(name=name, kana=kana, roma=roma, dob=dob, zip=zipc,
                         addr=addr, phone=phone, mynumber=mynumber(str(i)),
                         card=luhn_complete("4", 16, str(i)),
                         policy="SK-%s" % det_digits("policy/%d" % i, 8)))
    return rows


def fullwidth_digits(s):
    return s.translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))


def pii_table(fullwidth=False):
    """pii_table - header + rows of the customer list as lists of str"""
    head = ["氏名", "フリガナ", "生年月日", "電話番号", "郵便番号", "住所", "個人番号"]
    rows = [head]
    for i, c in enumerate(customers()):
        phone = c["phone"]
        if fullwidth and i % 2:
            phone = fullwidth_digits(phone)
        rows.append([c["name"], c["kana"], c["dob"].replace("-", "/"), phone,
                     "〒" + c["zip"], c["addr"], c["mynumber"]])
    return rows


def pii_csv_text(fullwidth=False):
    return "".join(",".join(r) + "\r\n" for r in pii_table(fullwidth))


def pii_txt_text():
    lines = ["【お客様一覧】取扱注意", "", "作成: さくら保険代理店 営業部", ""]
    for c in customers():
        lines += ["氏名: %s（%s）" % (c["name"], c["kana"]),
                  "生年月日: %s" % c["dob"].replace("-", "年", 1).replace("-", "月") + "日",
                  "電話: %s" % c["phone"],
                  "住所: 〒%s %s" % (c["zip"], c["addr"]),
                  "個人番号: %s" % c["mynumber"], ""]
    return crlf("\n".join(lines) + "\n")


MEMO_TEXT = crlf("""打ち合わせメモ（4月定例）

1. 新商品パンフレットの配布時期について
   5月連休明けに各店舗へ配布する。部数は前年並み。
2. 代理店研修の日程
   6月第2週を候補とする。会場は本社3階会議室。
3. 次回定例
   5月13日（月）10時から。議題は別途連絡。

以上
""")

PRICE_CSV = crlf("""商品コード,商品名,月額保険料（円）,備考
A-100,自動車保険スタンダード,4800,新規割引あり
A-200,自動車保険ワイド,6200,
H-110,火災保険ベーシック,1900,建物のみ
H-210,火災保険プラス,2700,家財含む
L-300,医療保険シンプル,2300,入院日額5000円
""")

AGENDA_LINES = ["第12回 代理店連絡会 議事次第", "日時: 2024年5月13日 10:00-11:30",
                "場所: 本社3階 第1会議室", "1. 開会挨拶", "2. 新商品の説明",
                "3. 事務手続きの変更点", "4. 質疑応答", "5. 閉会"]

BROCHURE_LINES = ["Sakura Hoken Agency - Product guide 2024",
                  "Auto insurance Standard: monthly premium from 4,800 yen",
                  "Fire insurance Basic: monthly premium from 1,900 yen",
                  "Medical insurance Simple: monthly premium from 2,300 yen",
                  "Ask your Sakura Hoken representative. Prices include tax."]


# ---------------------------------------------------------------------------
# ZIP writer (PKWARE APPNOTE 6.3): local header + data, central directory,
# end record; ZIP64 extra field when a size does not fit in 32 bits.

class Zip:
    def __init__(self):
        self.buf = bytearray()
        self.central = []

    @staticmethod
    def dostime(t=ZIPTIME):
        y, mo, d, h, mi, s = t
        return ((h << 11) | (mi << 5) | (s // 2), ((y - 1980) << 9) | (mo << 5) | d)

    def add(self, name, data=None, method=8, raw=None, crc=None, usize=None,
            name_bytes=None, utf8=None, level=9, extra=b"", attr=0o100644 << 16):
        """add - one member; data is compressed here unless raw (with crc, usize) is given"""
        if name_bytes is None:
            try:
                name_bytes = name.encode("ascii")
                if utf8 is None:
                    utf8 = False
            except UnicodeEncodeError:
                name_bytes = name.encode("utf-8")
                if utf8 is None:
                    utf8 = True
        flags = 0x0800 if utf8 else 0
        if raw is None:
            crc = zlib.crc32(data)
            usize = len(data)
            if method == 8:
                c = zlib.compressobj(level, zlib.DEFLATED, -15, 9)
                raw = c.compress(data) + c.flush()
                flags |= 0x0002 if level >= 8 else 0
            elif method == 0:
                raw = data
            elif method == 12:
                raw = bz2.compress(data, 9)
            else:
                raise ValueError(method)
        csize = len(raw)
        offset = len(self.buf)
        z64 = usize >= 0xFFFFFFFF or csize >= 0xFFFFFFFF
        version = 45 if z64 else (46 if method == 12 else 20)
        tm, dt = self.dostime()
        lextra = extra
        if z64:
            lextra = struct.pack("<HHQQ", 1, 16, usize, csize) + extra
        self.buf += struct.pack("<IHHHHHIIIHH", 0x04034B50, version, flags, method,
                                tm, dt, crc, 0xFFFFFFFF if z64 else csize,
                                0xFFFFFFFF if z64 else usize, len(name_bytes), len(lextra))
        self.buf += name_bytes + lextra + raw
        cextra = extra
        if z64:
            cextra = struct.pack("<HHQQ", 1, 16, usize, csize) + extra
        self.central.append(struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, (3 << 8) | version, version, flags,
            method, tm, dt, crc, 0xFFFFFFFF if z64 else csize,
            0xFFFFFFFF if z64 else usize, len(name_bytes), len(cextra), 0, 0, 0,
            attr, offset) + name_bytes + cextra)
        return self

    def bytes(self):
        cd = b"".join(self.central)
        off = len(self.buf)
        return bytes(self.buf) + cd + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0,
                                                    len(self.central), len(self.central),
                                                    len(cd), off, 0)


def zip_of(members):
    """zip_of - a deflated zip of [(name, bytes)]"""
    z = Zip()
    for name, data in members:
        z.add(name, data)
    return z.bytes()


# ---------------------------------------------------------------------------
# highly compressible streams, made cheaply
#
# deflate: compress one chunk of zeros, end it with a full flush (byte
# aligned, history cleared); every further chunk then compresses to exactly
# the same bytes, so n zeros = first + repeat * k + a fresh final tail.
# Deflate cannot beat ~1032:1 (258-byte matches in 2 bits), so 10 GiB of
# zeros is ~10 MB whatever one does.

def deflate_zeros(n, chunk=1 << 20):
    """deflate_zeros - raw deflate stream of n zero bytes"""
    c = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    z = bytes(chunk)
    first = c.compress(z) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(z) + c.flush(zlib.Z_FULL_FLUSH)
    assert again == c.compress(z) + c.flush(zlib.Z_FULL_FLUSH)
    k, rem = divmod(n, chunk)
    t = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    tail = t.compress(bytes(rem)) + t.flush()
    if k == 0:
        return tail
    return first + again * (k - 1) + tail


# bzip2: a stream is "BZh9", blocks (each starting with the 48-bit magic
# 0x314159265359 and its own CRC, bit aligned), then the 48-bit end magic
# 0x177245385090, the combined CRC (rotate-left-1 then xor each block CRC)
# and padding to a byte.  bzip2 first run-length codes its input (4 equal
# bytes + a count), so one 900k block holds ~45.9 MB of zeros and
# compresses to ~40 bytes.  Full blocks of zeros are bit-identical, so
# a stream of any number of them is built by repeating one block's bits.

_BZ_BLOCK = 0x314159265359
_BZ_EOS = 0x177245385090
_bz_cache = {}


def _bz_bits(data):
    return int.from_bytes(data, "big"), len(data) * 8


def _bz_find(val, nbits, magic, start):
    for pos in range(start, nbits - 47):
        if (val >> (nbits - pos - 48)) & 0xFFFFFFFFFFFF == magic:
            return pos
    return -1


def bz2_zero_block():
    """bz2_zero_block - (bits as int, bit length, block CRC, bytes of input) of one full block"""
    if "blk" in _bz_cache:
        return _bz_cache["blk"]
    comp, mb = bz2.BZ2Compressor(9), bytes(1 << 20)
    sample = b"".join(comp.compress(mb) for _ in range(96)) + comp.flush()   # 2 full blocks + a part
    val, nbits = _bz_bits(sample)
    p1 = _bz_find(val, nbits, _BZ_BLOCK, 32)
    p2 = _bz_find(val, nbits, _BZ_BLOCK, p1 + 48)
    p3 = _bz_find(val, nbits, _BZ_BLOCK, p2 + 48)
    assert 0 < p1 < p2 < p3
    l1, l2 = p2 - p1, p3 - p2
    b1 = (val >> (nbits - p2)) & ((1 << l1) - 1)
    b2 = (val >> (nbits - p3)) & ((1 << l2) - 1)
    assert l1 == l2 and b1 == b2, "full bzip2 blocks of zeros differ"
    bcrc = (b1 >> (l1 - 80)) & 0xFFFFFFFF
    usize = bz2_count_zeros(bz2_assemble(b1, l1, bcrc, 1))
    _bz_cache["blk"] = (b1, l1, bcrc, usize)
    return _bz_cache["blk"]


def bz2_count_zeros(stream):
    """bz2_count_zeros - decompressed size of a stream, -1 if not all zeros or not complete"""
    d, n, data = bz2.BZ2Decompressor(), 0, stream
    while not d.eof:
        out = d.decompress(data, 16 << 20)
        data = b""
        if out.count(0) != len(out):
            return -1
        n += len(out)
        if not out and d.needs_input:
            return -1
    return n


def bz2_assemble(block, blen, bcrc, count):
    """bz2_assemble - a bzip2 stream made of `count` copies of one block"""
    val, nbits = int.from_bytes(b"BZh9", "big"), 32
    comb = 0
    for _ in range(count):
        val = (val << blen) | block
        nbits += blen
        comb = (((comb << 1) | (comb >> 31)) & 0xFFFFFFFF) ^ bcrc
    val = (val << 48) | _BZ_EOS
    val = (val << 32) | comb
    nbits += 80
    pad = (-nbits) % 8
    val <<= pad
    nbits += pad
    return val.to_bytes(nbits // 8, "big")


def bz2_zeros(min_bytes):
    """bz2_zeros - (bzip2 stream, exact size) of at least min_bytes zeros"""
    block, blen, bcrc, per = bz2_zero_block()
    count = -(-min_bytes // per)
    return bz2_assemble(block, blen, bcrc, count), count * per


# ---------------------------------------------------------------------------
# OOXML (ECMA-376) and ODF packages, minimal but well-formed

def xml_escape(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


XMLDECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
NS_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_ODOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _ctypes(defaults, overrides):
    s = XMLDECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    s += '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    s += '<Default Extension="xml" ContentType="application/xml"/>'
    for ext, ct in defaults:
        s += '<Default Extension="%s" ContentType="%s"/>' % (ext, ct)
    for part, ct in overrides:
        s += '<Override PartName="%s" ContentType="%s"/>' % (part, ct)
    return (s + "</Types>").encode()


def _rels(rels):
    s = XMLDECL + '<Relationships xmlns="%s">' % NS_REL
    for i, (typ, target) in enumerate(rels, 1):
        s += '<Relationship Id="rId%d" Type="%s/%s" Target="%s"/>' % (i, NS_ODOC, typ, target)
    return (s + "</Relationships>").encode()


def _core(title):
    return (XMLDECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<dc:title>%s</dc:title><dc:creator>田中 一郎</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2024-04-15T01:00:00Z</dcterms:created>'
            '</cp:coreProperties>' % xml_escape(title)).encode()


def docx(title, paragraphs, table=None):
    """docx - WordprocessingML package: paragraphs, then an optional table"""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = ""
    for p in paragraphs:
        body += "<w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>" % xml_escape(p)
    if table:
        body += "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
        for row in table:
            body += "<w:tr>" + "".join(
                "<w:tc><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>" % xml_escape(c) for c in row) + "</w:tr>"
        body += "</w:tbl><w:p/>"
    doc = (XMLDECL + '<w:document xmlns:w="%s" xmlns:r="%s"><w:body>%s'
           '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
           % (w, NS_ODOC, body)).encode()
    return zip_of([
        ("[Content_Types].xml", _ctypes([], [
            ("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")])),
        ("_rels/.rels", _rels([("officeDocument", "word/document.xml")]).replace(
            b"</Relationships>",
            b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>')),
        ("docProps/core.xml", _core(title)),
        ("word/document.xml", doc),
    ])


def _col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def xlsx(sheet_name, rows):
    """xlsx - SpreadsheetML package: one sheet, all cells shared strings"""
    m = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    strings, index = [], {}
    sheet_rows = ""
    for r, row in enumerate(rows, 1):
        cells = ""
        for c, val in enumerate(row):
            if val not in index:
                index[val] = len(strings)
                strings.append(val)
            cells += '<c r="%s%d" t="s"><v>%d</v></c>' % (_col(c), r, index[val])
        sheet_rows += '<row r="%d">%s</row>' % (r, cells)
    sheet = (XMLDECL + '<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (m, sheet_rows)).encode()
    sst = (XMLDECL + '<sst xmlns="%s" count="%d" uniqueCount="%d">' % (m, sum(len(r) for r in rows), len(strings))
           + "".join("<si><t>%s</t></si>" % xml_escape(s) for s in strings) + "</sst>").encode()
    wb = (XMLDECL + '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>'
          % (m, NS_ODOC, xml_escape(sheet_name))).encode()
    return zip_of([
        ("[Content_Types].xml", _ctypes([], [
            ("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
            ("/xl/worksheets/sheet1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"),
            ("/xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml")])),
        ("_rels/.rels", _rels([("officeDocument", "xl/workbook.xml")])),
        ("xl/workbook.xml", wb),
        ("xl/_rels/workbook.xml.rels", _rels([("worksheet", "worksheets/sheet1.xml"),
                                              ("sharedStrings", "sharedStrings.xml")])),
        ("xl/worksheets/sheet1.xml", sheet),
        ("xl/sharedStrings.xml", sst),
    ])


_THEME = ('<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office">'
          '<a:themeElements><a:clrScheme name="Office">'
          + "".join('<a:%s><a:srgbClr val="%s"/></a:%s>' % (n, v, n) for n, v in [
              ("dk1", "000000"), ("lt1", "FFFFFF"), ("dk2", "1F497D"), ("lt2", "EEECE1"),
              ("accent1", "4F81BD"), ("accent2", "C0504D"), ("accent3", "9BBB59"),
              ("accent4", "8064A2"), ("accent5", "4BACC6"), ("accent6", "F79646"),
              ("hlink", "0000FF"), ("folHlink", "800080")])
          + '</a:clrScheme><a:fontScheme name="Office">'
          '<a:majorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>'
          '<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont>'
          '</a:fontScheme><a:fmtScheme name="Office">'
          '<a:fillStyleLst>' + '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>' * 3 + '</a:fillStyleLst>'
          '<a:lnStyleLst>' + '<a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>' * 3 + '</a:lnStyleLst>'
          '<a:effectStyleLst>' + '<a:effectStyle><a:effectLst/></a:effectStyle>' * 3 + '</a:effectStyleLst>'
          '<a:bgFillStyleLst>' + '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>' * 3 + '</a:bgFillStyleLst>'
          '</a:fmtScheme></a:themeElements></a:theme>')


def pptx(lines):
    """pptx - PresentationML package: master, layout, theme and one slide with a text box"""
    p = "http://schemas.openxmlformats.org/presentationml/2006/main"
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    ns = 'xmlns:a="%s" xmlns:r="%s" xmlns:p="%s"' % (a, NS_ODOC, p)
    tree0 = ('<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
             '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>'
             '<a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>')
    paras = "".join('<a:p><a:r><a:rPr lang="ja-JP"/><a:t>%s</a:t></a:r></a:p>' % xml_escape(t) for t in lines)
    slide = (XMLDECL + '<p:sld %s><p:cSld><p:spTree>%s<p:sp><p:nvSpPr><p:cNvPr id="2" name="TextBox 1"/>'
             '<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="457200" y="457200"/>'
             '<a:ext cx="8229600" cy="5943600"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>'
             '<p:txBody><a:bodyPr wrap="square"/><a:lstStyle/>%s</p:txBody></p:sp></p:spTree></p:cSld>'
             '<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>' % (ns, tree0, paras)).encode()
    layout = (XMLDECL + '<p:sldLayout %s type="blank" preserve="1"><p:cSld name="Blank"><p:spTree>%s</p:spTree></p:cSld>'
              '<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>' % (ns, tree0)).encode()
    master = (XMLDECL + '<p:sldMaster %s><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg>'
              '<p:spTree>%s</p:spTree></p:cSld><p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" '
              'accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" '
              'hlink="hlink" folHlink="folHlink"/><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/>'
              '</p:sldLayoutIdLst></p:sldMaster>' % (ns, tree0)).encode()
    pres = (XMLDECL + '<p:presentation %s><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>'
            '<p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst><p:sldSz cx="9144000" cy="6858000" type="screen4x3"/>'
            '<p:notesSz cx="6858000" cy="9144000"/></p:presentation>' % ns).encode()
    pml = "application/vnd.openxmlformats-officedocument.presentationml."
    return zip_of([
        ("[Content_Types].xml", _ctypes([], [
            ("/ppt/presentation.xml", pml + "presentation.main+xml"),
            ("/ppt/slides/slide1.xml", pml + "slide+xml"),
            ("/ppt/slideLayouts/slideLayout1.xml", pml + "slideLayout+xml"),
            ("/ppt/slideMasters/slideMaster1.xml", pml + "slideMaster+xml"),
            ("/ppt/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml")])),
        ("_rels/.rels", _rels([("officeDocument", "ppt/presentation.xml")])),
        ("ppt/presentation.xml", pres),
        ("ppt/_rels/presentation.xml.rels", _rels([("slideMaster", "slideMasters/slideMaster1.xml"),
                                                   ("slide", "slides/slide1.xml"),
                                                   ("theme", "theme/theme1.xml")])),
        ("ppt/slides/slide1.xml", slide),
        ("ppt/slides/_rels/slide1.xml.rels", _rels([("slideLayout", "../slideLayouts/slideLayout1.xml")])),
        ("ppt/slideLayouts/slideLayout1.xml", layout),
        ("ppt/slideLayouts/_rels/slideLayout1.xml.rels", _rels([("slideMaster", "../slideMasters/slideMaster1.xml")])),
        ("ppt/slideMasters/slideMaster1.xml", master),
        ("ppt/slideMasters/_rels/slideMaster1.xml.rels", _rels([("slideLayout", "../slideLayouts/slideLayout1.xml"),
                                                                ("theme", "../theme/theme1.xml")])),
        ("ppt/theme/theme1.xml", (XMLDECL + _THEME).encode()),
    ])


def _odf(mime, body):
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    ns = ('xmlns:office="%s" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"' % office)
    content = ('<?xml version="1.0" encoding="UTF-8"?>\r\n<office:document-content %s office:version="1.2">'
               '<office:body>%s</office:body></office:document-content>' % (ns, body)).encode()
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\r\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="%s"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>' % mime).encode()
    z = Zip()
    z.add("mimetype", mime.encode(), method=0)       # first, stored (ODF 1.2 part 3, 3.3)
    z.add("content.xml", content)
    z.add("META-INF/manifest.xml", manifest)
    return z.bytes()


def odt(paragraphs):
    return _odf("application/vnd.oasis.opendocument.text",
                "<office:text>" + "".join("<text:p>%s</text:p>" % xml_escape(p) for p in paragraphs) + "</office:text>")


def ods(name, rows):
    body = '<office:spreadsheet><table:table table:name="%s">' % xml_escape(name)
    for row in rows:
        body += "<table:table-row>" + "".join(
            '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % xml_escape(c)
            for c in row) + "</table:table-row>"
    return _odf("application/vnd.oasis.opendocument.spreadsheet", body + "</table:table></office:spreadsheet>")


# ---------------------------------------------------------------------------
# RTF (RTF 1.9.1): Japanese as \'xx Shift_JIS bytes (\ansicpg932) and as
# \uN with a 2-byte Shift_JIS fallback (\uc2), N signed 16-bit as Word writes it

def rtf_sjis(text):
    out = ""
    for ch in text:
        if ord(ch) < 0x80:
            out += {"\\": "\\\\", "{": "\\{", "}": "\\}"}.get(ch, ch)
        else:
            out += "".join("\\'%02x" % b for b in ch.encode("cp932"))
    return out


def rtf_unicode(text):
    out = ""
    for ch in text:
        cp = ord(ch)
        if cp < 0x80:
            out += {"\\": "\\\\", "{": "\\{", "}": "\\}"}.get(ch, ch)
        else:
            n = cp - 0x10000 if cp > 0x7FFF else cp
            fb = ch.encode("cp932")
            out += "\\u%d" % n + "".join("\\'%02x" % b for b in fb.ljust(2, b"?"))
    return out


def rtf_pii():
    rows = pii_table()
    s = ("{\\rtf1\\ansi\\ansicpg932\\deff0\\deflang1033\\deflangfe1041"
         "{\\fonttbl{\\f0\\fnil\\fcharset128 " + rtf_sjis("ＭＳ 明朝") + ";}}\r\n"
         "\\viewkind4\\uc2\\pard\\f0\\fs21 " + rtf_sjis("【お客様一覧】取扱注意") + "\\par\r\n\\par\r\n")
    for i, row in enumerate(rows):
        enc = rtf_sjis if i % 2 == 0 else rtf_unicode
        s += "\\tab ".join(enc(c) for c in row) + "\\par\r\n"
    return (s + "}\r\n").encode("ascii")


# ---------------------------------------------------------------------------
# PDF (ISO 32000-1), written object by object with a correct xref table

def _pdf_str(s):
    return "(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def pdf_build(objects, root=1, info=None):
    """pdf_build - objects: list of bytes bodies numbered from 1"""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, body in enumerate(objects, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    ident = hashlib.md5(bytes(out)).hexdigest().encode()
    out += b"trailer\n<< /Size %d /Root %d 0 R" % (len(objects) + 1, root)
    if info:
        out += b" /Info %d 0 R" % info
    out += b" /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n" % (ident, ident, xref)
    return bytes(out)


def _pdf_stream(content, extra=b""):
    data = zlib.compress(content, 9)
    return b"<< /Length %d /Filter /FlateDecode%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def pdf_ascii(lines, title):
    """pdf_ascii - one A4 page, Helvetica (a standard 14 font), text lines"""
    ops = ["BT", "/F1 11 Tf", "14 TL", "56 780 Td"]
    for ln in lines:
        ops.append(_pdf_str(ln) + " '")
    ops.append("ET")
    content = "\n".join(ops).encode("latin-1")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        _pdf_stream(content),
        b"<< /Title " + _pdf_str(title).encode("latin-1") + b" /Producer (omamori fixtures) >>",
    ]
    return pdf_build(objs, info=6)


def _tounicode_identity():
    # code -> same Unicode value; the ends of a bfrange may differ only in
    # the last byte, and one block holds at most 100 ranges
    highs = [h for h in range(0x100) if not 0xD8 <= h <= 0xDF]
    blocks = ""
    for i in range(0, len(highs), 100):
        part = highs[i:i + 100]
        blocks += "%d beginbfrange\n" % len(part)
        blocks += "".join("<%02X00> <%02XFF> <%02X00>\n" % (h, h, h) for h in part)
        blocks += "endbfrange\n"
    cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            "%sendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n" % blocks)
    return cmap.encode("ascii")


def pdf_cid(lines, with_tounicode):
    """pdf_cid - Japanese text in a Type0 font, Adobe-Japan1, predefined CMap
    UniJIS-UCS2-H (string bytes are UCS-2BE), font not embedded (HeiseiMin-W3,
    one of the fonts every Japanese PDF reader provides); optionally with an
    identity /ToUnicode CMap."""
    ops = ["BT", "/F1 10.5 Tf", "15 TL", "50 790 Td"]
    for ln in lines:
        ops.append("<%s> '" % ln.encode("utf-16-be").hex().upper())
    ops.append("ET")
    content = "\n".join(ops).encode("ascii")
    font = (b"<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiMin-W3 /Encoding /UniJIS-UCS2-H "
            b"/DescendantFonts [5 0 R]" + (b" /ToUnicode 8 0 R" if with_tounicode else b"") + b" >>")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 7 0 R >>",
        font,
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiMin-W3 "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> "
        b"/FontDescriptor 6 0 R /DW 1000 /W [1 95 500 231 389 500 631 [500]] >>",
        b"<< /Type /FontDescriptor /FontName /HeiseiMin-W3 /Flags 6 /FontBBox [-123 -257 1001 910] "
        b"/ItalicAngle 0 /Ascent 723 /Descent -241 /CapHeight 709 /StemV 69 >>",
        _pdf_stream(content),
    ]
    if with_tounicode:
        objs.append(_pdf_stream(_tounicode_identity()))
    return pdf_build(objs)


def pii_pdf_lines():
    lines = ["Customer list - CONFIDENTIAL", "Sakura Hoken Agency, sales dept.", ""]
    for c in customers():
        lines.append("%-18s DOB %s  Tel %s  ZIP %s" % (c["roma"], c["dob"], c["phone"], c["zip"]))
        lines.append("    Card %s  Policy %s" % (" ".join(c["card"][i:i + 4] for i in range(0, 16, 4)), c["policy"]))
    return lines


def pii_cid_lines():
    lines = ["【お客様一覧】取扱注意", ""]
    for c in customers():
        lines.append("%s（%s）生年月日 %s" % (c["name"], c["kana"], c["dob"]))
        lines.append("　電話 %s 〒%s %s" % (c["phone"], c["zip"], c["addr"]))
    return lines


# ---------------------------------------------------------------------------
# [MS-CFB] compound file, version 3 (512-byte sectors): header, FAT,
# directory (red-black tree of siblings), mini FAT and mini stream for
# streams under the 4096-byte cutoff, then the regular streams.

FREESECT, ENDOFCHAIN, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def _cfb_key(name):
    return (len(name), name.upper())


def cfb(streams):
    """cfb - compound file holding the given {name: bytes} streams under the root"""
    names = sorted(streams, key=_cfb_key)
    small = [n for n in names if len(streams[n]) < 4096]
    large = [n for n in names if len(streams[n]) >= 4096]
    # mini stream: 64-byte sectors
    mini, minifat, ministart = bytearray(), [], {}
    for n in small:
        data = streams[n]
        cnt = max(1, -(-len(data) // 64)) if data else 0
        ministart[n] = len(mini) // 64 if cnt else ENDOFCHAIN
        for k in range(cnt):
            minifat.append(len(mini) // 64 + 1 if k < cnt - 1 else ENDOFCHAIN)
            mini += data[k * 64:(k + 1) * 64].ljust(64, b"\0")
    nsec = lambda size: -(-size // 512)
    ndir = nsec(128 * (len(names) + 1))
    nminifat = nsec(4 * len(minifat))
    nmini = nsec(len(mini))
    nlarge = sum(nsec(len(streams[n])) for n in large)
    nfat = 1
    while nfat * 128 < nfat + ndir + nminifat + nmini + nlarge:
        nfat += 1
    assert nfat <= 109
    fat = [FATSECT] * nfat
    sec = nfat

    def chain(count):
        nonlocal sec
        start = sec if count else ENDOFCHAIN
        for k in range(count):
            fat.append(sec + 1 if k < count - 1 else ENDOFCHAIN)
            sec += 1
        return start

    dir_start = chain(ndir)
    minifat_start = chain(nminifat)
    mini_start = chain(nmini)
    start = {}
    for n in large:
        start[n] = chain(nsec(len(streams[n])))
    start.update(ministart)
    fat += [FREESECT] * (-len(fat) % 128)

    # sibling tree: balanced over the sorted names; nodes on the deepest
    # level are red when that level is not full, all others black
    ids = {n: i + 1 for i, n in enumerate(names)}
    left, right, color, depth = {}, {}, {}, {}

    def build(lo, hi, d):
        if lo > hi:
            return NOSTREAM
        mid = (lo + hi) // 2
        n = names[mid]
        depth[n] = d
        left[n] = build(lo, mid - 1, d + 1)
        right[n] = build(mid + 1, hi, d + 1)
        return ids[n]

    top = build(0, len(names) - 1, 0)
    maxd = max(depth.values()) if depth else 0
    full = len(names) == 2 ** (maxd + 1) - 1
    for n in names:
        color[n] = 0 if (depth[n] == maxd and not full and maxd > 0) else 1

    def entry(name, typ, col, l, r, child, st, size):
        u = name.encode("utf-16-le")
        return (u + b"\0\0").ljust(64, b"\0") + struct.pack(
            "<HBBIII16sIQQIQ", len(u) + 2, typ, col, l, r, child, b"\0" * 16, 0, 0, 0, st, size)

    d = entry("Root Entry", 5, 1, NOSTREAM, NOSTREAM, top, mini_start if mini else ENDOFCHAIN, len(mini))
    for n in names:
        d += entry(n, 2, color[n], left[n], right[n], NOSTREAM, start[n], len(streams[n]))
    d = d.ljust(ndir * 512, b"\0")
    # unused directory slots: empty name, no siblings
    for off in range(128 * (len(names) + 1), len(d), 128):
        d = d[:off + 68] + struct.pack("<III", NOSTREAM, NOSTREAM, NOSTREAM) + d[off + 80:]

    difat = list(range(nfat)) + [FREESECT] * (109 - nfat)
    hdr = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 +
           struct.pack("<HHHHH", 0x003E, 3, 0xFFFE, 9, 6) + b"\0" * 6 +
           struct.pack("<IIIIIIIII", 0, nfat, dir_start, 0, 4096,
                       minifat_start if minifat else ENDOFCHAIN, nminifat, ENDOFCHAIN, 0) +
           struct.pack("<109I", *difat))
    assert len(hdr) == 512
    body = struct.pack("<%dI" % len(fat), *fat)
    body += d
    body += struct.pack("<%dI" % len(minifat), *minifat).ljust(nminifat * 512, b"\xff") if minifat else b""
    body += bytes(mini).ljust(nmini * 512, b"\0")
    for n in large:
        body += streams[n].ljust(nsec(len(streams[n])) * 512, b"\0")
    return hdr + body


# ---------------------------------------------------------------------------
# [MS-OFFCRYPTO] for the binary formats: RC4 with a 128-bit key,
# EncryptionVersionInfo 1.1 (2.3.6): H0 = MD5(UTF-16LE password);
# intermediate = (H0[0:5] + salt) * 16; T = MD5(intermediate)[0:5];
# key of block b = MD5(T + uint32 b)[0:16]; blocks of 512 bytes (Word) or
# 1024 bytes (Excel), counted from the start of the stream.

def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) & 255
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray(len(data))
    for k, b in enumerate(data):
        i = (i + 1) & 255
        j = (j + s[i]) & 255
        s[i], s[j] = s[j], s[i]
        out[k] = b ^ s[(s[i] + s[j]) & 255]
    return bytes(out)


def _rc4_trunc(password, salt):
    h0 = hashlib.md5(password.encode("utf-16-le")).digest()[:5]
    return hashlib.md5((h0 + salt) * 16).digest()[:5]


def rc4_header(password, label):
    """rc4_header - RC4 EncryptionHeader: 1.1, salt, encrypted verifier and hash (52 bytes)"""
    salt = prng(label + "/salt", 16)
    verifier = prng(label + "/verifier", 16)
    key = hashlib.md5(_rc4_trunc(password, salt) + struct.pack("<I", 0)).digest()
    enc = rc4(key, verifier + hashlib.md5(verifier).digest())
    return struct.pack("<HH", 1, 1) + salt + enc


def rc4_stream(password, salt, data, block):
    """rc4_stream - encrypt a whole stream with per-block keys from its offset 0"""
    t = _rc4_trunc(password, salt)
    out = bytearray()
    for b in range(0, len(data), block):
        key = hashlib.md5(t + struct.pack("<I", b // block)).digest()
        out += rc4(key, data[b:b + block])
    return bytes(out)


# Word 97-2003 ([MS-DOC] 2.5.1): FibBase, FibRgW97, FibRgLw97,
# FibRgFcLcb97 (93 pairs), cswNew = 0.  Text: one piece (CLX in 1Table,
# fcClx/lcbClx = pair 33), UTF-16LE.  Enough for a text extractor reading
# the piece table; not a document Word lays out (no styles, no Dop).

def word97(paragraphs, encrypt=False):
    text = "\r".join(paragraphs) + "\r"
    tbytes = text.encode("utf-16-le")
    ccp = len(text)
    fc_text = 0x0400
    hdr_len = 52 if encrypt else 0
    clx_off = hdr_len
    plcpcd = struct.pack("<II", 0, ccp) + struct.pack("<HIH", 0, fc_text, 0)
    clx = b"\x02" + struct.pack("<I", len(plcpcd)) + plcpcd
    table = b"\0" * hdr_len + clx
    flags = 0x0200 | 0x1000 | 0x4000          # fWhichTblStm, fExtChar, fFarEast
    if encrypt:
        flags |= 0x0100                       # fEncrypted
    # reserved5/reserved6 are the old fcMin/fcMac; Word still fills them and
    # simple readers (catdoc) take the text range from there
    fibbase = struct.pack("<HHHHHHHIBBHHII", 0xA5EC, 0x00C1, 0, 0x0411, 0, flags, 0x00BF,
                          hdr_len, 0, 0, 0, 0, fc_text, fc_text + len(tbytes))
    assert len(fibbase) == 32
    rgw = bytearray(28)
    struct.pack_into("<H", rgw, 26, 0x0411)   # lidFE
    rglw = bytearray(88)
    struct.pack_into("<I", rglw, 0, fc_text + len(tbytes))   # cbMac
    struct.pack_into("<I", rglw, 12, ccp)                     # ccpText
    fclcb = bytearray(93 * 8)
    struct.pack_into("<II", fclcb, 33 * 8, clx_off, len(clx))  # fcClx, lcbClx
    fib = fibbase + struct.pack("<H", 14) + rgw + struct.pack("<H", 22) + rglw + \
        struct.pack("<H", 93) + fclcb + struct.pack("<H", 0)
    wd = fib.ljust(fc_text, b"\0") + tbytes
    wd = wd.ljust(max(4096, len(wd)), b"\0")
    if encrypt:
        hdr = rc4_header(PASSWORD, "doc")
        salt = hdr[4:20]
        wd = wd[:68] + rc4_stream(PASSWORD, salt, wd, 512)[68:]
        table = hdr + rc4_stream(PASSWORD, salt, table, 512)[52:]
    return cfb({"WordDocument": wd, "1Table": table})


# Excel 97-2003 BIFF8 ([MS-XLS] 2.4.117 FilePass, 2.2.10 encryption):
# BOF, FILEPASS (RC4, header as above) directly after BOF; every later
# record body is RC4-encrypted at its stream offset (1024-byte blocks),
# record headers stay clear.

def _biff(rtype, body):
    return struct.pack("<HH", rtype, len(body)) + body


def _xlus(s):
    return struct.pack("<HB", len(s), 1) + s.encode("utf-16-le")


def xls_encrypted(rows):
    bof_glob = _biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0x000100C1, 0x00000406))
    hdr = rc4_header(PASSWORD, "xls")
    filepass = _biff(0x002F, struct.pack("<H", 1) + hdr)
    strings = [c for r in rows for c in r]
    sst = _biff(0x00FC, struct.pack("<II", len(strings), len(strings)) + b"".join(_xlus(s) for s in strings))
    recs_after = [(0x0042, struct.pack("<H", 1200)),
                  (0x0085, None),     # BOUNDSHEET placeholder, filled below
                  (0x00FC, sst[4:]), (0x000A, b"")]
    sheet = [(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0x000100C1, 0x00000406)),
             (0x0200, struct.pack("<IIHHH", 0, len(rows), 0, max(len(r) for r in rows), 0))]
    k = 0
    for r, row in enumerate(rows):
        for c, _ in enumerate(row):
            sheet.append((0x00FD, struct.pack("<HHHI", r, c, 15, k)))
            k += 1
    sheet.append((0x000A, b""))
    # lay out once to learn the sheet's offset for BOUNDSHEET.lbPlyPos
    name = "顧客"
    bs_body_len = 4 + 2 + 2 + len(name) * 2
    glob_len = len(bof_glob) + len(filepass) + sum(4 + (bs_body_len if t == 0x0085 else len(b)) for t, b in recs_after)
    bs = struct.pack("<IBBBB", glob_len, 0, 0, len(name), 1) + name.encode("utf-16-le")
    assert len(bs) == bs_body_len
    recs_after[1] = (0x0085, bs)
    stream = bytearray(bof_glob + filepass)
    enc_spans = []
    for t, b in recs_after + sheet:
        start = len(stream) + 4
        stream += _biff(t, b)
        if t == 0x0809:
            continue             # BOF is never encrypted
        if t == 0x0085:
            enc_spans.append((start + 4, start + len(b)))   # lbPlyPos stays clear
        else:
            enc_spans.append((start, start + len(b)))
    ks = rc4_stream(PASSWORD, hdr[4:20], bytes(len(stream)), 1024)
    for a, b in enc_spans:
        for i in range(a, b):
            stream[i] ^= ks[i]
    return cfb({"Workbook": bytes(stream)})


# OOXML encryption ([MS-OFFCRYPTO] 2.3.4.10 Agile, 2.3.4.5 Standard):
# a compound file with EncryptionInfo and EncryptedPackage (uint64 size
# of the package, then the ciphertext).  The header values are shaped as
# Office writes them; the ciphertext is keyed noise, nothing decrypts it.

def _b64(b):
    return base64.b64encode(b).decode()


def agile_info(label):
    p = lambda n, k: _b64(prng(label + n, k))
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
           '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" '
           'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password" '
           'xmlns:c="http://schemas.microsoft.com/office/2006/keyEncryptor/certificate">'
           '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" '
           'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="%s"/>'
           '<dataIntegrity encryptedHmacKey="%s" encryptedHmacValue="%s"/>'
           '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">'
           '<p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" '
           'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="%s" '
           'encryptedVerifierHashInput="%s" encryptedVerifierHashValue="%s" encryptedKeyValue="%s"/>'
           '</keyEncryptor></keyEncryptors></encryption>'
           % (p("ks", 16), p("hk", 64), p("hv", 64), p("ps", 16), p("vi", 16), p("vh", 64), p("kv", 32)))
    return struct.pack("<HHI", 4, 4, 0x40) + xml.encode("utf-8")


def standard_info(label):
    csp = "Microsoft Enhanced RSA and AES Cryptographic Provider\0".encode("utf-16-le")
    flags = 0x24                          # fCryptoAPI | fAES
    hdr = struct.pack("<IIIIIIII", flags, 0, 0x660E, 0x8004, 128, 0x18, 0, 0) + csp
    verifier = struct.pack("<I", 16) + prng(label + "salt", 16) + prng(label + "ev", 16) + \
        struct.pack("<I", 20) + prng(label + "evh", 32)
    return struct.pack("<HHII", 4, 2, flags, len(hdr)) + hdr + verifier


def ooxml_encrypted(package, agile, label):
    pad = (-len(package)) % 16
    body = bytes(a ^ b for a, b in zip(package + b"\0" * pad, prng(label + "/ks", len(package) + pad)))
    info = agile_info(label) if agile else standard_info(label)
    return cfb({"EncryptionInfo": info, "EncryptedPackage": struct.pack("<Q", len(package)) + body})


# ---------------------------------------------------------------------------
# RAR 5.0 (rarlab "RAR 5.0 archive format" technote), stored files only.
# Block: CRC32 | size vint | type vint | flags vint | [extra size] [data size]
# | type fields | extra area; CRC covers size..extra.  vint = 7 bits per
# byte, little end first, high bit = more.  Encryption: AES-256-CBC; key =
# PBKDF2-HMAC-SHA256(password, salt, 2^kdf); the 12-byte check value is the
# value after kdf+32 iterations folded by xor to 8 bytes, plus the first
# 4 bytes of its SHA-256 (as UnRAR's crypt5 computes it).  File data is
# padded to 16 bytes; the data CRC32 is the plain one (flag 0x0002 unset).
# With header encryption (rar -hp) an archive encryption header follows the
# signature and every later header is IV(16) + AES-CBC(header, zero padded).
# AES itself comes from the openssl command (no AES in the python stdlib).

RAR5_SIG = b"Rar!\x1a\x07\x01\x00"


def vint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def _rar_block(htype, hflags, fields, extra=b"", data_size=None):
    body = vint(htype) + vint(hflags | (1 if extra else 0) | (2 if data_size is not None else 0))
    if extra:
        body += vint(len(extra))
    if data_size is not None:
        body += vint(data_size)
    body += fields + extra
    sized = vint(len(body)) + body
    return struct.pack("<I", zlib.crc32(sized)) + sized


def aes256cbc(key, iv, data):
    assert len(data) % 16 == 0
    r = subprocess.run(["openssl", "enc", "-aes-256-cbc", "-nopad", "-K", key.hex(), "-iv", iv.hex()],
                       input=data, stdout=subprocess.PIPE, check=True)
    return r.stdout


def _rar_keys(password, salt, kdf):
    it = 1 << kdf
    pw = password.encode("utf-8")
    key = hashlib.pbkdf2_hmac("sha256", pw, salt, it)
    v2 = hashlib.pbkdf2_hmac("sha256", pw, salt, it + 32)
    chk = bytearray(8)
    for i, b in enumerate(v2):
        chk[i % 8] ^= b
    return key, bytes(chk) + hashlib.sha256(bytes(chk)).digest()[:4]


def rar5(files, password=None, encrypt_headers=False, label="rar"):
    """rar5 - archive of [(name, bytes)], stored; encrypted data and/or headers"""
    kdf = 15
    salt = prng(label + "/salt", 16)
    key = check = None
    if password:
        key, check = _rar_keys(password, salt, kdf)
    out = bytearray(RAR5_SIG)
    if encrypt_headers:
        out += _rar_block(4, 0, vint(0) + vint(1) + bytes([kdf]) + salt + check)

    def put_header(blk, n):
        if encrypt_headers:
            iv = prng("%s/hiv/%d" % (label, n), 16)
            out.extend(iv + aes256cbc(key, iv, blk + b"\0" * (-len(blk) % 16)))
        else:
            out.extend(blk)

    put_header(_rar_block(1, 0, vint(0)), 0)
    for i, (name, data) in enumerate(files, 1):
        nb = name.encode("utf-8")
        extra = b""
        packed = data
        if password:
            iv = prng("%s/iv/%d" % (label, i), 16)
            rec = vint(1) + vint(0) + vint(1) + bytes([kdf]) + salt + iv + check
            extra = vint(len(rec)) + rec
            packed = aes256cbc(key, iv, data + b"\0" * (-len(data) % 16))
        fields = (vint(0x0002 | 0x0004) + vint(len(data)) + vint(0x20) +
                  struct.pack("<II", EPOCH, zlib.crc32(data)) +
                  vint(0) + vint(0) + vint(len(nb)) + nb)
        put_header(_rar_block(2, 0, fields, extra, len(packed)), i)
        out += packed
    put_header(_rar_block(5, 0, vint(0)), 999)
    return bytes(out)


# ---------------------------------------------------------------------------
# executables, shortcuts, images, calendar and card

def pe(dll=False, gui=True):
    """pe - minimal PE32 (PE/COFF spec): DOS stub, one .text section whose
    code is 'xor eax,eax; ret' (does nothing)"""
    stub = bytearray(0x80)
    stub[0:2] = b"MZ"
    struct.pack_into("<H", stub, 2, 0x90)
    struct.pack_into("<H", stub, 4, 3)
    struct.pack_into("<H", stub, 8, 4)
    struct.pack_into("<H", stub, 0x0C, 0xFFFF)
    struct.pack_into("<H", stub, 0x10, 0xB8)
    struct.pack_into("<H", stub, 0x18, 0x40)
    struct.pack_into("<I", stub, 0x3C, 0x80)
    msg = b"\x0e\x1f\xba\x0e\x00\xb4\x09\xcd\x21\xb8\x01\x4c\xcd\x21This program cannot be run in DOS mode.\r\r\n$"
    stub[0x40:0x40 + len(msg)] = msg
    chars = 0x0102 | (0x2000 if dll else 0)
    coff = struct.pack("<4sHHIIIHH", b"PE\0\0", 0x014C, 1, EPOCH, 0, 0, 0xE0, chars)
    opt = struct.pack("<HBBIIIIIIIIIHHHHHHIIIIHHIIIIII",
                      0x10B, 14, 0, 0x200, 0, 0, 0x1000, 0x1000, 0x2000,
                      0x10000000 if dll else 0x400000, 0x1000, 0x200,
                      6, 0, 0, 0, 6, 0, 0, 0x2000, 0x200, 0,
                      2 if gui else 3, 0x8140, 0x100000, 0x1000, 0x100000, 0x1000, 0, 16)
    opt += b"\0" * (16 * 8)
    assert len(opt) == 0xE0
    sect = struct.pack("<8sIIIIIIHHI", b".text", 3, 0x1000, 0x200, 0x200, 0, 0, 0, 0, 0x60000020)
    hdrs = bytes(stub) + coff + opt + sect
    code = b"\x31\xc0\xc3"
    return hdrs.ljust(0x200, b"\0") + code.ljust(0x200, b"\0")


def elf():
    """elf - a real ELF executable: this machine's /bin/true"""
    return read("/bin/true")


def lnk():
    """lnk - [MS-SHLLINK] ShellLinkHeader + StringData: a shortcut to cmd.exe
    that only echoes, with a document-like name and a borrowed icon"""
    flags = 0x04 | 0x08 | 0x10 | 0x20 | 0x40 | 0x80   # Name RelPath WorkDir Args Icon Unicode
    ft = (EPOCH + 11644473600) * 10000000
    hdr = struct.pack("<I16sIIQQQIiIHHII", 0x4C,
                      bytes.fromhex("0114020000000000c000000000000046"),
                      flags, 0x20, ft, ft, ft, 0, 3, 7, 0, 0, 0, 0)
    assert len(hdr) == 76

    def sd(s):
        return struct.pack("<H", len(s)) + s.encode("utf-16-le")

    return (hdr + sd("請求書（PDF）") + sd("..\\..\\..\\Windows\\System32\\cmd.exe") +
            sd("%TEMP%") + sd("/c echo fixture") + sd("%SystemRoot%\\System32\\shell32.dll") +
            struct.pack("<I", 0))


def url_shortcut():
    return crlf("[InternetShortcut]\nURL=https://files.partner-portal.example/invoice/2024-04\n"
                "IconIndex=1\nIconFile=C:\\Windows\\System32\\shell32.dll\n").encode("ascii")


def _png_chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))


def png(w=96, h=24):
    """png - a small RGB logo (PNG spec: signature, IHDR, IDAT, IEND)"""
    raw = bytearray()
    for y in range(h):
        raw.append(0)
        for x in range(w):
            if (x // 12 + y // 6) % 2:
                raw += b"\xe8\x6d\x8a"        # sakura pink
            else:
                raw += b"\xff\xff\xff"
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            _png_chunk(b"tEXt", b"Software\0omamori fixtures") +
            _png_chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + _png_chunk(b"IEND", b""))


def jpeg():
    """jpeg - baseline JFIF, 8x8 grey: one DC and one AC Huffman code (both
    1 bit, '0'), so the single block is DC category 0 then EOB"""
    seg = lambda m, d: b"\xff" + bytes([m]) + struct.pack(">H", len(d) + 2) + d
    return (b"\xff\xd8" +
            seg(0xE0, b"JFIF\0\x01\x01\x00\x00\x48\x00\x48\x00\x00") +
            seg(0xDB, b"\x00" + b"\x01" * 64) +
            seg(0xC0, b"\x08\x00\x08\x00\x08\x01\x01\x11\x00") +
            seg(0xC4, b"\x00" + b"\x01" + b"\x00" * 15 + b"\x00") +
            seg(0xC4, b"\x10" + b"\x01" + b"\x00" * 15 + b"\x00") +
            seg(0xDA, b"\x01\x01\x00\x00\x3f\x00") +
            b"\x3f" + b"\xff\xd9")


def ics():
    return crlf("""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Sakura Hoken//Calendar//JA
METHOD:REQUEST
BEGIN:VEVENT
UID:20240513T010000Z-teirei@sakura-hoken.example
DTSTAMP:20240415T010000Z
DTSTART:20240513T010000Z
DTEND:20240513T023000Z
SUMMARY:代理店連絡会（第12回）
LOCATION:本社3階 第1会議室
ORGANIZER;CN=田中 一郎:mailto:tanaka@sakura-hoken.example
ATTENDEE;CN=鈴木 様;ROLE=REQ-PARTICIPANT:mailto:suzuki@partner-shoji.example
END:VEVENT
END:VCALENDAR
""").encode("utf-8")


def vcf_staff():
    return crlf("""BEGIN:VCARD
VERSION:3.0
FN:田中 一郎
N:田中;一郎;;;
ORG:さくら保険代理店株式会社;営業部
TITLE:営業担当
TEL;TYPE=WORK,VOICE:03-5555-0123
EMAIL;TYPE=WORK:tanaka@sakura-hoken.example
ADR;TYPE=WORK:;;桜町1丁目1番1号 さくらビル5階;千代田区;東京都;100-0000;日本
URL:https://www.sakura-hoken.example/
END:VCARD
""").encode("utf-8")


SCRIPTS = {
    "bat": crlf("@echo off\nrem fixture: does nothing harmful\necho 請求書を開いています...\npause\n").encode("cp932"),
    "vbs": crlf('\' fixture: does nothing harmful\nMsgBox "請求書を確認してください", 64, "確認"\n').encode("utf-16"),
    "js": crlf("// fixture: does nothing harmful\nWScript.Echo('請求書を確認してください');\n").encode("utf-8"),
    "hta": crlf('<html><head><title>確認</title><hta:application id="x"/>\n<script language="VBScript">'
                '\nSub Window_OnLoad\n  MsgBox "fixture"\n  window.close\nEnd Sub\n</script></head><body></body></html>\n').encode("utf-8"),
    "ps1": crlf("# fixture: does nothing harmful\nWrite-Host '請求書を確認してください'\n").encode("utf-8-sig"),
}


def jar():
    """jar - a zip with META-INF/MANIFEST.MF and a class file header only"""
    manifest = crlf("Manifest-Version: 1.0\nMain-Class: Invoice\nCreated-By: fixtures\n\n").encode()
    cls = b"\xca\xfe\xba\xbe\x00\x00\x00\x34" + b"\x00" * 24
    return zip_of([("META-INF/MANIFEST.MF", manifest), ("Invoice.class", cls)])


def html_pii():
    rows = pii_table()
    s = ('<!DOCTYPE html>\r\n<html lang="ja"><head><meta charset="UTF-8"><title>お客様一覧</title></head>\r\n'
         '<body><h1>お客様一覧（取扱注意）</h1>\r\n<table border="1">\r\n')
    for i, r in enumerate(rows):
        tag = "th" if i == 0 else "td"
        s += "<tr>" + "".join("<%s>%s</%s>" % (tag, xml_escape(c), tag) for c in r) + "</tr>\r\n"
    return (s + "</table></body></html>\r\n").encode("utf-8")


def html_newsletter():
    return crlf("""<!DOCTYPE html>
<html lang="ja"><head><meta charset="UTF-8"><title>さくら通信 5月号</title></head>
<body><h1>さくら通信 5月号</h1>
<p>新緑の候、皆様いかがお過ごしでしょうか。</p>
<p>今月は火災保険の見直しポイントをご紹介します。建物と家財の補償額は、
時価ではなく再調達価額で考えるのが基本です。</p>
<p>ご不明な点は担当者までお気軽にお問い合わせください。</p>
</body></html>
""").encode("utf-8")



# ---------------------------------------------------------------------------
# MIME writer.  Written by hand rather than with email.generator so each
# fixture has exactly the header form it is meant to test (RFC 2047 words
# inside quoted parameters as Japanese mailers write them, RFC 2231 with
# charset, language and continuations, raw 8-bit names).  CRLF throughout.

def b64_lines(data):
    s = base64.b64encode(data).decode("ascii")
    return "".join(s[i:i + 76] + "\r\n" for i in range(0, len(s), 76))


def qp_lines(data):
    """qp_lines - quoted-printable (RFC 2045 6.7) of CRLF text"""
    out = []
    for line in data.split(b"\r\n"):
        enc, cur = [], ""
        for i, b in enumerate(line):
            if (33 <= b <= 126 and b != 61) or (b in (9, 32) and i < len(line) - 1):
                tok = chr(b)
            else:
                tok = "=%02X" % b
            if len(cur) + len(tok) > 75:
                enc.append(cur + "=")
                cur = ""
            cur += tok
        enc.append(cur)
        out.append("\r\n".join(enc))
    if out and out[-1] == "":
        out.pop()
        return "".join(l + "\r\n" for l in out)
    return "\r\n".join(out) + "=\r\n"


def encoded_words(text, charset, q=False):
    """encoded_words - RFC 2047 words of at most 75 chars, split on characters"""
    pre = "=?%s?%s?" % (charset, "Q" if q else "B")
    codec = {"ISO-2022-JP": "iso2022_jp", "UTF-8": "utf-8", "Shift_JIS": "cp932"}[charset]

    def enc(chunk):
        raw = chunk.encode(codec)
        if q:
            body = "".join(chr(b) if (b < 128 and (chr(b).isalnum() or chr(b) in "!*+-/")) else
                           ("_" if b == 32 else "=%02X" % b) for b in raw)
        else:
            body = base64.b64encode(raw).decode()
        return pre + body + "?="

    words, cur = [], ""
    for ch in text:
        if cur and len(enc(cur + ch)) > 75:
            words.append(enc(cur))
            cur = ""
        cur += ch
    if cur:
        words.append(enc(cur))
    return words


def hdr_text(text, charset="UTF-8"):
    """hdr_text - header value: ASCII as is, otherwise folded encoded words"""
    try:
        text.encode("ascii")
        return text
    except UnicodeEncodeError:
        return "\r\n ".join(encoded_words(text, charset))


def addr(name, email, charset="UTF-8"):
    if not name:
        return email
    return "%s <%s>" % (hdr_text(name, charset), email) if any(ord(c) > 127 for c in name) \
        else '"%s" <%s>' % (name, email)


def pct(raw):
    return "".join(chr(b) if (b < 128 and (chr(b).isalnum() or chr(b) in "-._~")) else "%%%02X" % b
                   for b in raw)


def name_params(key, name, form):
    """name_params - parameter strings carrying a file name in the given form"""
    if form == "ascii":
        return ['%s="%s"' % (key, name)]
    if form == "raw8":
        return ['%s="%s"' % (key, name)]
    if form in ("2047-jis", "2047-utf8", "2047q-utf8", "2047-sjis"):
        cs = {"2047-jis": "ISO-2022-JP", "2047-utf8": "UTF-8", "2047q-utf8": "UTF-8",
              "2047-sjis": "Shift_JIS"}[form]
        return ['%s="%s"' % (key, "\r\n ".join(encoded_words(name, cs, q=form.startswith("2047q"))))]
    if form in ("2231-utf8", "2231-utf8-ja", "2231-sjis"):
        cs, lang, codec = {"2231-utf8": ("UTF-8", "", "utf-8"), "2231-utf8-ja": ("UTF-8", "ja", "utf-8"),
                           "2231-sjis": ("Shift_JIS", "ja", "cp932")}[form]
        return ["%s*=%s'%s'%s" % (key, cs, lang, pct(name.encode(codec)))]
    if form in ("2231-cont", "2231-cont-sjis"):
        cs, codec = ("UTF-8", "utf-8") if form == "2231-cont" else ("Shift_JIS", "cp932")
        raw = name.encode(codec)
        pieces, cur = [], b""
        for ch in name:                         # split on characters, ~10 per piece
            cur += ch.encode(codec)
            if len(cur) >= 12:
                pieces.append(cur)
                cur = b""
        if cur:
            pieces.append(cur)
        assert b"".join(pieces) == raw
        out = []
        for i, p in enumerate(pieces):
            out.append("%s*%d*=%s%s" % (key, i, ("%s''" % cs) if i == 0 else "", pct(p)))
        return out
    raise ValueError(form)


class Att:
    """one attachment: its name, declared type, bytes and how to write them"""

    def __init__(self, name, ctype, data, form=None, cte="base64", disp="attachment",
                 charset=None, ct_name=True, cd_name=True, ct_form=None, desc=None):
        self.name, self.ctype, self.data = name, ctype, data
        if form is None:
            form = "ascii" if (name is None or all(ord(c) < 128 for c in name)) else "2231-utf8"
        self.form, self.cte, self.disp, self.charset = form, cte, disp, charset
        self.ct_name, self.cd_name, self.desc = ct_name, cd_name, desc
        # Content-Type name=: Thunderbird and Outlook put RFC 2047 words
        # there even when filename= uses RFC 2231
        self.ct_form = ct_form or ({"2231-utf8": "2047-utf8", "2231-utf8-ja": "2047-utf8",
                                    "2231-cont": "2047-utf8", "2231-sjis": "2231-sjis",
                                    "2231-cont-sjis": "2231-cont-sjis"}.get(form, form))

    def render(self):
        ct = [self.ctype]
        if self.charset:
            ct.append("charset=%s" % self.charset)
        if self.name is not None and self.ct_name:
            ct += name_params("name", self.name, self.ct_form)
        lines = ["Content-Type: " + ";\r\n\t".join(ct)]
        if self.desc:
            lines.append("Content-Description: " + self.desc)
        if self.disp:
            cd = [self.disp]
            if self.name is not None and self.cd_name:
                cd += name_params("filename", self.name, self.form)
            lines.append("Content-Disposition: " + ";\r\n\t".join(cd))
        lines.append("Content-Transfer-Encoding: " + self.cte)
        if self.cte == "base64":
            body = b64_lines(self.data)
        elif self.cte == "quoted-printable":
            body = qp_lines(self.data)
        else:
            body = self.data.decode("ascii")
            if not body.endswith("\r\n"):
                body += "\r\n"
        return "\r\n".join(lines) + "\r\n\r\n" + body


class Inner:
    """a message/rfc822 attachment (a forwarded mail) built from a Mail"""

    def __init__(self, mail, name):
        self.mail, self.name = mail, name

    def render(self):
        return ("Content-Type: message/rfc822;\r\n\tname=\"%s\"\r\nContent-Disposition: attachment;\r\n\t"
                "filename=\"%s\"\r\n\r\n" % (self.name, self.name)) + self.mail.render().decode("ascii")


FIRM_SIG = """
--
さくら保険代理店株式会社 営業部
田中 一郎
〒100-0000 東京都千代田区桜町1-1-1 さくらビル5階
TEL 03-5555-0123 / FAX 03-5555-0124
tanaka@sakura-hoken.example
"""

TANAKA = ("田中 一郎", "tanaka@sakura-hoken.example")
KANRI = ("管理責任者", "kanri@sakura-hoken.example")


class Mail:
    """a whole message; kind: mixed (default), smime, pgpmime, pgpinline"""

    def __init__(self, idx, frm, to, subject, body, atts=(), cc=(), bodyenc="jis",
                 kind="mixed", alt_html=False, special=None):
        self.idx, self.frm, self.to, self.cc = idx, frm, to, list(cc)
        self.subject, self.body, self.atts = subject, body, list(atts)
        self.bodyenc, self.kind, self.alt_html, self.special = bodyenc, kind, alt_html, special

    def _body_part(self, text):
        text = crlf(text)
        if self.bodyenc == "jis":
            return ("Content-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"
                    + text.encode("iso2022_jp").decode("ascii"))
        if self.bodyenc == "utf8-qp":
            return ("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                    + qp_lines(text.encode("utf-8")))
        if self.bodyenc == "sjis-b64":
            return ("Content-Type: text/plain; charset=Shift_JIS\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + b64_lines(text.encode("cp932")))
        return ("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64_lines(text.encode("utf-8")))

    def _html_part(self, text):
        paras = "".join("<p>%s</p>" % xml_escape(p).replace("\n", "<br>") for p in text.strip("\n").split("\n\n"))
        html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>%s</body></html>' % paras
        return ("Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64_lines(html.encode("utf-8")))

    def render(self):
        cs = "ISO-2022-JP" if self.bodyenc == "jis" else "UTF-8"
        t = EPOCH + 9 * 3600 + 60 * self.idx               # local time +0900
        date = time.strftime("%a, %d %b %Y %H:%M:%S +0900", time.gmtime(t))
        dom = self.frm[1].split("@")[1]
        h = ["From: " + addr(self.frm[0], self.frm[1], cs),
             "To: " + ",\r\n ".join(addr(a, b, cs) for a, b in self.to)]
        if self.cc:
            h.append("Cc: " + ",\r\n ".join(addr(a, b, cs) for a, b in self.cc))
        h += ["Subject: " + hdr_text(self.subject, cs),
              "Date: " + date,
              "Message-ID: <%s.%04d.fx@%s>" % (time.strftime("%Y%m%d%H%M%S", time.gmtime(t)), self.idx, dom),
              "MIME-Version: 1.0"]
        if self.bodyenc == "jis":
            h.append("X-Mailer: Microsoft Outlook 16.0")
        else:
            h.append("User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Thunderbird/115.10.1")
        bnd = "----=_Part_%04d_%s" % (self.idx, hashlib.md5(self.subject.encode()).hexdigest()[:12])
        if self.kind == "smime":
            a = self.atts[0]
            h += ['Content-Type: application/pkcs7-mime; smime-type=enveloped-data;\r\n\tname="smime.p7m"',
                  'Content-Disposition: attachment; filename="smime.p7m"',
                  "Content-Transfer-Encoding: base64"]
            return ("\r\n".join(h) + "\r\n\r\n" + b64_lines(a.data)).encode("ascii")
        if self.kind == "pgpmime":
            a = self.atts[0]
            h.append('Content-Type: multipart/encrypted;\r\n\tprotocol="application/pgp-encrypted";\r\n\tboundary="%s"' % bnd)
            parts = ["Content-Type: application/pgp-encrypted\r\nContent-Description: PGP/MIME version identification\r\n\r\nVersion: 1\r\n",
                     a.render()]
            return ("\r\n".join(h) + "\r\n\r\nThis is an OpenPGP/MIME encrypted message (RFC 4880 and 3156)\r\n"
                    + "".join("--%s\r\n%s\r\n" % (bnd, p) for p in parts) + "--%s--\r\n" % bnd).encode("utf-8")
        if self.kind == "pgpinline":
            h.append("Content-Type: text/plain; charset=ISO-2022-JP")
            h.append("Content-Transfer-Encoding: 7bit")
            return ("\r\n".join(h) + "\r\n\r\n" + crlf(self.body).encode("iso2022_jp").decode("ascii")).encode("ascii")
        body = self._body_part(self.body)
        if self.alt_html:
            ab = bnd + "_alt"
            body = ('Content-Type: multipart/alternative;\r\n\tboundary="%s"\r\n\r\n' % ab +
                    "--%s\r\n%s\r\n--%s\r\n%s\r\n--%s--\r\n" % (ab, body, ab, self._html_part(self.body), ab))
        if not self.atts:
            h.append(body.split("\r\n\r\n", 1)[0])
            return ("\r\n".join(h) + "\r\n\r\n" + body.split("\r\n\r\n", 1)[1]).encode("utf-8")
        h.append('Content-Type: multipart/mixed;\r\n\tboundary="%s"' % bnd)
        parts = [body] + [a.render() for a in self.atts]
        return ("\r\n".join(h) + "\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n"
                + "".join("--%s\r\n%s\r\n" % (bnd, p) for p in parts) + "--%s--\r\n" % bnd).encode("utf-8")

    def eightbit(self):
        """eightbit - true when a header carries a raw UTF-8 file name"""
        return any(isinstance(a, Att) and "raw8" in (a.form, a.ct_form) and any(ord(ch) > 127 for ch in a.name or "")
                   for a in self.atts)

    def expected(self):
        """expected - [(filename or None, bytes)] of the leaf attachments, in walk order"""
        out = []
        for a in self.atts:
            if isinstance(a, Inner):
                out += a.mail.expected()
            else:
                out.append((a.name if (a.cd_name or a.ct_name) else None, a.data))
        if self.kind == "smime":
            out = [("smime.p7m", self.atts[0].data)]
        return out


# ---------------------------------------------------------------------------
# inputs for the shell recipe (stage "payloads")

PII_CSV = "顧客リスト_2024.csv"
PII_CSV2 = "顧客リスト_追加分.csv"
MEMO_TXT = "打ち合わせメモ.txt"
PRICE_CSV_NAME = "価格表.csv"


def pii_csv_sjis():
    return pii_csv_text(fullwidth=True).encode("cp932")


def nested_inner_zip():
    """nested_inner_zip - 顧客データ.zip holding inner.zip holding the PII CSV"""
    inner = zip_of([(PII_CSV, pii_csv_sjis())])
    return zip_of([("inner.zip", inner)])


def inner_mail_smime():
    """the MIME entity that S/MIME encrypts: a note and the PII CSV"""
    a = Att(PII_CSV, "text/csv", pii_csv_sjis(), charset="Shift_JIS")
    bnd = "----=_smime_inner"
    return ('Content-Type: multipart/mixed; boundary="%s"\r\n\r\n--%s\r\n'
            "Content-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n\r\n%s\r\n"
            "--%s\r\n%s\r\n--%s--\r\n" % (bnd, bnd, crlf("ご依頼の顧客リストです。\n").encode("iso2022_jp").decode(),
                                           bnd, a.render(), bnd)).encode("ascii")


def payloads(work):
    inp = os.path.join(work, "in")
    write(os.path.join(inp, "pii", PII_CSV), pii_csv_sjis())
    write(os.path.join(inp, "pii2", PII_CSV2), pii_csv_text().encode("utf-8-sig"))
    write(os.path.join(inp, "nopii", MEMO_TXT), MEMO_TEXT.encode("cp932"))
    write(os.path.join(inp, "nopii", PRICE_CSV_NAME), PRICE_CSV.encode("cp932"))
    write(os.path.join(inp, "pdf", "pii.pdf"), pdf_ascii(pii_pdf_lines(), "Customer list"))
    write(os.path.join(inp, "pdf", "nopii.pdf"), pdf_ascii(BROCHURE_LINES, "Product guide"))
    write(os.path.join(inp, "nest", "顧客データ.zip"), nested_inner_zip())
    write(os.path.join(inp, "smime-inner.eml"), inner_mail_smime())
    write(os.path.join(inp, "pgp-inner.eml"), inner_mail_smime())
    write(os.path.join(inp, "pgp-inline.txt"),
          crlf("鈴木様\n\n先日の件、契約者情報をお送りします。\n%s\n" % pii_txt_text()).encode("utf-8"))


# ---------------------------------------------------------------------------
# the cases

P = ["attach.pii_unencrypted"]
E = ["attach.encrypted"]
W = ["attach.encrypted", "attach.encrypted_weak"]
U = ["attach.unscannable"]
X = ["attach.executable"]
S = ["attach.shortcut"]
D = ["attach.double_extension"]
SP = ["attach.spaces_before_ext"]
R = ["attach.rlo"]
M = ["attach.type_mismatch"]

PARTNERS = [("鈴木 一郎", "suzuki@partner-shoji.example"),
            ("株式会社コクヤク 事務局", "jimukyoku@kokyaku.example"),
            ("高田 真理", "takada@daiko-center.example"),
            ("山本 健", "yamamoto@hoken-kaikei.example")]
SENDERS = [("木村 採用担当", "kimura.saiyo2024@gmail.com"),
           ("経理部 請求担当", "seikyu@torihiki-saki.example"),
           ("配送センター", "notice@haiso-center.example"),
           ("佐々木 光", "sasaki.hikaru88@yahoo.co.jp"),
           ("総務部", "soumu@partner-shoji.example")]
BODYENC = ["jis", "utf8-b64", "jis", "utf8-qp", "jis", "sjis-b64"]

CT = {
    "csv": "text/csv", "txt": "text/plain", "html": "text/html",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "rtf": "application/rtf", "pdf": "application/pdf", "doc": "application/msword",
    "xls": "application/vnd.ms-excel", "zip": "application/x-zip-compressed",
    "7z": "application/x-7z-compressed", "rar": "application/vnd.rar",
    "png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg", "ics": "text/calendar",
    "vcf": "text/vcard", "exe": "application/x-msdownload", "bin": "application/octet-stream",
}


class Ctx:
    def __init__(self, work):
        self.work = work
        self.idx = 0
        self._memo = {}

    def out(self, name):
        return read(os.path.join(self.work, "out", name))

    def inp(self, name):
        return read(os.path.join(self.work, "in", name))

    def memo(self, key, fn):
        if key not in self._memo:
            self._memo[key] = fn()
        return self._memo[key]


def outbound(c, subject, line, atts, to=None, **kw):
    to = to or PARTNERS[c.idx % len(PARTNERS)]
    body = "%s様\n\nいつもお世話になっております。\nさくら保険代理店の田中です。\n\n%s\n\nよろしくお願いいたします。\n%s" % (
        to[0].split()[0] if " " in to[0] else to[0], line, FIRM_SIG)
    kw.setdefault("bodyenc", BODYENC[c.idx % len(BODYENC)])
    return Mail(c.idx, TANAKA, [to], subject, body, atts, cc=[KANRI], **kw)


def inbound(c, subject, line, atts, sender=None, **kw):
    sender = sender or SENDERS[c.idx % len(SENDERS)]
    body = "さくら保険代理店 田中様\n\n%s\n\n%s\n" % (line, sender[0])
    kw.setdefault("bodyenc", BODYENC[(c.idx + 1) % len(BODYENC)])
    return Mail(c.idx, sender, [TANAKA], subject, body, atts, **kw)


def A(name, data, ext=None, **kw):
    """A - attachment with the usual declared type for its extension"""
    ext = ext or (name.rsplit(".", 1)[-1].lower() if name and "." in name else "bin")
    return Att(name, kw.pop("ctype", CT.get(ext, "application/octet-stream")), data, **kw)


def pii_docx():
    return docx("お客様一覧", ["お客様一覧（取扱注意）", "作成: 営業部 田中"], pii_table())


def pii_xlsx():
    return xlsx("顧客一覧", pii_table())


def pii_paragraphs():
    return ["【お客様一覧】取扱注意", ""] + ["\t".join(r) for r in pii_table()]


def agenda_docx():
    return docx("代理店連絡会 議事次第", AGENDA_LINES)


def schedule_xlsx():
    return xlsx("予定", [["日付", "予定", "場所"], ["5月13日", "代理店連絡会", "本社3階"],
                        ["6月10日", "代理店研修", "本社3階"], ["7月8日", "商品説明会", "オンライン"]])


def zip_bomb_nested(levels=5, copies=10, leaf=100 << 20):
    """zip_bomb_nested - 42.zip style: each level holds `copies` copies of the
    level below; the leaves are `leaf` zero bytes (10^5 x 100 MiB here)"""
    raw, crc, usize = deflate_zeros(leaf), crc32_zeros(leaf), leaf
    data = None
    for lvl in range(1, levels + 1):
        z = Zip()
        for k in range(copies):
            if lvl == 1:
                z.add("%d.dat" % k, raw=raw, crc=crc, usize=usize)
            else:
                z.add("lib%d_%d.zip" % (lvl - 1, k), raw=raw, crc=crc, usize=usize)
        data = z.bytes()
        c = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
        raw, crc, usize = c.compress(data) + c.flush(), zlib.crc32(data), len(data)
    return data


def zip_10g_deflate():
    n = 10 << 30
    return Zip().add("data.bin", raw=deflate_zeros(n, chunk=4 << 20), crc=crc32_zeros(n), usize=n).bytes()


def bz2_10g():
    return bz2_zeros(10 << 30)


def zip_10g_bzip2():
    stream, n = bz2_10g()
    return Zip().add("data.bin", method=12, raw=stream, crc=crc32_zeros(n), usize=n).bytes()


def zip_depth(depth=12):
    data = MEMO_TEXT.encode("cp932")
    name = MEMO_TXT
    for lvl in range(depth, 0, -1):
        data = zip_of([(name, data)])
        name = "level%02d.zip" % lvl
    return data


def zip_truncated():
    full = zip_of([("議事次第.docx", agenda_docx()), (MEMO_TXT, MEMO_TEXT.encode("cp932") * 20),
                   ("noise.bin", prng("trunc", 6000))])
    return full[:len(full) * 55 // 100]


def zip_bad_deflate():
    data = bytearray(zip_of([(MEMO_TXT, MEMO_TEXT.encode("cp932") * 4)]))
    name_len, extra_len = struct.unpack_from("<HH", data, 26)
    first = 30 + name_len + extra_len
    data[first] = (data[first] & 0xF8) | 0x06     # BTYPE=11: reserved, invalid
    return bytes(data)


def zip_cp932_names():
    """zip as Japanese Windows' Explorer writes it: names in CP932, no UTF-8 flag"""
    z = Zip()
    z.add("顧客/", b"", method=0, name_bytes="顧客/".encode("cp932"), utf8=False, attr=0x10)
    z.add("顧客/" + PII_CSV, pii_csv_sjis(), name_bytes=("顧客/" + PII_CSV).encode("cp932"), utf8=False, attr=0x20)
    return z.bytes()


def case_list():
    """case_list - [(file, labels, note, build(ctx) -> Mail)]"""
    C = []

    def add(file, labels, note, fn):
        C.append((file, sorted(labels, key=COVERS.index), note, fn))

    pii_csv_u8 = lambda: pii_csv_text().encode("utf-8-sig")
    # -- formats with personal data, outbound --------------------------------
    add("fmt-txt-utf8-pii.eml", P, "customer list, text/plain UTF-8, base64",
        lambda c: outbound(c, "顧客一覧の送付", "ご依頼の顧客一覧をお送りします。",
                           [A("顧客一覧.txt", pii_txt_text().encode("utf-8"), charset="UTF-8")]))
    add("fmt-txt-sjis-pii.eml", P, "customer list, Shift_JIS, name RFC 2231 Shift_JIS",
        lambda c: outbound(c, "顧客一覧（SJIS）", "顧客一覧を添付します。",
                           [A("顧客一覧.txt", pii_txt_text().encode("cp932"), charset="Shift_JIS", form="2231-sjis")]))
    add("fmt-txt-eucjp-pii.eml", P, "customer list, EUC-JP, name RFC 2047 ISO-2022-JP",
        lambda c: outbound(c, "顧客一覧（EUC）", "顧客一覧を添付します。",
                           [A("顧客一覧.txt", pii_txt_text().encode("euc_jp"), charset="EUC-JP", form="2047-jis")]))
    add("fmt-txt-jis-7bit-pii.eml", P, "customer list, ISO-2022-JP text part, 7bit",
        lambda c: outbound(c, "顧客一覧（JIS）", "顧客一覧を添付します。",
                           [A("顧客一覧.txt", pii_txt_text().encode("iso2022_jp"), charset="ISO-2022-JP",
                              cte="7bit", form="2047-jis")]))
    add("fmt-csv-utf8-pii.eml", P, "CSV UTF-8 with BOM, quoted-printable",
        lambda c: outbound(c, "顧客リスト", "顧客リストをCSVでお送りします。",
                           [A(PII_CSV, pii_csv_u8(), charset="UTF-8", cte="quoted-printable")]))
    add("fmt-csv-sjis-pii.eml", P, "CSV Shift_JIS, full-width digits, RFC 2231 continuations, Excel type",
        lambda c: outbound(c, "顧客リスト（Excel用）", "Excelで開けるCSVです。",
                           [A("顧客リスト_2024年度_第1四半期_最終版.csv", pii_csv_sjis(), ctype="application/vnd.ms-excel",
                              form="2231-cont")]))
    add("fmt-csv-eucjp-pii.eml", P, "CSV EUC-JP, name RFC 2047 UTF-8 B",
        lambda c: outbound(c, "顧客リスト（EUC-JP）", "旧システムから出力したCSVです。",
                           [A(PII_CSV, pii_csv_text().encode("euc_jp"), charset="EUC-JP", form="2047-utf8")]))
    add("fmt-csv-noname-pii.eml", P, "CSV attachment without any file name",
        lambda c: outbound(c, "データ送付", "データを添付します。",
                           [Att(None, "text/csv", pii_csv_sjis(), charset="Shift_JIS")]))
    add("fmt-inline-txt-pii.eml", P, "text part with Content-Disposition inline and a file name",
        lambda c: outbound(c, "顧客一覧（本文下）", "下記に添付します。",
                           [A("顧客一覧.txt", pii_txt_text().encode("utf-8"), charset="UTF-8", disp="inline",
                              form="raw8")]))
    add("fmt-html-pii.eml", P, "HTML table of customers",
        lambda c: outbound(c, "顧客一覧（HTML）", "ブラウザで開ける一覧です。",
                           [A("顧客一覧.html", html_pii(), charset="UTF-8")]))
    add("fmt-docx-pii.eml", P, "docx table (document.xml)",
        lambda c: outbound(c, "お客様一覧（Word）", "Word形式の一覧です。", [A("お客様一覧.docx", pii_docx())]))
    add("fmt-xlsx-pii.eml", P, "xlsx, sharedStrings + sheet1",
        lambda c: outbound(c, "お客様一覧（Excel）", "Excel形式の一覧です。", [A("お客様一覧.xlsx", pii_xlsx())]))
    add("fmt-pptx-pii.eml", P, "pptx, one slide with the list in a text box",
        lambda c: outbound(c, "説明資料", "説明資料を添付します。",
                           [A("説明資料.pptx", pptx(pii_paragraphs()))]))
    add("fmt-odt-pii.eml", P, "ODF text",
        lambda c: outbound(c, "お客様一覧（odt）", "LibreOffice形式です。", [A("お客様一覧.odt", odt(pii_paragraphs()))]))
    add("fmt-ods-pii.eml", P, "ODF spreadsheet",
        lambda c: outbound(c, "お客様一覧（ods）", "LibreOffice形式です。", [A("お客様一覧.ods", ods("顧客", pii_table()))]))
    add("fmt-rtf-pii.eml", P, "RTF, \\'xx Shift_JIS rows and \\uN rows with 2-byte fallback",
        lambda c: outbound(c, "お客様一覧（RTF）", "RTF形式です。", [A("お客様一覧.rtf", rtf_pii())]))
    add("fmt-pdf-ascii-pii.eml", P, "PDF Helvetica, phones, card numbers (Luhn), dates; FlateDecode",
        lambda c: outbound(c, "Customer list", "英語版の一覧をお送りします。",
                           [A("customer-list.pdf", c.inp("pdf/pii.pdf"))]))
    add("fmt-pdf-cid-tounicode-pii.eml", P, "PDF Japanese, Type0 UniJIS-UCS2-H, with identity ToUnicode",
        lambda c: outbound(c, "お客様一覧（PDF）", "PDFでお送りします。",
                           [A("お客様一覧.pdf", pdf_cid(pii_cid_lines(), True))]))
    add("fmt-pdf-cid-nounicode-pii.eml", P,
        "PDF Japanese PII, Type0 UniJIS-UCS2-H, no ToUnicode: the predefined UCS-2 CMap is read as UTF-16BE",
        lambda c: outbound(c, "お客様一覧（PDF・旧形式）", "PDFでお送りします。",
                           [A("お客様一覧_旧.pdf", pdf_cid(pii_cid_lines(), False))]))
    add("fmt-doc-pii.eml", P, "Word 97 .doc, FIB + piece table, UTF-16LE text, not encrypted",
        lambda c: outbound(c, "お客様一覧（Word97）", "旧形式のWordファイルです。",
                           [A("お客様一覧.doc", word97(pii_paragraphs()))]))
    add("fmt-fwd-rfc822-pii.eml", P, "forwarded mail (message/rfc822) carrying the CSV",
        lambda c: outbound(c, "FW: 顧客リスト", "社内で回っていたメールを転送します。",
                           [Inner(Mail(c.idx, KANRI, [TANAKA], "顧客リスト", "田中さん\n\n顧客リストです。\n",
                                       [A(PII_CSV, pii_csv_sjis(), charset="Shift_JIS")]), "forwarded.eml")]))
    add("fmt-xlsx-and-logo-pii.eml", P, "PII xlsx next to a PNG logo",
        lambda c: outbound(c, "契約者一覧と資料", "契約者一覧とロゴ画像を添付します。",
                           [A("契約者一覧.xlsx", pii_xlsx()), A("logo.png", png())], alt_html=True))

    # -- negatives ----------------------------------------------------------------
    add("neg-txt-memo.eml", [], "meeting memo, no personal data",
        lambda c: outbound(c, "打ち合わせメモ", "本日のメモです。", [A(MEMO_TXT, MEMO_TEXT.encode("cp932"), charset="Shift_JIS")]))
    add("neg-csv-pricelist.eml", [], "price list CSV, no personal data",
        lambda c: outbound(c, "価格表", "最新の価格表です。", [A(PRICE_CSV_NAME, PRICE_CSV.encode("cp932"), charset="Shift_JIS")]))
    add("neg-docx-agenda.eml", [], "agenda docx, no personal data",
        lambda c: outbound(c, "連絡会の議事次第", "議事次第を添付します。", [A("議事次第.docx", agenda_docx())]))
    add("neg-xlsx-schedule.eml", [], "schedule xlsx, no personal data",
        lambda c: outbound(c, "年間予定", "年間予定表です。", [A("年間予定.xlsx", schedule_xlsx())]))
    add("neg-pptx-proposal.eml", [], "pptx, no personal data",
        lambda c: outbound(c, "ご提案資料", "ご提案資料です。", [A("ご提案資料.pptx", pptx(AGENDA_LINES))]))
    add("neg-pdf-brochure.eml", [], "PDF brochure, no personal data",
        lambda c: outbound(c, "商品案内", "商品案内をお送りします。", [A("product-guide.pdf", c.inp("pdf/nopii.pdf"))]))
    add("neg-html-newsletter.eml", [], "HTML newsletter attachment",
        lambda c: outbound(c, "さくら通信5月号", "ニュースレターです。", [A("さくら通信.html", html_newsletter(), charset="UTF-8")]))
    add("neg-png-logo.eml", [], "PNG logo",
        lambda c: outbound(c, "ロゴデータ", "ロゴ画像です。", [A("logo.png", png())]))
    add("neg-jpeg-photo.eml", [], "JPEG named .jpeg (type matches)",
        lambda c: outbound(c, "現地写真", "現地の写真です。", [A("photo.jpeg", jpeg())]))
    add("neg-ics-invite.eml", [], "calendar invite",
        lambda c: outbound(c, "代理店連絡会のご案内", "会議のご案内です。",
                           [A("invite.ics", ics(), ctype="text/calendar; method=REQUEST", charset="UTF-8")]))
    add("neg-vcf-staff.eml", [],
        "vCard of the sender himself (firm name, work phone, internal address): the firm's own contact data, "
        "not customer data",
        lambda c: outbound(c, "連絡先", "私の連絡先です。", [A("田中一郎.vcf", vcf_staff(), charset="UTF-8")]))
    add("neg-zip-docs.eml", [], "zip of agenda docx and memo, no personal data",
        lambda c: outbound(c, "会議資料一式", "会議資料一式です。",
                           [A("会議資料.zip", zip_of([("議事次第.docx", agenda_docx()),
                                                      (MEMO_TXT, MEMO_TEXT.encode("cp932"))]))]))
    add("neg-password-notice.eml", [], "the separate password mail, no attachment",
        lambda c: outbound(c, "【パスワード】顧客リスト", "先ほどお送りしたファイルのパスワードは %s です。" % PASSWORD, []))
    add("neg-in-docx.eml", [], "inbound docx named .docx (zip inside, type matches)",
        lambda c: inbound(c, "議事録の送付", "先日の議事録をお送りします。", [A("議事録.docx", agenda_docx())], sender=SENDERS[4]))
    add("neg-in-csv.eml", [], "inbound text CSV named .csv",
        lambda c: inbound(c, "価格改定のお知らせ", "新価格表をお送りします。",
                          [A("新価格表.csv", PRICE_CSV.encode("cp932"), charset="Shift_JIS")], sender=SENDERS[4]))
    add("neg-in-dotted-name.eml", [], "dots in the name before a harmless extension are not a double extension",
        lambda c: inbound(c, "議事録", "議事録です。", [A("2024.04.15_議事録.pdf", c.inp("pdf/nopii.pdf"), form="2231-utf8-ja")],
                          sender=SENDERS[4]))
    add("neg-in-one-space.eml", [], "one space in the name is not spaces-before-extension",
        lambda c: inbound(c, "会議資料", "会議資料です。", [A("会議 資料.pdf", c.inp("pdf/nopii.pdf"))], sender=SENDERS[4]))
    add("neg-in-png.eml", [], "inbound PNG named .png",
        lambda c: inbound(c, "ロゴ", "弊社ロゴです。", [A("partner-logo.png", png())], sender=SENDERS[4]))

    # -- archives, not encrypted, with personal data ----------------------------
    arc = lambda f, name, data_fn, note, ct=None: add(
        f, P, note, lambda c: outbound(c, "顧客データ送付", "顧客データを圧縮してお送りします。",
                                       [A(name, data_fn(c), **({"ctype": ct} if ct else {}))]))
    arc("arc-zip-pii.eml", "顧客リスト.zip", lambda c: c.out("pii.zip"), "Info-ZIP deflate, CSV inside")
    arc("arc-zip-cp932-names-pii.eml", "顧客.zip", lambda c: zip_cp932_names(), "member names in CP932, no UTF-8 flag")
    arc("arc-zip-xlsx-pii.eml", "顧客一覧.zip", lambda c: zip_of([("お客様一覧.xlsx", pii_xlsx())]), "xlsx inside a zip")
    arc("arc-7z-pii.eml", "顧客リスト.7z", lambda c: c.out("pii.7z"), "7z LZMA2")
    arc("arc-tar-pii.eml", "顧客リスト.tar", lambda c: c.out("pii.tar"), "ustar", "application/x-tar")
    arc("arc-tgz-pii.eml", "顧客リスト.tar.gz", lambda c: c.out("pii.tar.gz"), "tar + gzip", "application/gzip")
    arc("arc-tbz2-pii.eml", "顧客リスト.tar.bz2", lambda c: c.out("pii.tar.bz2"), "tar + bzip2", "application/x-bzip2")
    arc("arc-txz-pii.eml", "顧客リスト.tar.xz", lambda c: c.out("pii.tar.xz"), "tar + xz", "application/x-xz")
    arc("arc-gz-pii.eml", PII_CSV + ".gz", lambda c: c.out("pii.csv.gz"), "gzip of the CSV", "application/gzip")
    arc("arc-bz2-pii.eml", PII_CSV + ".bz2", lambda c: c.out("pii.csv.bz2"), "bzip2 of the CSV", "application/x-bzip2")
    arc("arc-xz-pii.eml", PII_CSV + ".xz", lambda c: c.out("pii.csv.xz"), "xz of the CSV", "application/x-xz")
    arc("arc-cab-pii.eml", "顧客リスト.cab", lambda c: c.out("pii.cab"), "cabinet (gcab -z, MSZIP)",
        "application/vnd.ms-cab-compressed")
    arc("arc-iso-pii.eml", "顧客リスト.iso", lambda c: c.out("pii.iso"), "ISO 9660 + Joliet + Rock Ridge (xorriso)",
        "application/x-iso9660-image")
    arc("arc-rar5-pii.eml", "顧客リスト.rar", lambda c: rar5([(PII_CSV, pii_csv_sjis())], label="rar-clear"),
        "RAR5 built by hand, stored, not encrypted")
    arc("arc-nested-7z-zip-zip-pii.eml", "顧客データ.7z", lambda c: c.out("nested.7z"),
        "CSV in zip in zip in 7z (3 levels)")

    # -- encryption ---------------------------------------------------------------
    enc = lambda f, labels, name, data_fn, note, line="パスワードは別途お送りします。", **kw: add(
        f, labels, note, lambda c: outbound(c, "【暗号化】資料送付", line, [A(name, data_fn(c), **kw)]))
    enc("enc-zip-zipcrypto-pii.eml", W, "顧客リスト.zip", lambda c: c.out("zipcrypto-pii.zip"), "zip -e: traditional ZipCrypto")
    enc("enc-zip-zipcrypto-nopii.eml", W, "会議資料.zip", lambda c: c.out("zipcrypto-nopii.zip"), "ZipCrypto, no PII inside")
    enc("enc-zip-aes-pii.eml", E, "顧客リスト.zip", lambda c: c.out("aes-pii.zip"), "7z -tzip -mem=AES256 (WinZip AE-2)")
    enc("enc-zip-aes-nopii.eml", E, "会議資料.zip", lambda c: c.out("aes-nopii.zip"), "AES zip, no PII inside")
    enc("enc-7z-pii.eml", E, "顧客リスト.7z", lambda c: c.out("enc-pii.7z"), "7z AES, names visible")
    enc("enc-7z-mhe-pii.eml", E, "顧客リスト.7z", lambda c: c.out("enc-mhe-pii.7z"), "7z AES with -mhe=on (names hidden)")
    enc("enc-7z-mhe-nopii.eml", E, "会議資料.7z", lambda c: c.out("enc-mhe-nopii.7z"), "7z -mhe=on, no PII inside")
    enc("enc-rar5-pii.eml", E, "顧客リスト.rar",
        lambda c: rar5([(PII_CSV, pii_csv_sjis())], password=PASSWORD, label="rar-data"),
        "RAR5 by hand, file data AES-256 (rar -p), names visible", ctype="application/x-rar-compressed")
    enc("enc-rar5-hp-pii.eml", E, "顧客リスト.rar",
        lambda c: rar5([(PII_CSV, pii_csv_sjis())], password=PASSWORD, encrypt_headers=True, label="rar-hp"),
        "RAR5 by hand, headers encrypted too (rar -hp)")
    enc("enc-zip-mixed-aes-clear-pii.eml", E + P, "顧客リスト.zip", lambda c: c.out("mixed-aes.zip"),
        "one AES member + one clear PII member, judged member by member")
    enc("enc-zip-mixed-zipcrypto-clear-pii.eml", W + P, "顧客リスト.zip", lambda c: c.out("mixed-zc.zip"),
        "one ZipCrypto member + one clear PII member")
    enc("enc-zip-in-zip-aes.eml", E, "送付データ.zip", lambda c: c.out("zip-in-zip-aes.zip"),
        "clear zip holding an AES zip")
    enc("enc-pdf-user-aes256-pii.eml", E, "customer-list.pdf", lambda c: c.out("pdf-user-aes256-pii.pdf"),
        "qpdf --encrypt with a user password, AES-256 (R6)")
    enc("enc-pdf-user-aes128-nopii.eml", E, "product-guide.pdf", lambda c: c.out("pdf-user-aes128-nopii.pdf"),
        "qpdf user password, AES-128 (R4), no PII")
    enc("enc-pdf-owner-only-pii.eml", P, "customer-list.pdf", lambda c: c.out("pdf-owner-pii.pdf"),
        "owner password only, empty user password: opens without a password, so not encrypted",
        line="PDFでお送りします。")
    enc("enc-pdf-owner-only-nopii.eml", [], "product-guide.pdf", lambda c: c.out("pdf-owner-nopii.pdf"),
        "owner password only, no PII", line="PDFでお送りします。")
    enc("enc-docx-agile.eml", E, "お客様一覧.docx", lambda c: ooxml_encrypted(pii_docx(), True, "docx"),
        "CFB with EncryptionInfo (Agile 4.4) + EncryptedPackage; a CFB named .docx is what Office writes, "
        "not a type mismatch")
    enc("enc-xlsx-agile.eml", E, "お客様一覧.xlsx", lambda c: ooxml_encrypted(pii_xlsx(), True, "xlsx"),
        "CFB Agile under .xlsx (not a type mismatch)")
    enc("enc-xlsx-standard.eml", E, "契約者一覧.xlsx", lambda c: ooxml_encrypted(pii_xlsx(), False, "xlsx-std"),
        "CFB with Standard encryption (4.2, AES-128)")
    enc("enc-doc-rc4.eml", E, "お客様一覧.doc", lambda c: word97(pii_paragraphs(), encrypt=True),
        "Word 97 with FIB fEncrypted and an RC4 EncryptionHeader in 1Table")
    enc("enc-xls-filepass.eml", E, "お客様一覧.xls", lambda c: xls_encrypted(pii_table()),
        "BIFF8 workbook with FILEPASS (RC4)")
    add("enc-smime.eml", E, "S/MIME enveloped-data (openssl cms -encrypt, AES-256) around the CSV",
        lambda c: Mail(c.idx, TANAKA, [PARTNERS[0]], "【暗号化】顧客リスト", "", [Att("smime.p7m", "application/pkcs7-mime",
                                                                                    c.out("smime.p7m"))],
                       cc=[KANRI], kind="smime", bodyenc="utf8-b64"))
    add("enc-pgpmime.eml", E, "PGP/MIME multipart/encrypted (gpg --symmetric --armor)",
        lambda c: Mail(c.idx, TANAKA, [PARTNERS[1]], "【暗号化】顧客リスト", "",
                       [Att("encrypted.asc", "application/octet-stream", crlf(c.out("pgp.asc").decode()).encode(),
                            cte="7bit", disp="inline",
                            desc="OpenPGP encrypted message")],
                       cc=[KANRI], kind="pgpmime", bodyenc="utf8-b64"))
    add("enc-pgp-inline.eml", E, "inline PGP message in the body",
        lambda c: Mail(c.idx, TANAKA, [PARTNERS[2]], "【暗号化】契約者情報",
                       "高田様\n\n契約者情報を暗号化してお送りします。\nパスワードは別途お知らせします。\n\n"
                       + c.out("pgp-inline.asc").decode("ascii") + FIRM_SIG, [], cc=[KANRI], kind="pgpinline",
                       bodyenc="jis"))
    add("enc-zipcrypto-and-pdf.eml", W, "ZipCrypto zip with PII + clear brochure PDF without PII",
        lambda c: outbound(c, "【暗号化】顧客リストと商品案内", "顧客リストは暗号化しています。",
                           [A("顧客リスト.zip", c.out("zipcrypto-pii.zip")), A("product-guide.pdf", c.inp("pdf/nopii.pdf"))]))
    add("enc-fwd-rfc822-aes.eml", E, "forwarded mail carrying an AES zip",
        lambda c: outbound(c, "FW: 【暗号化】顧客リスト", "転送します。",
                           [Inner(Mail(c.idx, KANRI, [TANAKA], "【暗号化】顧客リスト", "田中さん\n\n暗号化済みです。\n",
                                       [A("顧客リスト.zip", c.out("aes-pii.zip"))]), "forwarded.eml")]))

    # -- limits -------------------------------------------------------------------
    lim = lambda f, name, data_fn, note, ct=None: add(
        f, U, note, lambda c: outbound(c, "データ送付", "データをお送りします。",
                                       [A(name, data_fn(c), **({"ctype": ct} if ct else {}))]))
    lim("lim-zip-bomb-nested.eml", "data.zip", lambda c: c.memo("bomb", zip_bomb_nested),
        "42.zip style: 5 levels x 10 copies, leaves of 100 MiB zeros (~10 TiB in all)")
    lim("lim-zip-10g-deflate.eml", "data.zip", lambda c: c.memo("z10", zip_10g_deflate),
        "one member, 10 GiB of zeros, deflate, ZIP64")
    lim("lim-zip-10g-bzip2.eml", "data.zip", lambda c: zip_10g_bzip2(),
        "one member, >= 10 GiB of zeros, bzip2 method 12, ZIP64, ~8 KB")
    lim("lim-bz2-10g.eml", "data.bin.bz2", lambda c: bz2_10g()[0], "bzip2 stream, >= 10 GiB of zeros",
        "application/x-bzip2")
    lim("lim-zip-truncated.eml", "会議資料.zip", lambda c: zip_truncated(), "zip cut at 55%: no central directory")
    lim("lim-zip-bad-deflate.eml", "会議資料.zip", lambda c: zip_bad_deflate(),
        "intact directory, member data starts with a reserved deflate block type")
    lim("lim-zip-depth12.eml", "資料.zip", lambda c: zip_depth(12), "zip nested 12 deep (memo at the bottom)")
    lim("lim-7z-truncated.eml", "会議資料.7z", lambda c: c.out("nopii.7z")[:len(c.out("nopii.7z")) * 2 // 3],
        "7z cut to 2/3: end header missing")

    # -- form of the attachment -------------------------------------------------
    exe = pe()
    dis = lambda f, labels, subject, line, atts_fn, note, **kw: add(
        f, labels, note, lambda c: inbound(c, subject, line, atts_fn(c), **kw))
    dis("dis-in-elf-noext.eml", X, "更新プログラム", "更新プログラムを実行してください。",
        lambda c: [A("update", elf(), ctype="application/octet-stream")], "real ELF (/bin/true), no extension")
    dis("dis-in-pe-exe.eml", X, "請求書の件", "請求書閲覧ツールです。", lambda c: [A("viewer.exe", exe)], "minimal PE named .exe")
    add("dis-out-pe-exe.eml", X, "outbound PE named .exe",
        lambda c: outbound(c, "ツール送付", "集計ツールをお送りします。", [A("集計ツール.exe", exe)]))
    dis("dis-in-scr.eml", X, "写真", "写真です。", lambda c: [A("photo.scr", exe)], "PE named .scr")
    dis("dis-in-cpl.eml", X, "設定", "設定ファイルです。", lambda c: [A("setting.cpl", pe(dll=True))], "PE DLL named .cpl")
    for ext, subj in (("bat", "手順"), ("vbs", "確認"), ("js", "請求書"), ("hta", "お知らせ"), ("ps1", "設定手順")):
        dis("dis-in-%s.eml" % ext, X, subj, "添付ファイルを開いて確認してください。",
            (lambda e: lambda c: [A("請求書確認.%s" % e, SCRIPTS[e], ctype="application/octet-stream")])(ext),
            "script named .%s" % ext)
    dis("dis-in-jar.eml", X, "請求書", "請求書を確認してください。",
        lambda c: [A("invoice.jar", jar(), ctype="application/java-archive")], "Java archive (a zip) named .jar")
    dis("dis-in-zip-exe.eml", X, "請求書送付", "請求書を圧縮して送ります。",
        lambda c: [A("請求書.zip", zip_of([("請求書.exe", exe)]))], "PE inside a zip")
    dis("dis-in-zip-js.eml", X, "配送のお知らせ", "お荷物の配達状況です。",
        lambda c: [A("配達状況.zip", zip_of([("配達状況.js", SCRIPTS["js"])]))], "script inside a zip")
    dis("dis-in-lnk.eml", S, "請求書", "請求書をご確認ください。",
        lambda c: [A("請求書.lnk", lnk(), ctype="application/octet-stream")], "Windows shortcut (MS-SHLLINK)")
    dis("dis-in-url.eml", S, "共有ファイル", "共有ファイルのリンクです。",
        lambda c: [A("共有ファイル.url", url_shortcut(), ctype="application/octet-stream")], "Internet shortcut .url")
    dis("dis-in-zip-lnk.eml", S, "請求書", "請求書を圧縮して送ります。",
        lambda c: [A("請求書.zip", zip_of([("請求書.lnk", lnk())]))], "shortcut inside a zip")
    dis("dis-in-double-pdf-exe.eml", D + X, "報告書", "報告書をお送りします。",
        lambda c: [A("report.pdf.exe", exe)], "report.pdf.exe")
    dis("dis-in-double-xlsx-scr.eml", D + X, "請求書", "請求書をお送りします。",
        lambda c: [A("請求書_2024年4月分_株式会社取引先.xlsx.scr", exe, form="2231-cont-sjis")],
        "double extension, name in RFC 2231 Shift_JIS continuations")
    dis("dis-in-double-docx-js.eml", D + X, "見積書", "見積書です。",
        lambda c: [A("見積書.docx.js", SCRIPTS["js"], form="2047q-utf8", ctype="application/octet-stream")],
        "double extension, name in RFC 2047 UTF-8 Q")
    add("dis-out-double-pdf-exe.eml", D + X, "outbound report.pdf.exe",
        lambda c: outbound(c, "報告書", "報告書をお送りします。", [A("報告書.pdf.exe", exe, form="2047-jis")]))
    add("dis-out-lnk.eml", S, "outbound shortcut to a shared folder (a common slip)",
        lambda c: outbound(c, "共有フォルダ", "共有フォルダのショートカットを送ります。",
                           [A("共有フォルダ.lnk", lnk(), ctype="application/octet-stream")]))
    add("dis-out-spaces-pdf.eml", SP, "outbound, 8 spaces before .pdf",
        lambda c: outbound(c, "見積書", "見積書をお送りします。",
                           [A("見積書" + " " * 8 + ".pdf", c.inp("pdf/nopii.pdf"), form="2231-utf8")]))
    add("dis-out-xlsx-as-xls.eml", M, "outbound xlsx (zip) renamed .xls (CFB expected)",
        lambda c: outbound(c, "年間予定", "年間予定表です。", [A("年間予定.xls", schedule_xlsx())]))
    dis("dis-in-spaces-pdf.eml", SP, "請求書", "請求書をお送りします。",
        lambda c: [A("invoice                              .pdf", c.inp("pdf/nopii.pdf"))],
        "30 spaces before .pdf, content is a real PDF")
    dis("dis-in-ideo-spaces-pdf.eml", SP, "見積書", "見積書をお送りします。",
        lambda c: [A("見積書" + "\u3000" * 12 + ".pdf", c.inp("pdf/nopii.pdf"), form="2047-jis")],
        "12 ideographic spaces (U+3000) before .pdf, RFC 2047 ISO-2022-JP")
    dis("dis-in-spaces-double-exe.eml", SP + D + X, "請求書", "請求書をお送りします。",
        lambda c: [A("invoice.pdf" + " " * 24 + ".exe", exe)], "invoice.pdf + 24 spaces + .exe")
    dis("dis-in-rlo-exe.eml", R + X, "写真", "写真を送ります。",
        lambda c: [A("photo\u202egpj.exe", exe, form="2047-utf8")], "U+202E RLO: shows as photoexe.jpg")
    dis("dis-in-rlo-scr.eml", R + X, "請求書", "請求書です。",
        lambda c: [A("請求書\u202efdp.scr", exe, form="2231-utf8")], "RLO, RFC 2231 UTF-8 (%E2%80%AE)")
    dis("dis-in-rli-exe.eml", R + X, "資料", "資料です。",
        lambda c: [A("資料\u2067fdp.exe", exe, form="2231-utf8")], "U+2067 RLI (another bidi control)")
    dis("dis-in-rle-js.eml", R + X, "資料", "資料です。",
        lambda c: [A("資料\u202bcod.js", SCRIPTS["js"], form="2047-utf8", ctype="application/octet-stream")],
        "U+202B RLE before the script extension")
    dis("dis-in-rlo-csv.eml", R, "一覧", "一覧です。",
        lambda c: [A("一覧\u202etxt.csv", PRICE_CSV.encode("cp932"), form="2231-utf8", charset="Shift_JIS")],
        "RLO in the name of a harmless CSV")
    dis("dis-in-pe-as-pdf.eml", M + X, "請求書", "請求書です。",
        lambda c: [A("請求書.pdf", exe, ctype="application/pdf")], "PE named .pdf (declared application/pdf)")
    dis("dis-in-zip-as-jpg.eml", M, "写真", "写真です。",
        lambda c: [A("photo.jpg", zip_of([(MEMO_TXT, MEMO_TEXT.encode("cp932"))]), ctype="image/jpeg")],
        "zip named .jpg")
    dis("dis-in-pdf-as-xlsx.eml", M, "見積書", "見積書です。",
        lambda c: [A("見積書.xlsx", c.inp("pdf/nopii.pdf"))], "PDF named .xlsx")
    dis("dis-in-elf-as-txt.eml", M + X, "ログ", "ログです。",
        lambda c: [A("log.txt", elf(), ctype="text/plain")], "ELF named .txt")
    dis("dis-in-exe-ctname-only.eml", X, "ツール", "ツールです。",
        lambda c: [A("tool.exe", exe, disp=None)], "name only in Content-Type, no Content-Disposition")
    dis("dis-in-jpeg-ok.eml", [], "写真", "写真です。",
        lambda c: [A("現場写真.jpeg", jpeg(), form="2047-jis")], "JPEG named .jpeg: no mismatch")
    return C


# ---------------------------------------------------------------------------
# stage "messages" and the verify step

def build_messages(work, outdir):
    os.makedirs(outdir, exist_ok=True)
    c = Ctx(work)
    for i, (f, labels, note, fn) in enumerate(case_list(), 1):
        c.idx = i
        mail = fn(c)
        data = mail.render()
        write(os.path.join(outdir, f), data)
        c._memo.setdefault("expected", {})[f] = (mail.expected(), mail.kind, mail.eightbit())
    return c._memo["expected"]


def _run(argv, data=None):
    r = subprocess.run(argv, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return r.returncode == 0, r.stdout


def _tmpfile(work, name, data):
    p = os.path.join(work, "check", name)
    write(p, data)
    return p


def check_blob(work, case, k, data, problems):
    """check_blob - look inside one attachment with an independent reader"""
    tag = "%s#%d" % (case, k)
    pw = "-p" + PASSWORD
    limit = case.startswith("lim-")
    huge = case in ("lim-zip-bomb-nested.eml", "lim-zip-10g-deflate.eml", "lim-zip-10g-bzip2.eml",
                    "lim-zip-depth12.eml")
    if data.startswith(b"%PDF"):
        p = _tmpfile(work, tag + ".pdf", data)
        open_ok, _ = _run(["qpdf", "--check", p])           # no password given
        if not open_ok:
            ok, _ = _run(["qpdf", "--password=" + PASSWORD, "--check", p])
            if not ok:
                problems.append("%s: qpdf --check failed" % tag)
        if ("user-aes" in case) == open_ok:
            problems.append("%s: PDF %s without a password" % (tag, "opens" if open_ok else "does not open"))
    elif data[:4] in (b"PK\x03\x04", b"7z\xbc\xaf", b"Rar!") and not huge:      # huge ones: check_special
        p = _tmpfile(work, tag + ".arc", data)
        ok, _ = _run(["7z", "t", "-p-wrong-", p])
        okpw, _ = _run(["7z", "t", pw, p])
        if limit:
            if okpw:
                problems.append("%s: damaged archive tests fine" % tag)
        elif not okpw:
            problems.append("%s: 7z t failed with the password" % tag)
        elif case.startswith("enc-") and ok and "fwd" not in case and "in-zip" not in case:
            problems.append("%s: encrypted archive tests fine without the password" % tag)
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        p = _tmpfile(work, tag + ".cfb", data)
        ok, out = _run(["7z", "l", "-slt", p])
        want = {b"enc-doc-rc4.eml": b"WordDocument", b"fmt-doc-pii.eml": b"WordDocument",
                b"enc-xls-filepass.eml": b"Workbook"}.get(case.encode(), b"EncryptedPackage")
        if not ok or b"Path = " + want not in out:
            problems.append("%s: compound file not read by 7z (%s)" % (tag, want.decode()))


def check_special(work, problems):
    """check_special - the limit fixtures hold what their labels say"""
    c = Ctx(work)
    # 10 GiB members: declared sizes, and the first 256 MiB really decompress
    z = c.memo("z10", zip_10g_deflate)
    usize = struct.unpack_from("<Q", z, 30 + 8 + 4)[0]
    d = zlib.decompressobj(-15)
    got = d.decompress(z[30 + 8 + 20:30 + 8 + 20 + 100000], 64 << 20)
    if usize < 10 << 30 or got.count(0) != len(got) or len(got) < 64 << 20:
        problems.append("lim-zip-10g-deflate: size %d / prefix %d" % (usize, len(got)))
    stream, n = bz2_10g()
    got = bz2.BZ2Decompressor().decompress(stream, 64 << 20)
    if n < 10 << 30 or got.count(0) != len(got) or len(got) < 64 << 20:
        problems.append("lim-bz2-10g: size %d / prefix %d" % (n, len(got)))
    small, sn = bz2_zeros(2 * bz2_zero_block()[3])
    if bz2_count_zeros(small) != sn:
        problems.append("bz2 block repetition does not decompress exactly")
    # nested bomb: 5 levels of 10, every level a valid zip
    data, depth, total = c.memo("bomb", zip_bomb_nested), 0, None
    while True:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = zf.namelist()
        depth += 1
        if not names[0].endswith(".zip"):
            total = sum(i.file_size for i in zf.infolist())
            break
        data = zf.read(names[0])
    if depth != 5 or len(names) != 10 or total != 10 * (100 << 20):
        problems.append("bomb: depth %d members %d leaf total %s" % (depth, len(names), total))
    data, depth = zip_depth(12), 0
    while data[:2] == b"PK":
        zf = zipfile.ZipFile(io.BytesIO(data))
        data = zf.read(zf.namelist()[0])
        depth += 1
    if depth != 12:
        problems.append("depth12: %d" % depth)
    # the CRC helpers against zlib, deflate repetition against zlib
    for n in (0, 1, 4095, 1 << 20, 5 * (1 << 20) + 3):
        if crc32_zeros(n) != zlib.crc32(bytes(n)):
            problems.append("crc32_zeros(%d)" % n)
    if zlib.decompress(deflate_zeros(3 * (1 << 20) + 7), -15) != bytes(3 * (1 << 20) + 7):
        problems.append("deflate_zeros")
    # personal data: check digits and Luhn
    for cu in customers():
        if mynumber_ok(cu["mynumber"]) is False or not luhn_ok(cu["card"]):
            problems.append("check digit: %s" % cu["name"])
    # OOXML / ODF parts are well-formed XML
    for name, pkg in (("docx", pii_docx()), ("xlsx", pii_xlsx()), ("pptx", pptx(pii_paragraphs())),
                      ("odt", odt(pii_paragraphs())), ("ods", ods("x", pii_table()))):
        zf = zipfile.ZipFile(io.BytesIO(pkg))
        if zf.testzip() is not None:
            problems.append("%s: bad zip" % name)
        for n in zf.namelist():
            if n.endswith((".xml", ".rels")):
                try:
                    ET.fromstring(zf.read(n))
                except ET.ParseError as e:
                    problems.append("%s/%s: %s" % (name, n, e))
    # RTF decodes back to the table (\uN with \uc2 fallback skipped)
    if rtf_text(rtf_pii()).count(customers()[3]["addr"]) != 1:
        problems.append("rtf: address not found once")


def mynumber_ok(num):
    s = sum(int(num[11 - n]) * (n + 1 if n <= 6 else n - 5) for n in range(1, 12))
    r = s % 11
    return int(num[11]) == (0 if r <= 1 else 11 - r)


def rtf_text(data):
    """rtf_text - tiny RTF reader for the check: \\'xx (cp932), \\uN + \\ucN skip"""
    s = data.decode("ascii")
    out, raw, i, uc, skip = [], bytearray(), 0, 1, 0
    tok = re.compile(r"\\'([0-9a-f]{2})|\\u(-?\d+) ?|\\([a-z]+)(-?\d+)? ?|\\(.)|([{}])|([^\\{}]+)", re.S)

    def flush():
        if raw:
            out.append(raw.decode("cp932"))
            raw.clear()
    for m in tok.finditer(s):
        hx, un, word, num, sym, brace, text = m.groups()
        if hx is not None:
            if skip:
                skip -= 1
            else:
                raw.append(int(hx, 16))
            continue
        flush()
        if un is not None:
            v = int(un)
            out.append(chr(v + 0x10000 if v < 0 else v))
            skip = uc
        elif word is not None:
            if word == "uc":
                uc = int(num)
            elif word in ("par", "tab"):
                out.append("\n" if word == "par" else "\t")
        elif text is not None:
            t = text.replace("\r", "").replace("\n", "")
            if skip and t:
                n = min(skip, len(t))
                t, skip = t[n:], skip - n
            out.append(t)
        elif sym is not None:
            out.append(sym)
    flush()
    return "".join(out)


def verify(work, outdir, expected=None):
    problems = []
    cases = case_list()
    if expected is None:
        c = Ctx(work)
        expected = {}
        for i, (f, labels, note, fn) in enumerate(cases, 1):
            c.idx = i
            m = fn(c)
            expected[f] = (m.expected(), m.kind, m.eightbit())
    files = {f for f in os.listdir(outdir) if f.endswith(".eml")}
    names = [f for f, _, _, _ in cases]
    if len(set(names)) != len(names):
        problems.append("duplicate case names")
    if files != set(names):
        problems.append("OUTDIR has %s, table has %s" % (sorted(files ^ set(names)), len(names)))
    for f in names:
        raw = read(os.path.join(outdir, f))
        if b"\r\n" not in raw or b"\n" in raw.replace(b"\r\n", b""):
            problems.append("%s: line ends are not all CRLF" % f)
        if any(len(l) > 998 for l in raw.split(b"\r\n")):
            problems.append("%s: line longer than 998" % f)
        msg = message_from_bytes(raw, policy=email_policy.default)
        want, kind, eightbit = expected[f]
        if not eightbit and any(b > 127 for b in raw):
            problems.append("%s: 8-bit bytes in a message meant to be 7-bit" % f)
        got = []
        for part in msg.walk():
            if part.is_multipart() or part.get_content_maintype() == "message":
                continue
            fname = part.get_filename()
            if fname is None and part.get_content_disposition() != "attachment":
                continue
            got.append((fname, part.get_payload(decode=True)))
            for d in part.defects:
                problems.append("%s: defect %s" % (f, type(d).__name__))
        if kind == "pgpinline":
            body = msg.get_payload(decode=True)
            if b"-----BEGIN PGP MESSAGE-----" not in body:
                problems.append("%s: no PGP block in the body" % f)
        if [n for n, _ in got] != [n for n, _ in want]:
            problems.append("%s: names %r != %r" % (f, [n for n, _ in got], [n for n, _ in want]))
        for k, ((gn, gd), (wn, wd)) in enumerate(zip(got, want)):
            if gd != wd:
                problems.append("%s: attachment %d (%s) decodes to %d bytes, %d intended"
                                % (f, k, wn, len(gd or b""), len(wd)))
            else:
                check_blob(work, f, k, wd, problems)
    check_special(work, problems)
    tsv = os.path.join(HERE, "labels.tsv")
    if os.path.exists(tsv) and read(tsv).decode("utf-8") != labels_tsv():
        problems.append("labels.tsv differs from the case table: run 'mkfix.py labels > labels.tsv'")
    return problems


def labels_tsv():
    out = ["# covers: " + " ".join(COVERS),
           "# config: omamori.conf",
           "# Expected attach.* findings per message.  The messages are generated, not committed:",
           "# tests/evaluation/attach/make-fixtures.sh OUTDIR, then evaluate with --messages OUTDIR.",
           "# This file is printed by 'mkfix.py labels'; the verify step checks it matches."]
    for f, labels, note, _ in case_list():
        out.append("%s\t%s\t-\t%s" % (f, ",".join(labels) if labels else "-", note))
    return "\n".join(out) + "\n"


def main(argv):
    if len(argv) >= 2 and argv[1] == "labels":
        sys.stdout.write(labels_tsv())
        return 0
    if len(argv) == 3 and argv[1] == "payloads":
        payloads(argv[2])
        return 0
    if len(argv) == 4 and argv[1] in ("messages", "verify"):
        work, outdir = argv[2], argv[3]
        expected = build_messages(work, outdir) if argv[1] == "messages" else None
        problems = verify(work, outdir, expected)
        for p in problems:
            print("mkfix: verify: " + p, file=sys.stderr)
        n = len([f for f in os.listdir(outdir) if f.endswith(".eml")])
        print("mkfix: %d messages, %s" % (n, "verified" if not problems else "%d problems" % len(problems)))
        return 1 if problems else 0
    print(__doc__.split("DESCRIPTION")[0], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
