#!/usr/bin/env python3
# workload.py - benchmark messages of the shapes an insurance agency sends
#
# USAGE
#	tests/bench/workload.py OUTDIR
#
# DESCRIPTION
#	Writes one message per shape into OUTDIR, LF line ends, headers
#	included, outbound from sakura-hoken.example (internal) to
#	partner-shoji.example:
#
#	  ja-utf8.eml       10 KB Japanese business text, UTF-8, 8bit
#	  ja-jis.eml        the same text in ISO-2022-JP, 7bit
#	  csv-orders.eml    6 KB text + 200 KB CSV of orders (order number
#	                    A + 7 digits, date, product code, quantity, unit
#	                    price, amount), base64
#	  csv-customers.eml 6 KB text + CSV of customer-like rows, base64
#	  xlsx-customers.eml the same rows as an XLSX workbook, base64
#	  pdf-2m.eml        a PDF of about 2 MB (text pages and a scanned
#	                    page image), base64
#	  html-news.eml     an HTML newsletter (text/plain + text/html)
#
#	Everything is made up from a fixed seed: names are drawn from
#	lists of common family and given names, numbers are random, phone
#	numbers are in the 090-0000 fictional ranges, addresses do not exist
#	to the house number. Two runs write the same bytes.
import base64
import io
import os
import random
import sys
import zipfile
import zlib

FROM = "tanaka@sakura-hoken.example"
RCPT = "info@partner-shoji.example"

JA = [
    "いつもお世話になっております。株式会社さくら保険サービス営業企画課の田中です。",
    "先日の打ち合わせの件につきまして、議事録をお送りいたします。",
    "来週の定例会議は本社三階の会議室Ｂにて開催いたします。",
    "資料の最新版は部内の共有フォルダに格納しておりますので、ご確認ください。",
    "新しい商品パンフレットの校正につきまして、ご意見をお聞かせいただけますと幸いです。",
    "研修の日程調整について、皆様のご都合をお知らせください。",
    "本件につきましては、社内で検討の上、改めてご連絡いたします。",
    "六月分のご注文一覧を添付いたしますので、数量と金額をご確認ください。",
    "納品予定日は七月十日を予定しておりますが、変更の際は改めてご案内いたします。",
    "添付の手順書に沿って設定を進めていただけますようお願いいたします。",
    "ご不明な点がございましたら、お気軽にお問い合わせください。",
    "引き続きどうぞよろしくお願い申し上げます。",
]
EN = [
    "Please find the notes of our last meeting below.",
    "Action items: review the draft, update the schedule, send feedback by Friday.",
    "See https://www.sakura-hoken.example/news for the latest notices.",
    "Agenda: (1) campaign review (2) brochure proofs (3) training plan",
]
FAMILY = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤",
          "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "清水", "山崎"]
GIVEN = ["太郎", "花子", "一郎", "美咲", "健太", "陽子", "翔", "由美", "大輔", "恵子",
         "直樹", "真由美", "拓也", "智子", "誠", "明美"]
KANA_F = ["サトウ", "スズキ", "タカハシ", "タナカ", "イトウ", "ワタナベ", "ヤマモト", "ナカムラ",
          "コバヤシ", "カトウ", "ヨシダ", "ヤマダ", "ササキ", "ヤマグチ", "マツモト", "イノウエ",
          "キムラ", "ハヤシ", "シミズ", "ヤマザキ"]
KANA_G = ["タロウ", "ハナコ", "イチロウ", "ミサキ", "ケンタ", "ヨウコ", "ショウ", "ユミ",
          "ダイスケ", "ケイコ", "ナオキ", "マユミ", "タクヤ", "トモコ", "マコト", "アケミ"]
PLACES = ["東京都千代田区丸の内", "東京都港区芝浦", "神奈川県横浜市中区山下町", "大阪府大阪市北区梅田",
          "愛知県名古屋市中区栄", "福岡県福岡市博多区博多駅前", "北海道札幌市中央区大通西",
          "埼玉県さいたま市浦和区高砂", "千葉県千葉市美浜区中瀬", "京都府京都市下京区四条通"]
PRODUCTS = ["自動車保険", "火災保険", "医療保険", "がん保険", "傷害保険", "個人賠償責任保険"]


def text_part(rng, kb):
    """about kb KB of Japanese business prose, ASCII lines mixed in"""
    out, size, i = [], 0, 0
    while size < kb * 1024:
        lines = [JA[(i * 5 + k) % len(JA)] for k in range(3)]
        if i % 3 == 0:
            lines.append(EN[i % len(EN)])
        para = "\n".join(lines) + "\n\n"
        out.append(para)
        size += len(para.encode())
        i += 1
    return "".join(out)


def b64(data):
    s = base64.b64encode(data).decode()
    return "\n".join(s[i:i + 76] for i in range(0, len(s), 76)) + "\n"


