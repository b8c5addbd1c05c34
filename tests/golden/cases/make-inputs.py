#!/usr/bin/env python3
"""make-inputs.py - writes the golden-test input messages (tests/golden/cases/*.eml).

Each message exercises one decoding path; the expected outputs (*.json,
*.parse) are produced by `make golden-update` and reviewed by hand.
All content is invented.
"""
import base64
import os
import quopri

HERE = os.path.dirname(os.path.abspath(__file__))
HDR = ("From: =?ISO-2022-JP?B?%s?= <tanaka@sakura-hoken.example>\n"
       "To: yamamoto@partner-shoji.example\n"
       "Date: Mon, 16 Nov 2026 10:15:00 +0900\n"
       "Message-ID: <%s@sakura-hoken.example>\n"
       "MIME-Version: 1.0\n")
NAME = base64.b64encode("田中 一郎".encode("iso2022_jp")).decode()


def subj(s, cs="iso2022_jp", label="ISO-2022-JP"):
    return "Subject: =?%s?B?%s?=\n" % (label, base64.b64encode(s.encode(cs)).decode())


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as fp:
        fp.write(data if isinstance(data, bytes) else data.encode("ascii"))


# CP50220-style ISO-2022-JP: NEC row 13 under ESC $ B, half-width katakana under ESC ( I.
jis = ("お世話になっております。".encode("iso2022_jp") + b'\x1b$B-!-"\x1b(B'
       + "の件、".encode("iso2022_jp") + "ｶﾀｶﾅ".encode("iso2022_jp_ext")
       + "も含めて確認しました。\n".encode("iso2022_jp"))
write("iso2022jp-nec.eml", (HDR % (NAME, "g1") + subj("ご確認のお願い")
      + "Content-Type: text/plain; charset=ISO-2022-JP\nContent-Transfer-Encoding: 7bit\n\n").encode() + jis)

sj = "見積書を送付いたします。ご査収ください。\n".encode("cp932")
write("sjis-mislabelled.eml", (HDR % (NAME, "g2") + subj("見積書") +
      "Content-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: 8bit\n\n").encode() + sj)

eu = "会議の議事録を共有します。\n".encode("euc_jp")
write("eucjp-base64.eml", HDR % (NAME, "g3") + subj("議事録") +
      "Content-Type: text/plain; charset=EUC-JP\nContent-Transfer-Encoding: base64\n\n"
      + base64.encodebytes(eu).decode())

qp = quopri.encodestring("ご案内：全角０１２３と半角ｱｲｳ。\n".encode("utf-8")).decode()
write("utf8-qp-nolabel.eml", HDR % (NAME, "g4") + subj("ご案内", "utf-8", "UTF-8") +
      "Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n" + qp)

html = ('<html><body><p>詳細は<a href="https://www.partner-shoji.example/info">こちら</a>。</p>'
        '<p><a href="https://evil.example/">https://www.partner-shoji.example/</a></p></body></html>')
write("alternative-html.eml", HDR % (NAME, "g5") + subj("お知らせ") +
      'Content-Type: multipart/alternative; boundary="ALT"\n\n--ALT\n'
      "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n"
      + base64.encodebytes("詳細はこちら。\n".encode()).decode()
      + "--ALT\nContent-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n"
      + base64.encodebytes(html.encode()).decode() + "--ALT--\n")

fname = "%E9%A1%A7%E5%AE%A2%E5%90%8D%E7%B0%BF"
write("rfc2231-attachment.eml", HDR % (NAME, "g6") + subj("資料") +
      'Content-Type: multipart/mixed; boundary="MIX"\n\n--MIX\n'
      "Content-Type: text/plain; charset=ISO-2022-JP\n\n"
      + "資料を添付します。\n".encode("iso2022_jp").decode("ascii")
      + "--MIX\nContent-Type: application/pdf\n"
      "Content-Disposition: attachment;\n filename*0*=UTF-8''" + fname[:18] + ";\n filename*1*=" + fname[18:] + ".pdf\n"
      "Content-Transfer-Encoding: base64\n\n" + base64.encodebytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n").decode()
      + "--MIX--\n")

deep = HDR % (NAME, "g7") + "Subject: deep\n"
for i in range(30):
    deep += 'Content-Type: multipart/mixed; boundary="d%d"\n\n--d%d\n' % (i, i)
deep += "Content-Type: text/plain\n\ndeep\n"
for i in reversed(range(30)):
    deep += "--d%d--\n" % i
write("too-deep.eml", deep)
print("wrote golden inputs")