def ew(s):
    return "=?UTF-8?B?" + base64.b64encode(s.encode()).decode() + "?="


def head(mid, subject, ctype, cte=None):
    h = ("From: " + ew("田中 一郎") + " <" + FROM + ">\n"
         "To: <" + RCPT + ">\n"
         "Subject: " + ew(subject) + "\n"
         "Date: Mon, 23 Nov 2026 10:00:00 +0900\n"
         "Message-ID: <bench-" + mid + "@sakura-hoken.example>\n"
         "MIME-Version: 1.0\n"
         "Content-Type: " + ctype + "\n")
    if cte:
        h += "Content-Transfer-Encoding: " + cte + "\n"
    return h + "\n"


def with_attachment(mid, subject, body, name, ctype, data):
    bnd = "=_bench_" + mid
    out = head(mid, subject, 'multipart/mixed; boundary="' + bnd + '"')
    out += ("--" + bnd + "\nContent-Type: text/plain; charset=UTF-8\n"
            "Content-Transfer-Encoding: 8bit\n\n" + body + "\n")
    out += ("--" + bnd + "\nContent-Type: " + ctype + '; name="' + name + '"\n'
            'Content-Disposition: attachment; filename="' + name + '"\n'
            "Content-Transfer-Encoding: base64\n\n" + b64(data))
    out += "--" + bnd + "--\n"
    return out


def orders_csv(rng, kb):
    rows = ["注文番号,注文日,商品コード,数量,単価,金額"]
    size = len(rows[0].encode()) + 1
    n = 0
    while size < kb * 1024:
        qty = rng.randint(1, 500)
        price = rng.randint(1, 2000) * 10
        row = "A%07d,2026-%02d-%02d,P%c%c-%05d,%d,%d,%d" % (
            rng.randint(0, 9999999), rng.randint(1, 12), rng.randint(1, 28),
            chr(65 + rng.randint(0, 25)), chr(65 + rng.randint(0, 25)),
            rng.randint(0, 99999), qty, price, qty * price)
        rows.append(row)
        size += len(row.encode()) + 1
        n += 1
    return ("\r\n".join(rows) + "\r\n").encode()


def customers(rng, n):
    """customer-like rows: made-up names, fictional phone range, no such houses"""
    rows = []
    for i in range(n):
        f, g = rng.randrange(len(FAMILY)), rng.randrange(len(GIVEN))
        rows.append([
            "C%06d" % (100000 + i),
            FAMILY[f] + " " + GIVEN[g],
            KANA_F[f] + " " + KANA_G[g],
            "%04d-%02d-%02d" % (rng.randint(1940, 2004), rng.randint(1, 12), rng.randint(1, 28)),
            "090-0%03d-%04d" % (rng.randint(0, 999), rng.randint(0, 9999)),
            "%03d-%04d" % (rng.randint(100, 999), rng.randint(0, 9999)),
            PLACES[rng.randrange(len(PLACES))] + "%d-%d-%d" % (
                rng.randint(1, 9), rng.randint(1, 30), rng.randint(1, 20)),
            PRODUCTS[rng.randrange(len(PRODUCTS))],
            str(rng.randint(12, 480) * 100),
        ])
    return rows


CUST_HEAD = ["顧客番号", "氏名", "フリガナ", "生年月日", "電話番号", "郵便番号", "住所", "契約種目", "月額保険料"]


def customers_csv(rows):
    lines = [",".join(CUST_HEAD)] + [",".join(r) for r in rows]
    return ("\r\n".join(lines) + "\r\n").encode()


def xml_esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def xlsx(rows):
    """a minimal OOXML workbook, inline strings, one sheet"""
    sheet = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate([CUST_HEAD] + rows):
        cells = []
        for c, v in enumerate(row):
            ref = col(c) + str(r + 1)
            if r > 0 and c == 8:
                cells.append('<c r="%s"><v>%s</v></c>' % (ref, v))
            else:
                cells.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, xml_esc(v)))
        sheet.append('<row r="%d">%s</row>' % (r + 1, "".join(cells)))
    sheet.append("</sheetData></worksheet>")
    files = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '</Types>',
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="顧客一覧" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": "".join(sheet),
    }
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            zi = zipfile.ZipInfo(name, date_time=(2026, 11, 23, 10, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, text.encode())
    return bio.getvalue()


def pdf(rng, target):
    """text pages (ASCII, Flate) and one page with a noise image up to target bytes"""
    objs = []

    def add(body):
        objs.append(body)
        return len(objs)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    pages_id = add(None)
    kids = []
    for p in range(20):
        lines = ["BT /F1 10 Tf 50 800 Td 12 TL"]
        for k in range(60):
            lines.append("(%s) '" % EN[(p + k) % len(EN)].replace("(", "\\(").replace(")", "\\)"))
            if k % 6 == 0:
                lines.append("(Order A%07d qty %d amount %d) '" % (
                    rng.randint(0, 9999999), rng.randint(1, 99), rng.randint(100, 99999)))
        lines.append("ET")
        data = zlib.compress("\n".join(lines).encode())
        cs = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                        b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                        % (pages_id, font, cs)))
    # A scanned page: incompressible image data to reach the size.
    used = sum(len(o) for o in objs if o) + 2048
    n = max(target - used, 1024)
    w = 1024
    h = n // (w * 3) + 1
    img = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
              b"/BitsPerComponent 8 /Length %d >>\nstream\n" % (w, h, w * h * 3)
              + rng.randbytes(w * h * 3) + b"\nendstream")
    cs = add(b"<< /Length 36 >>\nstream\nq 595 0 0 842 0 0 cm /Im1 Do Q\n\nendstream")
    kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                    b"/Resources << /XObject << /Im1 %d 0 R >> >> /Contents %d 0 R >>"
                    % (pages_id, img, cs)))
    objs[pages_id - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                          + b"] /Count %d >>" % len(kids))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref)
    return bytes(out)


def html_news(rng):
    items = []
    for i in range(24):
        items.append('<tr><td style="padding:8px;border-bottom:1px solid #ddd">'
                     '<a href="https://www.sakura-hoken.example/news/2026/%03d?utm_source=mail&amp;utm_medium=news">'
                     '%s</a><br><span style="color:#666;font-size:12px">%s</span></td></tr>\n'
                     % (i, xml_esc(JA[i % len(JA)]), xml_esc(JA[(i + 3) % len(JA)] + JA[(i + 7) % len(JA)])))
    html = ('<!DOCTYPE html>\n<html lang="ja"><head><meta charset="utf-8"><title>さくら保険ニュース</title>'
            '<style>body{font-family:sans-serif;background:#f6f6f6}table{width:600px;margin:auto;background:#fff}'
            '</style></head><body>\n<table cellpadding="0" cellspacing="0">\n'
            '<tr><td><img src="https://www.sakura-hoken.example/img/logo.png" alt="さくら保険" width="200"></td></tr>\n'
            + "".join(items) +
            '<tr><td style="font-size:11px">配信停止は<a href="https://www.sakura-hoken.example/unsubscribe">'
            'こちら</a></td></tr>\n</table></body></html>\n')
    plain = text_part(rng, 4)
    bnd = "=_bench_news"
    out = head("news", "さくら保険ニュース 十一月号", 'multipart/alternative; boundary="' + bnd + '"')
    out += ("--" + bnd + "\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n"
            + plain + "\n--" + bnd + "\nContent-Type: text/html; charset=UTF-8\n"
            "Content-Transfer-Encoding: 8bit\n\n" + html + "--" + bnd + "--\n")
    return out


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: workload.py OUTDIR\n")
        sys.exit(2)
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    rng = random.Random(20261123)
    msgs = {}
    body10 = text_part(rng, 10)
    msgs["ja-utf8.eml"] = (head("ja-utf8", "定例会議の議事録について", "text/plain; charset=UTF-8", "8bit")
                           + body10).encode()
    # ISO-2022-JP: the same prose, headers in ASCII and B-encoded JIS.
    jis = body10.encode("iso-2022-jp")
    h = head("ja-jis", "定例会議の議事録について", "text/plain; charset=ISO-2022-JP", "7bit")
    h = h.replace(ew("田中 一郎"), "=?ISO-2022-JP?B?" + base64.b64encode("田中 一郎".encode("iso-2022-jp")).decode() + "?=")
    h = h.replace(ew("定例会議の議事録について"),
                  "=?ISO-2022-JP?B?" + base64.b64encode("定例会議の議事録について".encode("iso-2022-jp")).decode() + "?=")
    msgs["ja-jis.eml"] = h.encode() + jis
    msgs["csv-orders.eml"] = with_attachment("csv-orders", "六月分ご注文一覧", text_part(rng, 6),
                                             "orders-2026-06.csv", "text/csv; charset=UTF-8",
                                             orders_csv(rng, 200)).encode()
    rows = customers(rng, 1200)
    msgs["csv-customers.eml"] = with_attachment("csv-customers", "顧客一覧の送付", text_part(rng, 6),
                                                "customers.csv", "text/csv; charset=UTF-8",
                                                customers_csv(rows)).encode()
    msgs["xlsx-customers.eml"] = with_attachment(
        "xlsx-customers", "顧客一覧の送付", text_part(rng, 6), "customers.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx(rows)).encode()
    msgs["pdf-2m.eml"] = with_attachment("pdf-2m", "パンフレット校正版", text_part(rng, 3),
                                         "brochure.pdf", "application/pdf", pdf(rng, 2 * 1024 * 1024)).encode()
    msgs["html-news.eml"] = html_news(rng).encode()
    for name, data in msgs.items():
        with open(os.path.join(outdir, name), "wb") as fp:
            fp.write(data)


if __name__ == "__main__":
    main()
