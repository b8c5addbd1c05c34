#!/usr/bin/env python3
# NAME
#   gen.py - make the labelled personal-data corpus of omamori
#
# SYNOPSIS
#   python3 tests/evaluation/pii/gen.py             write messages/*.eml and labels.tsv
#   python3 tests/evaluation/pii/gen.py --verify    check the committed corpus, print its summary
#   tests/evaluation/eval.py --omamori src/omamori tests/evaluation/pii     score a scanner on it
#
# DESCRIPTION
#   The corpus is invented Japanese business mail of an insurance agency
#   (sakura-hoken.example): staff writing to insurers, partners, customers
#   and each other, plus a few inbound messages.  Every message is built
#   from a scenario below; the scenario marks each piece of personal data
#   it writes with its finding category, and the labels in labels.tsv are
#   computed from those marks and the policy at the top of labels.tsv (see
#   LABEL_POLICY).  Nothing is random at run time: every message has its own
#   generator seeded from a fixed string and its name, so the output is the
#   same on every machine and a change to one scenario changes only its own
#   files.  The output is the test fixture and is committed; this script is
#   its recipe.  Python 3 standard library only.
#
#   --verify rebuilds the corpus in memory and checks the files on disk: the
#   same bytes, every message parses with Python's email package, every
#   header and text part decodes strictly back to exactly the text it was
#   made from (no mojibake, no U+FFFD), every marked value is present in the
#   decoded text.  Then it prints the summary (messages per charset and
#   transfer encoding, positives per category, traps).
#
# DIAGNOSTICS
#   Exit 0 on success; 1 when --verify finds a difference (each is printed).
#
# All personal data is invented.  My Number check digits follow the official
# formula, card numbers pass Luhn, driving licence numbers carry the usual
# check digit, corporate numbers (法人番号) and JAN codes are valid too.

import argparse
import base64
import collections
import datetime
import email
import email.policy
import email.utils
import html
import os
import quopri
import random
import re
import shlex
import sys
import textwrap
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 'omamori-pii-corpus-1'
FIRM_DOMAIN = 'sakura-hoken.example'

PII = ['pii.mynumber', 'pii.credit_card', 'pii.phone', 'pii.postal_code',
       'pii.address', 'pii.birthdate', 'pii.bank_account', 'pii.email',
       'pii.name', 'pii.passport', 'pii.drivers_license', 'pii.residence_card',
       'pii.pension_number', 'pii.health_insurance', 'pii.policy_number']
COVERS = PII + ['sensitive', 'body.pii']

# body.pii: a single item of these is enough ...
STRONG = {'pii.mynumber', 'pii.credit_card', 'pii.bank_account', 'pii.passport',
          'pii.drivers_license', 'pii.residence_card', 'pii.pension_number',
          'pii.health_insurance', 'sensitive'}
# ... these count when two kinds, or three values of one kind, come together.
WEAK_KIND = {'pii.name': 'name', 'pii.phone': 'phone', 'pii.email': 'email',
             'pii.postal_code': 'address', 'pii.address': 'address',
             'pii.birthdate': 'birthdate', 'pii.policy_number': 'policy'}

LABEL_POLICY = """\
# Personal-data corpus of omamori: expected findings per message.
# Made by gen.py; do not edit by hand (change gen.py and run it again).
#
# covers: {covers}
# config: omamori.conf
#
# Labelling policy: what a careful reviewer at the agency expects the scanner
# to report.  Columns: file, expected categories, extra scan args, note.
#
#  1. A pii.* category is listed when the message carries at least one item of
#     it that belongs to a customer or another private person (employees'
#     data sent to the tax accountant counts), anywhere the scanner reads text:
#     body text, HTML, quoted and forwarded text, text attachments.  Header
#     fields (Subject, addresses) never carry customer data in this set and
#     are never counted.
#  2. Not personal data, never labelled:
#     - contact details of the firm and its staff (the firm's addresses,
#       TEL/FAX, staff mobiles and mail addresses), in signatures or in the
#       body text ("私の携帯 090-... までどうぞ");
#     - signatures and business contact details of partners, also when quoted;
#     - contact details of companies, insurers' call centres (0120/0570) and
#       public offices (市役所, 年金事務所) and event venues in the body text;
#     - the firm's own bank account for premium payment (口座名義 株式会社...);
#     - names used to greet the recipient ("田中様", "山田 太郎 様" heading a
#       mail to that person), names of own and partner staff, the attribution
#       line of a quote;
#     - surname-only mentions ("山田様からお電話") - a name needs the given
#       name, a 氏名/お名前/契約者/被保険者 label or a フリガナ reading;
#     - order, invoice, tracking (配送伝票), member, employee, product and JAN numbers,
#       corporate numbers (法人番号, T+13 digits), amounts, dates of meetings,
#       deadlines and contracts, times, URLs, IP addresses, versions.  A number
#       whose stated label says what it is keeps that meaning even when it
#       happens to pass another format's check (a 12-digit 伝票番号 that passes
#       the My Number check digit is not My Number);
#     - 12-digit numbers that fail the My Number check digit and are not
#       labelled as My Number; 16-digit numbers that fail Luhn;
#     - 国籍 (nationality) is not 人種 and not sensitive.
#  3. sensitive (要配慮個人情報) is listed when a sentence states a health
#     condition, diagnosis, hospital stay, treatment, health-check result,
#     pregnancy, disability, criminal record, crime victimhood, religion or
#     creed, race, 本籍/門地, union membership or sex life of an identifiable
#     person.  Not sensitive: IT outages (障害対応, システム障害), insurance
#     products and their terms (入院保険, 通院特約), general procedures
#     (診断書の書式), organisations as customers (宗教法人, 労働組合 as the
#     policyholder of a group policy).
#  4. body.pii is listed when the mail goes to at least one external recipient
#     (sender in sakura-hoken.example, a recipient outside it; the envelope
#     comes from the headers or the extra scan args) and its body - including
#     quoted and forwarded text and HTML parts, excluding attachments - holds
#     customer data that is either
#       a) one item of a high-risk kind:
{strong};
#       b) weaker items of at least two kinds that together describe a
#          person: name, phone, e-mail, address (郵便番号 and 住所 count as one
#          kind), birth date, policy number; or
#       c) three or more values of one weaker kind (a list of customers); or
#       d) one weaker item (name, phone, e-mail, address, birth date) whose
#          label says it is a customer's: a role (お客様, 契約者, 被保険者,
#          ご本人, 申込者, 受取人, customer, policyholder ...) with the
#          item's word (氏名, 電話, 連絡先, 住所, メール, 生年月日, name,
#          phone ...), as in "お客様の電話番号:", "契約者氏名", "契約者様の
#          ご連絡先は", "ご連絡先メール"; also a role alone on a line
#          heading the item lines below it ("【契約者】" / "自宅TEL: ..."),
#          a person's name with 様 owning the item ("山田様の携帯は ..."),
#          and a birth date its label or wording calls one (生年月日,
#          生まれ), which is a person's on its own.
#     A single weaker item alone without such a label (one phone number, one
#     policy number, one address) gets its pii.* label but not body.pii.
#     Greetings ("山田様"), names in running text and the firm's and
#     partners' details stay outside d).  Internal-only and
#     inbound mail never gets body.pii; neither does data that is only in an
#     attachment.
#  5. Customer data quoted back to the customer in a reply still counts: the
#     rule is about what leaves in a mail body, not who reads it.
"""


# ---------------------------------------------------------------------------
# Check digits and number makers
# ---------------------------------------------------------------------------

def mynumber_check(d11):
    """mynumber_check - check digit of a My Number (個人番号) from its first 11 digits."""
    total = 0
    for n in range(1, 12):
        p = int(d11[11 - n])
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    r = total % 11
    return 0 if r <= 1 else 11 - r


def mynumber_ok(s):
    return len(s) == 12 and s.isdigit() and mynumber_check(s[:11]) == int(s[11])


def luhn_ok(s):
    total = 0
    for i, c in enumerate(reversed(s)):
        d = int(c)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def luhn_complete(body):
    for c in '0123456789':
        if luhn_ok(body + c):
            return body + c
    raise AssertionError(body)


def licence_check(d10):
    """licence_check - check digit (11th digit) of a driving licence number."""
    total = sum(int(c) * w for c, w in zip(d10, (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)))
    return (11 - total % 11) % 10


def corporate_number(base12):
    """corporate_number - 13-digit 法人番号: check digit first, then the base."""
    total = sum(int(base12[12 - n]) * (1 if n % 2 else 2) for n in range(1, 13))
    return str(9 - total % 9) + base12


def jan13(base12):
    total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(base12))
    return base12 + str((10 - total % 10) % 10)


def digits(rng, n, first='0123456789'):
    return rng.choice(first) + ''.join(rng.choice('0123456789') for _ in range(n - 1))


def make_mynumber(rng):
    d = digits(rng, 11, '123456789')
    return d + str(mynumber_check(d))


def make_not_mynumber(rng, first='123456789'):
    """A 12-digit number that fails the My Number check digit."""
    while True:
        d = digits(rng, 12, first)
        if not mynumber_ok(d):
            return d


ISSUERS = {
    # issuer: (prefixes, length, grouping)
    'visa': (['4'], 16, (4, 4, 4, 4)),
    'master': (['51', '52', '53', '54', '55', '2221', '2720'], 16, (4, 4, 4, 4)),
    'jcb': (['3528', '3540', '3566', '3589'], 16, (4, 4, 4, 4)),
    'amex': (['34', '37'], 15, (4, 6, 5)),
    'diners': (['36'], 14, (4, 6, 4)),
}


def make_card(rng, issuer):
    prefixes, length, groups = ISSUERS[issuer]
    p = rng.choice(prefixes)
    number = luhn_complete(p + digits(rng, length - len(p) - 1))
    return split_groups(number, groups)


def make_not_card(rng, first='4', mynumber_tail=False):
    """A 16-digit number in card grouping that fails Luhn (optionally with
    last 12 digits that happen to pass the My Number check)."""
    while True:
        d = first + digits(rng, 15)
        if not luhn_ok(d) and mynumber_ok(d[4:]) == mynumber_tail:
            return split_groups(d, (4, 4, 4, 4))


def split_groups(s, groups):
    out, i = [], 0
    for g in groups:
        out.append(s[i:i + g])
        i += g
    assert i == len(s)
    return out


def make_licence(rng, area='30', year=None):
    year = year if year is not None else rng.randint(1975, 2020)
    while True:
        d10 = area + '%02d' % (year % 100) + digits(rng, 6)
        n = d10 + str(licence_check(d10)) + rng.choice('0000001')
        if not mynumber_ok(n):          # keep the two formats apart
            return n


def make_tracking(rng):
    """12-digit parcel number with the carriers' mod-7 check, not a My Number."""
    while True:
        d11 = digits(rng, 11, '2345')
        n = d11 + str(int(d11) % 7)
        if not mynumber_ok(n):
            return n


def make_tracking_that_passes_mynumber(rng):
    while True:
        d11 = digits(rng, 11, '2345')
        n = d11 + str(int(d11) % 7)
        if mynumber_ok(n):
            return n


FW_DIGITS = str.maketrans('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
                          '０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ')


def fw(s):
    return s.translate(FW_DIGITS)


KANSUJI = '〇一二三四五六七八九'


def kansuji(n):
    """kansuji - 1..99 in kanji numerals (二十三)."""
    if n < 10:
        return KANSUJI[n]
    tens, ones = divmod(n, 10)
    return ('' if tens == 1 else KANSUJI[tens]) + '十' + (KANSUJI[ones] if ones else '')


# ---------------------------------------------------------------------------
# People, places, organisations (all invented)
# ---------------------------------------------------------------------------

SURNAMES = [
    ('山田', 'ヤマダ', 'yamada'), ('佐藤', 'サトウ', 'sato'), ('高橋', 'タカハシ', 'takahashi'),
    ('伊藤', 'イトウ', 'ito'), ('渡辺', 'ワタナベ', 'watanabe'), ('中村', 'ナカムラ', 'nakamura'),
    ('小林', 'コバヤシ', 'kobayashi'), ('加藤', 'カトウ', 'kato'), ('吉田', 'ヨシダ', 'yoshida'),
    ('山本', 'ヤマモト', 'yamamoto'), ('松本', 'マツモト', 'matsumoto'), ('井上', 'イノウエ', 'inoue'),
    ('木村', 'キムラ', 'kimura'), ('林', 'ハヤシ', 'hayashi'), ('清水', 'シミズ', 'shimizu'),
    ('山崎', 'ヤマザキ', 'yamazaki'), ('森', 'モリ', 'mori'), ('池田', 'イケダ', 'ikeda'),
    ('橋本', 'ハシモト', 'hashimoto'), ('阿部', 'アベ', 'abe'), ('石川', 'イシカワ', 'ishikawa'),
    ('前田', 'マエダ', 'maeda'), ('藤田', 'フジタ', 'fujita'), ('岡田', 'オカダ', 'okada'),
    ('後藤', 'ゴトウ', 'goto'), ('長谷川', 'ハセガワ', 'hasegawa'), ('村上', 'ムラカミ', 'murakami'),
    ('近藤', 'コンドウ', 'kondo'), ('坂本', 'サカモト', 'sakamoto'), ('遠藤', 'エンドウ', 'endo'),
    ('青木', 'アオキ', 'aoki'), ('藤井', 'フジイ', 'fujii'), ('西村', 'ニシムラ', 'nishimura'),
    ('福田', 'フクダ', 'fukuda'), ('太田', 'オオタ', 'ota'), ('三浦', 'ミウラ', 'miura'),
    ('岡本', 'オカモト', 'okamoto'), ('松田', 'マツダ', 'matsuda'), ('中川', 'ナカガワ', 'nakagawa'),
    ('中野', 'ナカノ', 'nakano'), ('原田', 'ハラダ', 'harada'), ('小野', 'オノ', 'ono'),
    ('竹内', 'タケウチ', 'takeuchi'), ('金子', 'カネコ', 'kaneko'), ('和田', 'ワダ', 'wada'),
    ('中山', 'ナカヤマ', 'nakayama'), ('石田', 'イシダ', 'ishida'), ('上田', 'ウエダ', 'ueda'),
    ('森田', 'モリタ', 'morita'), ('小川', 'オガワ', 'ogawa'), ('柴田', 'シバタ', 'shibata'),
    ('宮崎', 'ミヤザキ', 'miyazaki'), ('酒井', 'サカイ', 'sakai'), ('工藤', 'クドウ', 'kudo'),
    ('横山', 'ヨコヤマ', 'yokoyama'), ('宮本', 'ミヤモト', 'miyamoto'), ('内田', 'ウチダ', 'uchida'),
    ('高木', 'タカギ', 'takagi'), ('安藤', 'アンドウ', 'ando'), ('島田', 'シマダ', 'shimada'),
    ('谷口', 'タニグチ', 'taniguchi'), ('丸山', 'マルヤマ', 'maruyama'), ('今井', 'イマイ', 'imai'),
    ('河野', 'コウノ', 'kono'), ('武田', 'タケダ', 'takeda'), ('菅原', 'スガワラ', 'sugawara'),
]

GIVEN = [
    ('太郎', 'タロウ', 'taro', 'M'), ('一郎', 'イチロウ', 'ichiro', 'M'), ('健一', 'ケンイチ', 'kenichi', 'M'),
    ('誠', 'マコト', 'makoto', 'M'), ('直樹', 'ナオキ', 'naoki', 'M'), ('大輔', 'ダイスケ', 'daisuke', 'M'),
    ('翔太', 'ショウタ', 'shota', 'M'), ('拓也', 'タクヤ', 'takuya', 'M'), ('隆', 'タカシ', 'takashi', 'M'),
    ('浩二', 'コウジ', 'koji', 'M'), ('修', 'オサム', 'osamu', 'M'), ('和夫', 'カズオ', 'kazuo', 'M'),
    ('正男', 'マサオ', 'masao', 'M'), ('勝', 'マサル', 'masaru', 'M'), ('清', 'キヨシ', 'kiyoshi', 'M'),
    ('悠真', 'ユウマ', 'yuma', 'M'), ('蓮', 'レン', 'ren', 'M'), ('健太', 'ケンタ', 'kenta', 'M'),
    ('達也', 'タツヤ', 'tatsuya', 'M'), ('秀樹', 'ヒデキ', 'hideki', 'M'),
    ('花子', 'ハナコ', 'hanako', 'F'), ('美咲', 'ミサキ', 'misaki', 'F'), ('陽子', 'ヨウコ', 'yoko', 'F'),
    ('恵子', 'ケイコ', 'keiko', 'F'), ('由美子', 'ユミコ', 'yumiko', 'F'), ('真由美', 'マユミ', 'mayumi', 'F'),
    ('直美', 'ナオミ', 'naomi', 'F'), ('智子', 'トモコ', 'tomoko', 'F'), ('久美子', 'クミコ', 'kumiko', 'F'),
    ('優子', 'ユウコ', 'yuko', 'F'), ('明美', 'アケミ', 'akemi', 'F'), ('千尋', 'チヒロ', 'chihiro', 'F'),
    ('彩', 'アヤ', 'aya', 'F'), ('葵', 'アオイ', 'aoi', 'F'), ('結衣', 'ユイ', 'yui', 'F'),
    ('幸子', 'サチコ', 'sachiko', 'F'), ('芳子', 'ヨシコ', 'yoshiko', 'F'), ('麻衣', 'マイ', 'mai', 'F'),
    ('早苗', 'サナエ', 'sanae', 'F'), ('香織', 'カオリ', 'kaori', 'F'),
]

# prefecture, city, town, postal code, area code, town style ('chome' or 'banchi')
PLACES = [
    ('東京都', '世田谷区', '桜丘', '156-0054', '03', 'chome'),
    ('東京都', '杉並区', '高円寺南', '166-0003', '03', 'chome'),
    ('東京都', '練馬区', '石神井町', '177-0041', '03', 'chome'),
    ('東京都', '八王子市', '南大沢', '192-0364', '042', 'chome'),
    ('東京都', '武蔵野市', '吉祥寺本町', '180-0004', '0422', 'chome'),
    ('東京都', '大田区', '久が原', '146-0085', '03', 'chome'),
    ('東京都', '江東区', '大島', '136-0072', '03', 'chome'),
    ('東京都', '品川区', '戸越', '142-0041', '03', 'chome'),
    ('神奈川県', '横浜市青葉区', '美しが丘', '225-0002', '045', 'chome'),
    ('神奈川県', '川崎市中原区', '小杉町', '211-0063', '044', 'chome'),
    ('神奈川県', '藤沢市', '鵠沼海岸', '251-0037', '0466', 'chome'),
    ('埼玉県', 'さいたま市浦和区', '高砂', '330-0063', '048', 'chome'),
    ('千葉県', '船橋市', '本町', '273-0005', '047', 'chome'),
    ('大阪府', '豊中市', '新千里東町', '560-0082', '06', 'chome'),
    ('大阪府', '大阪市北区', '天神橋', '530-0041', '06', 'chome'),
    ('大阪府', '大阪市阿倍野区', '阪南町', '545-0021', '06', 'chome'),
    ('大阪府', '吹田市', '千里山西', '565-0851', '06', 'chome'),
    ('愛知県', '名古屋市千種区', '覚王山通', '464-0841', '052', 'chome'),
    ('京都府', '京都市左京区', '下鴨本町', '606-0802', '075', 'banchi'),
    ('兵庫県', '神戸市東灘区', '住吉本町', '658-0051', '078', 'chome'),
    ('福岡県', '福岡市中央区', '大名', '810-0041', '092', 'chome'),
    ('北海道', '札幌市中央区', '北一条西', '060-0001', '011', 'chome'),
    ('宮城県', '仙台市青葉区', '一番町', '980-0811', '022', 'chome'),
    ('広島県', '広島市中区', '紙屋町', '730-0031', '082', 'chome'),
    ('静岡県', '静岡市葵区', '呉服町', '420-0031', '054', 'chome'),
    ('長野県', '安曇野市', '穂高有明', '399-8301', '0263', 'banchi'),
    ('茨城県', 'つくば市', '竹園', '305-0032', '029', 'chome'),
    ('栃木県', '宇都宮市', '江野町', '320-0802', '028', 'chome'),
    ('沖縄県', '那覇市', '久茂地', '900-0015', '098', 'chome'),
]

BUILDINGS = ['サクラハイツ', 'グランメゾン', 'コーポ若葉', 'パークサイド', 'メゾン・ド・ソレイユ',
             'ハイム緑', 'レジデンス青葉', 'シャトー松風']

FREEMAIL = ['gmail.com', 'yahoo.co.jp', 'icloud.com', 'outlook.jp', 'hotmail.co.jp',
            'docomo.ne.jp', 'ezweb.ne.jp', 'softbank.ne.jp']

BANKS = [('はるか銀行', ['駅前支店', '本店営業部', '中央支店', '桜台支店']),
         ('東都銀行', ['新宿支店', '横浜支店', '池袋支店']),
         ('あおば信用金庫', ['本店', '緑町支店']),
         ('みなと中央銀行', ['梅田支店', '三宮支店', '本町支店']),
         ('関東共立信用組合', ['大宮支店'])]

HOSPITALS = ['桜ヶ丘中央病院', 'みどり総合病院', '青葉台クリニック', '東都大学医学部附属病院',
             '港南記念病院']


class Person:
    """Person - an invented private person with everything a form asks for."""

    def __init__(self, rng, gender=None, born=(1950, 2000)):
        self.sei, self.sei_kana, self.sei_r = rng.choice(SURNAMES)
        pool = [g for g in GIVEN if gender is None or g[3] == gender]
        self.mei, self.mei_kana, self.mei_r, self.gender = rng.choice(pool)
        y = rng.randint(*born)
        self.birth = datetime.date(y, rng.randint(1, 12), rng.randint(1, 28))
        (self.pref, self.city, self.town, self.postal, self.area,
         self.town_style) = rng.choice(PLACES)
        if self.town_style == 'chome':
            self.addr_nums = (rng.randint(1, 6), rng.randint(1, 28), rng.randint(1, 20))
        else:
            self.addr_nums = (rng.randint(100, 2999), rng.randint(1, 9))
        self.building = (rng.choice(BUILDINGS), rng.choice([101, 102, 201, 203, 305, 402, 503]))\
            if rng.random() < 0.4 else None
        self.mobile = [rng.choice(['090', '080', '070']), digits(rng, 4, '123456789'),
                       digits(rng, 4)]
        n_area = len(self.area)
        local = 10 - n_area
        mid = {2: 4, 3: 3, 4: 2, 5: 1}[n_area]
        self.home = [self.area, digits(rng, mid, '23456789'), digits(rng, local - mid)]
        sep = rng.choice(['.', '_', '', '-'])
        tail = rng.choice(['', str(self.birth.year), '%02d' % (self.birth.year % 100),
                           '%02d%02d' % (self.birth.month, self.birth.day)])
        local_part = rng.choice([self.mei_r + sep + self.sei_r, self.sei_r + sep + self.mei_r,
                                 self.mei_r[0] + sep + self.sei_r])
        self.email = local_part + tail + '@' + rng.choice(FREEMAIL)

    @property
    def name(self):
        return self.sei + ' ' + self.mei

    @property
    def kana(self):
        return self.sei_kana + ' ' + self.mei_kana

    @property
    def roman(self):
        return (self.sei_r + ' ' + self.mei_r).upper()


def make_people(rng, n, **kw):
    """n people with distinct full names."""
    out, seen = [], set()
    while len(out) < n:
        p = Person(rng, **kw)
        if p.name not in seen:
            seen.add(p.name)
            out.append(p)
    return out


class Org:
    def __init__(self, key, name, domain, dept, person, mailbox, addr, tel, fax=None,
                 extra=()):
        self.key, self.name, self.domain, self.dept = key, name, domain, dept
        self.person, self.addr, self.tel, self.fax, self.extra = person, addr, tel, fax, extra
        self.mail = mailbox + '@' + domain

    @property
    def surname(self):
        return self.person.split()[0]


ORGS = {o.key: o for o in [
    Org('aozora', 'あおぞら損害保険株式会社', 'aozora-sonpo.example', '東京代理店営業部 営業二課',
        '石原 浩之', 'ishihara', '〒100-8965 東京都千代田区内幸町5-7-2 あおぞら損保本社ビル',
        '03-3593-7741', '03-3593-7749', ('携帯：080-6612-3397',)),
    Org('aozora-svc', 'あおぞら損害保険株式会社', 'aozora-sonpo.example', '契約サービス課',
        '小山 沙織', 'keiyaku-svc', '〒100-8965 東京都千代田区内幸町5-7-2',
        '03-3593-7760', '03-3593-7769'),
    Org('himawari', 'ひまわり生命保険株式会社', 'himawari-life.example', '代理店推進部',
        '松井 健二', 'matsui.k', '〒160-0023 東京都新宿区西新宿8-14-1 ひまわりタワー22F',
        '03-5322-4180', '03-5322-4189', ('代理店サポートデスク：0120-552-870',)),
    Org('himawari-claim', 'ひまわり生命保険株式会社', 'himawari-life.example', '保険金部 給付金課',
        '片山 恵', 'kyufu', '〒160-0023 東京都新宿区西新宿8-14-1',
        '03-5322-4301', '03-5322-4309'),
    Org('partner', '株式会社パートナー商事', 'partner-shoji.example', '総務部 総務課',
        '吉川 真理', 'yoshikawa', '〒541-0051 大阪府大阪市中央区備後町6-3-8 パートナービル4F',
        '06-6203-5521', '06-6203-5522'),
    Org('kokyaku', '株式会社コキャク', 'kokyaku.example', '人事部 人事課',
        '杉山 大地', 'sugiyama', '〒330-0854 埼玉県さいたま市大宮区桜木町7-301-5',
        '048-641-2290', '048-641-2291'),
    Org('it', '株式会社ITサポート', 'it-support.example', 'カスタマーサポート部 保守担当',
        '村田 圭', 'murata', '〒150-0002 東京都渋谷区渋谷9-21-3 ITSビル',
        '03-6418-9020', None, ('障害受付（24時間）：0120-998-314',)),
    Org('zeirishi', '西田税理士事務所', 'nishida-tax.example', '',
        '西田 昌弘', 'nishida', '〒170-0013 東京都豊島区東池袋6-44-10 第二池袋ビル3F',
        '03-3985-6612', '03-3985-6613', ('税理士 登録番号 第123456号',)),
    Org('sharoushi', '社会保険労務士法人みらい', 'sr-mirai.example', '',
        '岩崎 里美', 'iwasaki', '〒231-0011 神奈川県横浜市中区太田町7-88',
        '045-212-6634', '045-212-6635'),
    Org('insatsu', '株式会社印刷ワークス', 'insatsu-works.example', '営業部',
        '藤本 拓', 'fujimoto', '〒112-0014 東京都文京区関口4-19-2',
        '03-3267-5130', '03-3267-5131'),
    Org('car', '株式会社カーライフ東都', 'car-toto.example', '新車販売課',
        '中島 翼', 'nakajima', '〒179-0074 東京都練馬区春日町8-2-11',
        '03-3998-4021', '03-3998-4022', ('携帯：070-5524-1187',)),
    Org('travel', 'トラベルデスク株式会社', 'travel-desk.example', '法人旅行部',
        '小松 亜希', 'komatsu', '〒103-0027 東京都中央区日本橋9-5-1',
        '03-5201-8800', '03-5201-8801'),
    Org('chosa', '株式会社あおぞら損害調査', 'aozora-chosa.example', '首都圏調査センター',
        '久保 隆司', 'kubo', '〒101-0032 東京都千代田区岩本町5-11-7',
        '03-5835-2210', '03-5835-2211'),
    Org('callcenter', '株式会社コールリンク', 'call-link.example', 'アウトバウンド運営部',
        '野村 優', 'nomura', '〒260-0028 千葉県千葉市中央区新町9-1 コールリンク千葉センター',
        '043-301-7720', None),
    Org('school', '学校法人さくら日本語学院', 'sakura-nihongo.example', '留学生課',
        '原 多恵子', 'hara', '〒169-0075 東京都新宿区高田馬場7-3-10',
        '03-3208-5547', '03-3208-5548'),
    Org('bengoshi', '荒木総合法律事務所', 'araki-law.example', '',
        '荒木 聡', 'araki', '〒105-0001 東京都港区虎ノ門8-6-1 虎ノ門中央ビル9F',
        '03-3501-2276', '03-3501-2277', ('弁護士 荒木 聡（第二東京弁護士会）',)),
]}


class Staff:
    def __init__(self, key, name, dept, mobile=None, branch='honten'):
        self.key, self.name, self.dept, self.mobile, self.branch = key, name, dept, mobile, branch
        self.mail = key + '@' + FIRM_DOMAIN

    @property
    def surname(self):
        return self.name.split()[0]


STAFF = {s.key: s for s in [
    Staff('tanaka', '田中 一郎', '営業部 営業一課', '090-4418-2275'),
    Staff('suzuki', '鈴木 美香', '業務部 契約管理課'),
    Staff('takada', '高田 健', '損害サービス課', '080-3391-0642'),
    Staff('morimoto', '森本 由紀', '総務部'),
    Staff('kawaguchi', '川口 翔', '横浜支店 営業課', '070-2284-5513', branch='yokohama'),
    Staff('kanri', '大西 誠', '管理部 部長'),
    Staff('noguchi', '野口 亮', '管理部 情報システム担当'),
]}
MANAGER = STAFF['kanri']

FIRM = {
    'name': '株式会社さくら保険サービス',
    'honten': ('本社', '〒104-0031 東京都中央区京橋4-12-9 さくら京橋ビル6F',
               '03-6228-4410', '03-6228-4411'),
    'yokohama': ('横浜支店', '〒231-0023 神奈川県横浜市中区山下町281-3 マリンビル2F',
                 '045-662-7035', '045-662-7036'),
    'url': 'https://www.sakura-hoken.example/',
    'bank': ('はるか銀行', '京橋支店', '普通', '3048127', 'カ）サクラホケンサービス'),
}


# ---------------------------------------------------------------------------
# Encodings: how a message is written on the wire
# ---------------------------------------------------------------------------

class Plan:
    def __init__(self, name, charset, codec, cte, layout, weight):
        self.name, self.charset, self.codec = name, charset, codec
        self.cte, self.layout, self.weight = cte, layout, weight


PLANS = {p.name: p for p in [
    # name, MIME charset, Python codec, transfer encoding, layout, weight
    Plan('jis', 'ISO-2022-JP', 'iso2022_jp', '7bit', 'plain', 30),
    Plan('sjis-8bit', 'Shift_JIS', 'shift_jis', '8bit', 'plain', 9),
    Plan('sjis-b64', 'Shift_JIS', 'shift_jis', 'base64', 'plain', 8),
    Plan('cp932-8bit', 'CP932', 'cp932', '8bit', 'plain', 3),
    Plan('euc-8bit', 'EUC-JP', 'euc_jp', '8bit', 'plain', 6),
    Plan('euc-b64', 'EUC-JP', 'euc_jp', 'base64', 'plain', 1),
    Plan('utf8-qp', 'UTF-8', 'utf-8', 'quoted-printable', 'plain', 12),
    Plan('utf8-b64', 'UTF-8', 'utf-8', 'base64', 'plain', 12),
    Plan('utf8-8bit', 'UTF-8', 'utf-8', '8bit', 'plain', 4),
    Plan('html-jis', 'ISO-2022-JP', 'iso2022_jp', '7bit', 'html', 3),
    Plan('html-utf8-qp', 'UTF-8', 'utf-8', 'quoted-printable', 'html', 4),
    Plan('alt-utf8-b64', 'UTF-8', 'utf-8', 'base64', 'alt', 6),
    Plan('alt-utf8-qp', 'UTF-8', 'utf-8', 'quoted-printable', 'alt', 2),
    Plan('alt-jis-qp', 'ISO-2022-JP', 'iso2022_jp', 'qp-html', 'alt', 4),
    Plan('alt-sjis-b64', 'Shift_JIS', 'shift_jis', 'base64', 'alt', 2),
]}

HYPHENS = ['-', '－', '‐', '−', 'ー', '―', '‑']


def encodable(s, codec):
    try:
        return s.encode(codec).decode(codec) == s
    except UnicodeError:
        return False


def adapt(s, codec):
    """adapt - write what a user of that charset would have typed."""
    if codec == 'cp932':
        s = s.replace('〜', '～').replace('−', '－')
    if codec != 'utf-8':
        s = s.replace('¥', '￥')
    return s


class Fmt:
    """Fmt - ways people write numbers, dates and addresses, limited to what
    the message's charset can carry."""

    def __init__(self, rng, codec):
        self.rng, self.codec = rng, codec
        self.hyphens = [h for h in HYPHENS if encodable(h, codec)]
        self.fw_hyphen = '－' if encodable('－', codec) else '−'
        self.yen_form = rng.choice(['{:,}円', '¥{:,}', '{:,} 円', '￥{:,}-'])

    def pick(self, style, choices, weights=None):
        return style or self.rng.choices(choices, weights=weights)[0]

    def join(self, groups, style=None):
        """Digit groups as people type them."""
        style = self.pick(style, ['ascii', 'fw', 'look', 'space', 'tight'], [50, 20, 14, 10, 6])
        if style == 'ascii':
            return '-'.join(groups)
        if style == 'fw':
            return self.fw_hyphen.join(fw(g) for g in groups)
        if style == 'look':
            h = self.rng.choice(self.hyphens[1:])
            return h.join(fw(g) if self.rng.random() < 0.4 else g for g in groups)
        if style == 'space':
            return ' '.join(groups)
        if style == 'tight':
            return ''.join(groups)
        raise ValueError(style)

    def phone(self, groups, style=None):
        style = self.pick(style, ['ascii', 'fw', 'look', 'space', 'tight', 'paren', 'intl'],
                          [44, 18, 12, 8, 6, 6, 6])
        a, b, c = groups
        if style == 'paren':
            return self.rng.choice(['%s(%s)%s', '%s（%s）%s']) % (a, b, c)
        if style == 'intl':
            form = self.rng.choice(['+81-{a}-{b}-{c}', '+81 {a} {b} {c}', '+81(0){a}-{b}-{c}'])
            return form.format(a=a[1:], b=b, c=c)
        return self.join(groups, style)

    def postal(self, code, style=None):
        style = self.pick(style, ['mark', 'mark-fw', 'mark-space', 'mark-tight', 'bare'],
                          [55, 18, 12, 8, 7])
        if style == 'mark':
            return '〒' + code
        if style == 'mark-fw':
            return '〒' + self.join(code.split('-'), 'fw')
        if style == 'mark-space':
            return '〒 ' + code
        if style == 'mark-tight':
            return '〒' + code.replace('-', '')
        return code

    def mynumber(self, n, style=None):
        style = self.pick(style, ['plain', 'space', 'hyphen', 'fw', 'fw-space'], [35, 25, 15, 15, 10])
        g = [n[0:4], n[4:8], n[8:12]]
        if style == 'plain':
            return n
        if style == 'space':
            return ' '.join(g)
        if style == 'hyphen':
            return '-'.join(g)
        if style == 'fw':
            return fw(n)
        return '　'.join(fw(x) for x in g)

    def card(self, groups, style=None):
        style = self.pick(style, ['space', 'hyphen', 'tight', 'fw', 'look'], [35, 30, 15, 12, 8])
        if style == 'hyphen':
            return '-'.join(groups)
        return self.join(groups, {'space': 'space', 'tight': 'tight', 'fw': 'fw',
                                  'look': 'look'}[style])

    def birth(self, d, style=None):
        style = self.pick(style, ['western', 'western0', 'slash', 'slash1', 'dot', 'hyphen',
                                  'era', 'era-abbr', 'born', 'era-born', 'fw'],
                          [16, 6, 12, 6, 4, 4, 20, 8, 8, 6, 6])
        y, mo, da = d.year, d.month, d.day
        if style == 'western':
            return '%d年%d月%d日' % (y, mo, da)
        if style == 'western0':
            return '%d年%02d月%02d日' % (y, mo, da)
        if style == 'slash':
            return '%d/%02d/%02d' % (y, mo, da)
        if style == 'slash1':
            return '%d/%d/%d' % (y, mo, da)
        if style == 'dot':
            return '%d.%d.%d' % (y, mo, da)
        if style == 'hyphen':
            return '%d-%02d-%02d' % (y, mo, da)
        if style == 'era':
            return era(d) + '%d月%d日' % (mo, da)
        if style == 'era-abbr':
            e, n = era_parts(d)
            return '%s%d.%d.%d' % ({'昭和': 'S', '平成': 'H', '令和': 'R'}[e], n, mo, da)
        if style == 'born':
            return '%d年%d月%d日生' % (y, mo, da)
        if style == 'era-born':
            return era(d) + '%d月%d日生まれ' % (mo, da)
        if style == 'fw':
            return fw('%d年%d月%d日' % (y, mo, da))
        raise ValueError(style)

    def address(self, p, style=None, building=True, pref=True):
        style = self.pick(style, ['kanji', 'hyphen', 'fw', 'kansuji', 'mixed'], [30, 35, 15, 8, 12])
        head = (p.pref if pref else '') + p.city + p.town
        if p.town_style == 'banchi':
            ban, go = p.addr_nums
            tail = {'kanji': '%d番地%d' % (ban, go), 'hyphen': '%d-%d' % (ban, go),
                    'fw': fw('%d' % ban) + self.fw_hyphen + fw('%d' % go),
                    'kansuji': '%d番地の%d' % (ban, go), 'mixed': '%d番地%d' % (ban, go)}[style]
        else:
            c, b, g = p.addr_nums
            tail = {'kanji': '%d丁目%d番%d号' % (c, b, g),
                    'hyphen': '%d-%d-%d' % (c, b, g),
                    'fw': self.fw_hyphen.join(fw(str(x)) for x in (c, b, g)),
                    'kansuji': '%s丁目%d番%d号' % (kansuji(c), b, g),
                    'mixed': '%d丁目%d-%d' % (c, b, g)}[style]
        s = head + tail
        if building and p.building:
            name, room = p.building
            s += self.rng.choice([' ', '　', '']) + name + self.rng.choice(
                ['%d号室' % room, ' %d' % room, fw(str(room)) + '号室'])
        return s

    def yen(self, n):
        return self.yen_form.format(n)


ERAS = [(datetime.date(2019, 5, 1), '令和', 2018), (datetime.date(1989, 1, 8), '平成', 1988),
        (datetime.date(1926, 12, 25), '昭和', 1925)]


def era_parts(d):
    for start, name, offset in ERAS:
        if d >= start:
            return name, d.year - offset
    raise ValueError(d)


def era(d):
    name, n = era_parts(d)
    return name + ('元' if n == 1 else str(n)) + '年'


WEEKDAYS = '月火水木金土日'


def jdate(d, weekday=True, year=False):
    s = ('%d年' % d.year if year else '') + '%d月%d日' % (d.month, d.day)
    return s + ('（%s）' % WEEKDAYS[d.weekday()] if weekday else '')


# ---------------------------------------------------------------------------
# A message being written
# ---------------------------------------------------------------------------

class Blocks(list):
    """Blocks - the body as paragraphs, records, quotes and signatures, so it
    can be written both as text/plain and as text/html."""

    def p(self, *lines):
        self.append(('p', list(lines)))
        return self

    def kv(self, pairs, title=None, style='colon'):
        self.append(('kv', title, list(pairs), style))
        return self

    def quote(self, inner, attribution=None):
        self.append(('quote', attribution, inner))
        return self

    def sig(self, lines):
        self.append(('sig', list(lines)))
        return self

    def fwd(self, banner, headers, inner):
        self.append(('fwd', banner, list(headers), inner))
        return self


class Mail:
    def __init__(self, slug, rng, plan):
        self.slug, self.rng, self.plan = slug, rng, PLANS[plan]
        self.f = Fmt(rng, self.plan.codec)
        self.body = Blocks()
        self.frm, self.to, self.cc, self.bcc = None, [], [], []
        self.subject = ''
        self.items, self.traps, self.attachments = [], [], []
        self.customer_items = []
        self.args, self.note = [], ''
        self.reply_to_id = None
        self.hdr_mode = None
        self.crlf = rng.random() < 0.3
        start = datetime.datetime(2024, 4, 1, 8, 30)
        when = start + datetime.timedelta(days=rng.randint(0, 75), minutes=rng.randint(0, 630))
        while when.weekday() >= 5:
            when += datetime.timedelta(days=1)
        self.when = when.replace(tzinfo=datetime.timezone(datetime.timedelta(hours=9)))

    # --- marking what the message carries
    def pii(self, cat, value, where='body', customer=False):
        """Mark value as cat; customer: written under a customer label (rule 4d)."""
        assert cat in COVERS, cat
        self.items.append((cat, where, value))
        if customer and where == 'body':
            self.customer_items.append((cat, value))
        return value

    def trap(self, kind, value=''):
        self.traps.append(kind)
        return value

    # --- shortcuts for the body
    def p(self, *lines):
        return self.body.p(*lines)

    def kv(self, pairs, title=None, style=None):
        style = style or self.rng.choice(['colon', 'colon', 'bracket', 'bullet', 'square'])
        return self.body.kv(pairs, title, style)

    def day(self, offset):
        """A working day offset days from the date of the mail."""
        d = self.when.date() + datetime.timedelta(days=offset)
        step = 1 if offset >= 0 else -1
        while d.weekday() >= 5:
            d += datetime.timedelta(days=step)
        return d

    # --- common pieces
    def person(self, **kw):
        return Person(self.rng, **kw)

    def people(self, n, **kw):
        return make_people(self.rng, n, **kw)

    def name(self, p, kana=False, sama=False):
        return self.pii('pii.name', (p.kana if kana else p.name)) + (' 様' if sama else '')

    def mobile(self, p, style=None):
        return self.pii('pii.phone', self.f.phone(p.mobile, style))

    def home(self, p, style=None):
        return self.pii('pii.phone', self.f.phone(p.home, style))

    def postal(self, p, style=None):
        return self.pii('pii.postal_code', self.f.postal(p.postal, style))

    def address(self, p, style=None, **kw):
        return self.pii('pii.address', self.f.address(p, style, **kw))

    def birth(self, p, style=None):
        return self.pii('pii.birthdate', self.f.birth(p.birth, style))

    def email(self, p):
        return self.pii('pii.email', p.email)

    def policy_number(self, style=None):
        rng = self.rng
        style = style or rng.choice(['dash', 'dash', 'letters', 'long', 'plain', 'life'])
        if style == 'dash':
            s = '%s-%s-%s' % (digits(rng, 4, '123456789'), digits(rng, 6), digits(rng, 1))
        elif style == 'letters':
            s = rng.choice(['SK', 'AZ', 'HM', 'JA']) + digits(rng, 8, '123456789')
        elif style == 'long':
            s = '%s-%s' % (digits(rng, 2, '123456789'), digits(rng, 8))
        elif style == 'life':
            s = 'H' + digits(rng, 3, '123456789') + '-' + digits(rng, 7)
        else:
            s = digits(rng, 10, '123456789')
        if rng.random() < 0.15:
            s = fw(s).replace('-', self.f.fw_hyphen)
        return self.pii('pii.policy_number', s)


def domain_of(addr):
    return addr.rsplit('@', 1)[-1].lower()


def is_internal(addr):
    return domain_of(addr) == FIRM_DOMAIN


def envelope(m):
    """envelope - (sender, recipients) as omamori scan will take them."""
    sender, rcpts = m.frm[1], [a for _, a in m.to + m.cc + m.bcc]
    args = list(m.args)
    env_rcpts = []
    while args:
        a = args.pop(0)
        if a == '--from':
            sender = args.pop(0)
        elif a == '--rcpt':
            env_rcpts.append(args.pop(0))
    return sender, (env_rcpts or rcpts)


def direction(m):
    sender, rcpts = envelope(m)
    if not is_internal(sender):
        return 'inbound'
    return 'outbound' if any(not is_internal(r) for r in rcpts) else 'internal'


def norm_value(s):
    return re.sub(r'[\W_]', '', unicodedata.normalize('NFKC', s))


def body_pii(items, customer_items=()):
    """body_pii - rule 4 of LABEL_POLICY on the items found in the body."""
    body = [(c, v) for c, w, v in items if w == 'body']
    if any(c in STRONG for c, _ in body) or customer_items:
        return True
    kinds = {WEAK_KIND[c] for c, _ in body if c in WEAK_KIND}
    if len(kinds) >= 2:
        return True
    values = collections.defaultdict(set)
    for c, v in body:
        values[c].add(norm_value(v))
    return any(len(v) >= 3 for v in values.values())


def expected(m):
    cats = {c for c, _, _ in m.items}
    if direction(m) == 'outbound' and body_pii(m.items, m.customer_items):
        cats.add('body.pii')
    return [c for c in COVERS if c in cats]


# ---------------------------------------------------------------------------
# Writing a message: text, HTML, headers, MIME
# ---------------------------------------------------------------------------

def kv_lines(title, pairs, style):
    out = [title] if title else []
    if style == 'colon':
        width = max(len(k) for k, _ in pairs)
        out += ['　%s%s：%s' % (k, '　' * (width - len(k)), v) for k, v in pairs]
    elif style == 'bracket':
        out += ['【%s】%s' % (k, v) for k, v in pairs]
    elif style == 'bullet':
        out += ['・%s：%s' % (k, v) for k, v in pairs]
    elif style == 'square':
        for k, v in pairs:
            out += ['■%s' % k, '　%s' % v]
    else:
        raise ValueError(style)
    return out


def render_text(blocks):
    out = []
    for b in blocks:
        if out and out[-1] != '':
            out.append('')
        kind = b[0]
        if kind == 'p':
            out += b[1]
        elif kind == 'kv':
            out += kv_lines(b[1], b[2], b[3])
        elif kind == 'quote':
            if b[1]:
                out.append(b[1])
            out += [('> ' + l) if l else '>' for l in render_text(b[2]).rstrip('\n').split('\n')]
        elif kind == 'sig':
            out += b[1]
        elif kind == 'fwd':
            out += [b[1]] + b[2] + [''] + render_text(b[3]).rstrip('\n').split('\n')
    return '\n'.join(out) + '\n'


def esc(s):
    return html.escape(s, quote=False)


def html_blocks(blocks):
    out = []
    for b in blocks:
        kind = b[0]
        if kind == 'p':
            out.append('<p>' + '<br>\n'.join(esc(l) for l in b[1]) + '</p>')
        elif kind == 'kv':
            if b[1]:
                out.append('<p><b>%s</b></p>' % esc(b[1]))
            rows = ['<tr><th align="left" bgcolor="#eef3f8">%s</th><td>%s</td></tr>' % (esc(k), esc(v))
                    for k, v in b[2]]
            out.append('<table border="1" cellspacing="0" cellpadding="4" '
                       'style="border-collapse:collapse">\n' + '\n'.join(rows) + '\n</table>')
        elif kind == 'quote':
            if b[1]:
                out.append('<div>%s</div>' % esc(b[1]))
            out.append('<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc;'
                       'padding-left:1ex">\n' + html_blocks(b[2]) + '\n</blockquote>')
        elif kind == 'sig':
            out.append('<div class="signature" style="color:#555555">' +
                       '<br>\n'.join(esc(l) for l in b[1]) + '</div>')
        elif kind == 'fwd':
            out.append('<div>' + '<br>\n'.join(esc(l) for l in [b[1]] + b[2]) + '</div>')
            out.append(html_blocks(b[3]))
    return '\n'.join(out)


def render_html(blocks, charset):
    return ('<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=%s">\n'
            '</head>\n<body style="font-family:\'MS Pゴシック\',sans-serif;font-size:10.5pt">\n%s\n'
            '</body>\n</html>\n' % (charset, html_blocks(blocks)))


def html_to_text(s):
    """What a reader sees of an HTML part (enough to check values are there)."""
    s = re.sub(r'(?is)<head>.*?</head>', '', s)
    s = re.sub(r'(?i)<br\s*/?>|</p>|</div>|</tr>|</td>|</th>', '\n', s)
    return html.unescape(re.sub(r'<[^>]*>', '', s))


def encode_chars(text, codec):
    """Text to bytes; ISO-2022-JP line by line so that each line ends in ASCII."""
    if codec == 'iso2022_jp':
        return b'\n'.join(line.encode(codec) for line in text.split('\n'))
    return text.encode(codec)


def encode_body(text, codec, cte, crlf):
    raw = encode_chars(text, codec)
    if cte in ('7bit', '8bit'):
        return raw
    if cte == 'base64':
        if crlf:
            raw = raw.replace(b'\n', b'\r\n')
        return base64.encodebytes(raw)
    if cte == 'quoted-printable':
        return quopri.encodestring(raw)
    raise ValueError(cte)


def header_words(text, charset, codec, mode):
    """RFC 2047 encoded words, each under 76 characters, folded."""
    if all(ord(c) < 128 for c in text):
        return text
    words, chunk = [], ''

    def word(s):
        raw = s.encode(codec)
        if mode == 'B':
            return '=?%s?B?%s?=' % (charset, base64.b64encode(raw).decode('ascii'))
        enc = ''.join(chr(b) if (chr(b).isalnum() and b < 128) else
                      ('_' if b == 32 else '=%02X' % b) for b in raw)
        return '=?%s?Q?%s?=' % (charset, enc)

    for c in text:
        if chunk and len(word(chunk + c)) > 72:
            words.append(word(chunk))
            chunk = ''
        chunk += c
    if chunk:
        words.append(word(chunk))
    return '\n '.join(words)


def subject_header(subject, charset, codec, mode):
    m = re.match(r'((?:(?:Re|RE|Fw|FW|Fwd):\s*)+)(.*)$', subject)
    if m and not all(ord(c) < 128 for c in m.group(2)):
        return m.group(1) + header_words(m.group(2), charset, codec, mode)
    return header_words(subject, charset, codec, mode)


def address_header(addrs, charset, codec, mode):
    out = []
    for display, addr in addrs:
        if not display:
            out.append(addr)
        elif all(ord(c) < 128 for c in display):
            out.append('"%s" <%s>' % (display, addr) if re.search(r'[^\w ]', display)
                       else '%s <%s>' % (display, addr))
        else:
            out.append('%s <%s>' % (header_words(display, charset, codec, 'B'), addr))
    return ',\n '.join(out)


MAILERS = [('X-Mailer', 'Microsoft Outlook 16.0'),
           ('X-Mailer', 'Microsoft Outlook 16.0'),
           ('X-Mailer', 'Becky! ver. 2.81.04 [ja]'),
           ('User-Agent', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101 '
                          'Thunderbird/115.9.0'),
           ('X-Mailer', 'Apple Mail (2.3774.500.171.1.1)'),
           (None, None)]


def message_id(rng, when, addr):
    dom = domain_of(addr)
    if dom == 'gmail.com':
        return '<CA%s@mail.gmail.com>' % ''.join(
            rng.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+_')
            for _ in range(40))
    return '<%s.%s@%s>' % (when.strftime('%Y%m%d%H%M%S'), '%08x' % rng.getrandbits(32), dom)


class Rendered:
    """Rendered - one message's bytes and the texts it was made from."""

    def __init__(self, mail, data, texts, attach_texts, subject, names):
        self.mail, self.data, self.texts = mail, data, texts
        self.attach_texts, self.subject, self.names = attach_texts, subject, names


def text_part(text, subtype, plan, crlf):
    charset, codec = plan.charset, plan.codec
    cte = plan.cte
    if cte == 'qp-html':
        cte = 'quoted-printable' if subtype == 'html' else '7bit'
    head = 'Content-Type: text/%s; charset="%s"\nContent-Transfer-Encoding: %s\n' % (
        subtype, charset, cte)
    return head, encode_body(text, codec, cte, crlf)


def render(m):
    rng = m.rng
    plan = m.plan
    codec = plan.codec
    a = lambda s: adapt(s, codec)
    if plan.charset == 'UTF-8':
        hcs, hcodec, hmode = 'UTF-8', 'utf-8', m.hdr_mode or rng.choice(['B', 'B', 'Q'])
    elif plan.charset in ('Shift_JIS', 'CP932') and rng.random() < 0.5:
        hcs, hcodec, hmode = plan.charset, codec, 'B'
    elif plan.charset == 'EUC-JP':
        hcs, hcodec, hmode = 'EUC-JP', 'euc_jp', 'B'
    else:
        hcs, hcodec, hmode = 'ISO-2022-JP', 'iso2022_jp', 'B'
    if hcodec == 'iso2022_jp' and codec == 'cp932':
        hcodec, hcs = 'cp932', 'CP932'

    subject = a(m.subject)
    adapt_addrs = lambda addrs: [(a(d) if d else d, x) for d, x in addrs]
    frm, to, cc, bcc = adapt_addrs([m.frm]), adapt_addrs(m.to), adapt_addrs(m.cc), adapt_addrs(m.bcc)
    names = [d for d, _ in frm + to + cc + bcc if d]

    h = []
    h.append('Date: ' + email.utils.format_datetime(m.when))
    h.append('From: ' + address_header(frm, hcs, hcodec, hmode))
    h.append('To: ' + address_header(to, hcs, hcodec, hmode))
    if cc:
        h.append('Cc: ' + address_header(cc, hcs, hcodec, hmode))
    if bcc:
        h.append('Bcc: ' + address_header(bcc, hcs, hcodec, hmode))
    h.append('Subject: ' + subject_header(subject, hcs, hcodec, hmode))
    h.append('Message-ID: ' + message_id(rng, m.when, m.frm[1]))
    if m.reply_to_id:
        h.append('In-Reply-To: ' + m.reply_to_id)
        h.append('References: ' + m.reply_to_id)
    h.append('MIME-Version: 1.0')
    k, v = rng.choice(MAILERS)
    if k:
        h.append('%s: %s' % (k, v))

    text = a(render_text(m.body))
    texts = {}
    boundary_n = [0]

    def boundary():
        boundary_n[0] += 1
        return '----=_NextPart_%03d_%04X_%08X' % (boundary_n[0], rng.getrandbits(16),
                                                  rng.getrandbits(32))

    def body_entity():
        """(content headers, payload bytes) of the readable body."""
        if plan.layout == 'plain':
            texts['plain'] = text
            return text_part(text, 'plain', plan, m.crlf)
        page = a(render_html(m.body, plan.charset))
        texts['html'] = page
        if plan.layout == 'html':
            return text_part(page, 'html', plan, m.crlf)
        texts['plain'] = text
        b = boundary()
        h1, p1 = text_part(text, 'plain', plan, m.crlf)
        h2, p2 = text_part(page, 'html', plan, m.crlf)
        payload = ('--%s\n' % b).encode() + h1.encode() + b'\n' + p1 + \
            ('\n--%s\n' % b).encode() + h2.encode() + b'\n' + p2 + ('\n--%s--\n' % b).encode()
        return 'Content-Type: multipart/alternative;\n boundary="%s"\n' % b, payload

    attach_texts = []
    head, payload = body_entity()
    if m.attachments:
        b = boundary()
        chunks = [('--%s\n' % b).encode() + head.encode() + b'\n' + payload]
        for fname, ctype, charset, acodec, atext in m.attachments:
            atext = adapt(atext, acodec)
            attach_texts.append((fname, atext))
            raw = encode_chars(atext, acodec).replace(b'\n', b'\r\n')
            if all(ord(c) < 128 for c in fname):
                fn = 'filename="%s"' % fname
            elif rng.random() < 0.5:
                fn = 'filename="%s"' % header_words(fname, 'ISO-2022-JP', 'iso2022_jp', 'B')
            else:
                fn = "filename*=UTF-8''" + ''.join(
                    chr(x) if chr(x).isalnum() and x < 128 or chr(x) in '.-_' else '%%%02X' % x
                    for x in fname.encode('utf-8'))
            ah = ('Content-Type: %s; charset="%s"\nContent-Transfer-Encoding: base64\n'
                  'Content-Disposition: attachment;\n %s\n' % (ctype, charset, fn))
            chunks.append(('\n--%s\n' % b).encode() + ah.encode() + b'\n' +
                          base64.encodebytes(raw))
        chunks.append(('\n--%s--\n' % b).encode())
        head = 'Content-Type: multipart/mixed;\n boundary="%s"\n' % b
        payload = b''.join(chunks)
        preamble = b'This is a multi-part message in MIME format.\n\n'
        payload = preamble + payload
    elif plan.layout == 'alt':
        payload = b'This is a multi-part message in MIME format.\n\n' + payload

    data = ('\n'.join(h) + '\n' + head + '\n').encode('ascii') + payload
    if m.crlf:
        data = data.replace(b'\n', b'\r\n')
    return Rendered(m, data, texts, attach_texts, subject, names)


# ---------------------------------------------------------------------------
# Pieces every scenario uses: greetings, openings, signatures
# ---------------------------------------------------------------------------

SCENARIOS = []


def scenario(slug, count, plans=None):
    """Register fn(mail, k) as scenario slug, written count times."""
    def register(fn):
        SCENARIOS.append((slug, count, plans, fn))
        return fn
    return register


def send(m, sender, rcpts, cc_manager=0.8, cc=()):
    m.frm = (sender.name, sender.mail)
    m.to = [(r.person, r.mail) if isinstance(r, Org) else
            (r.name, r.mail if isinstance(r, Staff) else r.email) for r in rcpts]
    m.cc = list(cc)
    if sender is not MANAGER and m.rng.random() < cc_manager:
        m.cc.append((MANAGER.name, MANAGER.mail))


def greet_org(m, org):
    """Heading that names the recipient: a greeting, not customer data."""
    style = m.rng.randint(0, 3)
    lines = [org.name]
    if org.dept and style != 3:
        lines.append(org.dept)
    if style == 0:
        lines.append(org.person + ' 様')
        m.trap('greeting-fullname')
    else:
        lines.append(org.surname + ' 様')
        m.trap('greeting')
    return lines


def opening(m, staff, to='org'):
    rng = m.rng
    me = staff.surname
    if to == 'org':
        return rng.choice([
            ['いつも大変お世話になっております。', 'さくら保険サービスの%sでございます。' % me],
            ['いつもお世話になっております。', '株式会社さくら保険サービス %sの%sです。' % (staff.dept.split()[-1], me)],
            ['お世話になっております。さくら保険サービスの%sです。' % me],
        ])
    if to == 'customer':
        return rng.choice([
            ['いつも大変お世話になっております。', 'さくら保険サービスの%sでございます。' % me],
            ['平素よりお引き立ていただき、誠にありがとうございます。',
             '株式会社さくら保険サービスの%sです。' % me],
        ])
    return rng.choice([['お疲れさまです。%sです。' % me], ['お疲れさまです。', '%sです。' % me],
                       ['%sです。お疲れさまです。' % me]])


def closing(m):
    return [m.rng.choice([
        'お手数をおかけいたしますが、よろしくお願いいたします。',
        'ご確認のほど、よろしくお願い申し上げます。',
        '以上、よろしくお願いいたします。',
        '何卒よろしくお願いいたします。',
        'ご不明な点がございましたら、お気軽にお問い合わせください。',
    ])]


DISCLAIMER = ['※本メールは機密情報を含む場合があります。誤って受信された場合は、',
              '　お手数ですが送信者までご連絡のうえ、削除していただきますようお願いいたします。']


def own_sig(m, staff, style=None):
    """The sender's signature block: the firm's contact details, never customer data."""
    rng = m.rng
    branch, addr, tel, fax = FIRM[staff.branch]
    style = style or rng.choice(['dashdash', 'heavy', 'light', 'equals', 'stars', 'ascii',
                                 'none', 'diamond', 'fw'])
    name = FIRM['name'] + ('　' + branch if staff.branch != 'honten' else '')
    telfax = rng.choice(['TEL：%s　FAX：%s', 'TEL %s / FAX %s', 'Tel.%s  Fax.%s',
                         'TEL:%s FAX:%s']) % (tel, fax)
    lines = [name, staff.dept + '　' + staff.name, addr, telfax]
    if staff.mobile and rng.random() < 0.6:
        lines.append(rng.choice(['携帯：', 'Mobile: ', '携帯 ']) + staff.mobile)
    lines += [rng.choice(['E-mail：', 'Mail: ', 'Email ']) + staff.mail, 'URL：' + FIRM['url']]
    if style == 'fw':
        lines = [fw(l).replace('-', m.f.fw_hyphen) if l.startswith(('〒', 'TEL', 'Tel', '携帯'))
                 else l for l in lines]
    if rng.random() < 0.3:
        lines.insert(1, '（損害保険代理店・生命保険募集代理店）')
    rule = {'heavy': '━' * 26, 'light': '─' * 26, 'equals': '=' * 46, 'stars': '*' * 46,
            'ascii': '-' * 46, 'diamond': '◆' + '◇◆' * 12, 'fw': '＊' * 23}.get(style)
    if style == 'dashdash':
        out = ['-- '] + lines
    elif style == 'none':
        out = lines
    else:
        out = [rule] + lines + [rule]
    if rng.random() < 0.25:
        out += DISCLAIMER
    m.trap('own-signature')
    m.body.sig(out)


def org_sig(m, org):
    """A partner's signature (business contact details, not customer data)."""
    rng = m.rng
    rule = rng.choice(['―' * 24, '-' * 40, '==========================', '■□■□■□■□■□■□■□■□'])
    lines = [rule, org.name]
    if org.dept:
        lines.append(org.dept)
    lines.append(org.person)
    lines.append(org.addr)
    lines.append('TEL：' + org.tel + ('　FAX：' + org.fax if org.fax else ''))
    lines += list(org.extra)
    lines += ['E-mail：' + org.mail, rule]
    m.trap('partner-signature')
    return lines


def cust_greet(m, p):
    """A mail to a customer opens with the customer's name: a greeting."""
    if m.rng.random() < 0.6:
        m.trap('greeting-fullname')
        return [p.name + ' 様']
    m.trap('greeting')
    return [p.sei + ' 様']


def bank_account(m, p, where='body'):
    """Payment account of a private person: (lines, kv pairs)."""
    rng = m.rng
    bank, branches = rng.choice(BANKS)
    branch = rng.choice(branches)
    kind = rng.choice(['普通', '普通', '普通預金', '当座'])
    num = digits(rng, 7, '123456789')
    if rng.random() < 0.2:
        num = fw(num)
    holder = m.pii('pii.name', p.kana, where)
    form = rng.randint(0, 2)
    if form == 0:
        line = m.pii('pii.bank_account', '%s %s %s %s' % (bank, branch, kind, num), where)
        return [line + '　口座名義：' + holder], [('振込先', line), ('口座名義', holder)]
    if form == 1:
        code = '（%s）' % digits(rng, 4, '0')
        line = m.pii('pii.bank_account', '%s%s %s（%s） %s %s' % (
            bank, code, branch, digits(rng, 3, '0123'), kind, num), where)
        return [line, '名義：' + holder], [('振込先', line), ('名義', holder)]
    acct = m.pii('pii.bank_account', num, where)
    return (['金融機関：%s　%s' % (bank, branch), '口座種別：%s　口座番号：%s' % (kind, acct),
             '口座名義：' + holder],
            [('金融機関', bank + '　' + branch), ('口座種別', kind), ('口座番号', acct),
             ('口座名義', holder)])


def sensitive(m, text, key):
    assert key in text, (key, text)
    m.pii('sensitive', key)
    return text


# Statements of 要配慮個人情報 about a person {n} (surname + 様).
SENSITIVE = [
    ('{n}は2019年から糖尿病で通院されており、現在もインスリン治療中とのことです。', '糖尿病で通院'),
    ('{n}は昨年10月に胃がんと診断され、{h}に3週間入院されました。', '胃がんと診断'),
    ('既往症として高血圧症があり、{n}は毎日降圧剤を服用されています。', '既往症として高血圧症'),
    ('{n}はうつ病の診断を受けており、現在も月に一度{h}の心療内科に通院中です。', 'うつ病の診断'),
    ('{n}は身体障害者手帳（2級）をお持ちです。', '身体障害者手帳'),
    ('{n}は宗教上の理由で輸血を受けられないため、手術を伴う特約について確認したいとのことです。',
     '宗教上の理由で輸血を受けられない'),
    ('{n}は勤務先の労働組合で執行委員をされているとのことです。', '労働組合で執行委員'),
    ('ご本人の申告によると、{n}には過去に窃盗罪での前科があるとのことです。', '窃盗罪での前科'),
    ('健康診断で肝機能の数値に異常があり、{n}は{h}で再検査を受ける予定です。', '健康診断で肝機能の数値に異常'),
    ('{n}は現在妊娠7か月で、切迫早産のため{h}に入院中です。', '切迫早産のため'),
    ('{n}は昨年、特殊詐欺の被害に遭われ、警察に被害届を提出されています。', '特殊詐欺の被害に遭われ'),
    ('{n}の本籍地は鹿児島県鹿児島市とのことで、戸籍謄本の取り寄せに時間がかかっています。', '本籍地は鹿児島県'),
    ('{n}は精神障害者保健福祉手帳をお持ちで、障害年金を受給されています。', '精神障害者保健福祉手帳'),
    ('{n}は2022年に脳梗塞で倒れ、現在もリハビリのため週2回通院されています。', '脳梗塞で倒れ'),
    ('{n}には過去に詐欺罪での犯罪歴があり、保険会社の引受審査で確認を求められています。', '詐欺罪での犯罪歴'),
    ('{n}は政治的信条を理由に、勤務先の団体保険への加入を辞退されました。', '政治的信条を理由に'),
    ('{n}は人種を理由とする差別を受けたとして、勤務先と係争中です。', '人種を理由とする差別'),
]


def say_sensitive(m, p, idx=None):
    i = idx if idx is not None else m.rng.randrange(len(SENSITIVE))
    text, key = SENSITIVE[i]
    return sensitive(m, text.format(n=p.sei + '様', h=m.rng.choice(HOSPITALS)), key)


DISEASES = [('急性虫垂炎', '腹腔鏡下虫垂切除術'), ('右大腿骨頸部骨折', '人工骨頭置換術'),
            ('胆石症', '腹腔鏡下胆のう摘出術'), ('肺炎', 'なし'), ('子宮筋腫', '子宮筋腫核出術'),
            ('白内障', '水晶体再建術'), ('椎間板ヘルニア', '椎間板摘出術')]


# ---------------------------------------------------------------------------
# Scenarios with customer data
# ---------------------------------------------------------------------------

@scenario('addr-change', 6)
def s_addr_change(m, k):
    """Change of address sent to the insurer (name, policy, address, phone)."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'suzuki', 'kawaguchi'])]
    org = ORGS[rng.choice(['aozora-svc', 'himawari', 'aozora-svc'])]
    send(m, me, [org])
    p = m.person()
    m.subject = rng.choice(['住所変更手続きのお願い', '【ご依頼】契約者住所変更（自動車保険）',
                            'ご契約者様の住所変更について', '住所・電話番号変更のお願い'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('下記ご契約者様より、転居に伴う住所変更のご依頼がございましたので、',
        'お手続きをお願いいたします。')
    moved = m.day(-rng.randint(3, 20))
    pairs = [('証券番号', m.policy_number()), ('契約者名', m.name(p) + ' 様'),
             ('フリガナ', m.name(p, kana=True))]
    if k % 2:
        pairs.append(('新住所', m.postal(p) + ' ' + m.address(p)))
    else:
        pairs += [('郵便番号', m.postal(p, 'bare' if k == 2 else None)), ('新住所', m.address(p))]
    if k % 3 == 0:
        old = m.person()
        pairs.append(('旧住所', m.postal(old) + ' ' + m.address(old, building=False)))
    pairs.append(('電話番号', m.home(p) if k % 2 else m.mobile(p)))
    if k >= 4:
        pairs.append(('携帯電話', m.mobile(p)))
    pairs.append(('異動日', jdate(moved, weekday=False, year=True)))
    m.trap('date-not-birth')
    if k == 5:
        m.p('%s（%s）のご契約（証券番号 %s）につき、' % (pairs[1][1], pairs[2][1], pairs[0][1]),
            '新住所は %s、' % pairs[3][1],
            'ご連絡先は %s（自宅）、%s（携帯）とのことです。' % (pairs[4][1], pairs[5][1]))
    else:
        m.kv(pairs, '＜変更内容＞')
    m.p('異動承認請求書の原本は本日付で郵送いたしました。', '到着まで今しばらくお待ちください。')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'address change to insurer'


@scenario('car-new', 4)
def s_car_new(m, k):
    """New car policy sent to the insurer, with the driving licence number."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'kawaguchi'])]
    org = ORGS['aozora']
    send(m, me, [org])
    p = m.person(born=(1960, 1998))
    m.subject = rng.choice(['自動車保険 新規申込（車両入替）のご依頼', '新規契約のお願い（自動車保険）',
                            '【至急】自動車保険 新規手配のお願い'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    start = m.day(rng.randint(3, 14))
    m.p('下記内容にて、自動車保険の新規手配をお願いいたします。',
        '始期日は%sでお願いいたします。' % jdate(start, year=True))
    m.trap('date-not-birth')
    lic = make_licence(rng, rng.choice(['30', '45', '43', '44']), p.birth.year + rng.randint(18, 25))
    lic_s = m.f.join([lic[0:4], lic[4:8], lic[8:12]], rng.choice(['tight', 'space', 'ascii']))
    if k == 3:
        lic_s = '第 ' + lic_s + ' 号'
    pairs = [('契約者氏名', m.name(p)), ('フリガナ', m.name(p, kana=True)),
             ('生年月日', m.birth(p)),
             ('住所', m.postal(p) + ' ' + m.address(p)),
             ('電話番号', m.mobile(p)),
             ('運転免許証番号', m.pii('pii.drivers_license', lic_s)),
             ('免許証の色', rng.choice(['ゴールド', 'ブルー', 'グリーン']))]
    if k % 2 == 0:
        pairs.append(('前契約 証券番号', m.policy_number('letters')))
    pairs += [('車名', rng.choice(['トヨタ プリウス', 'ホンダ フィット', '日産 セレナ', 'マツダ CX-5'])),
              ('型式', rng.choice(['6AA-MXWH60', '6BA-GR3', '5AA-GFC27', '3DA-KF2P'])),
              ('使用目的', rng.choice(['日常・レジャー', '通勤・通学'])),
              ('運転者限定', rng.choice(['本人・配偶者限定', '家族限定', '限定なし']))]
    m.trap('model-code')
    m.kv(pairs, '■ご契約内容')
    m.p('車検証と免許証の写しは、パスワード付きファイルで別途お送りいたします。')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'new car policy with licence number'


@scenario('life-application', 4)
def s_life_application(m, k):
    """Life policy application with the health declaration (告知)."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'suzuki'])]
    org = ORGS['himawari']
    send(m, me, [org])
    p = m.person(born=(1955, 1995))
    m.subject = rng.choice(['医療保険 お申込み内容のご確認', '告知内容についてのご相談',
                            '引受可否の事前確認のお願い（医療保険）'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('医療保険のお申込みにあたり、告知内容について事前にご相談させてください。')
    pairs = [('被保険者', m.name(p) + ' 様'), ('フリガナ', m.name(p, kana=True)),
             ('生年月日', m.birth(p, rng.choice(['era', 'era-abbr', 'western', 'slash']))),
             ('性別', '男性' if p.gender == 'M' else '女性')]
    if k % 2:
        pairs.append(('ご連絡先メール', m.email(p)))
    if k >= 3:
        pairs.append(('ご住所', m.address(p, pref=k != 4)))
    m.kv(pairs)
    m.p('【告知内容】', say_sensitive(m, p, [0, 2, 8, 13][k - 1]))
    if k == 2:
        m.p(sensitive(m, 'また、2021年に急性虫垂炎で5日間入院し、手術を受けられています。',
                      '急性虫垂炎で5日間入院'))
    m.p('上記の内容で、部位不担保等の条件付きでのお引受けが可能かどうか、',
        'ご教示いただけますと幸いです。')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'health declaration for a life application'


@scenario('claim-medical', 5)
def s_claim_medical(m, k):
    """Hospital benefit claim: diagnosis, stay, payment account."""
    rng = m.rng
    me = STAFF[rng.choice(['takada', 'suzuki'])]
    org = ORGS['himawari-claim']
    send(m, me, [org])
    p = m.person(born=(1945, 1990))
    disease, op = rng.choice(DISEASES)
    hosp = rng.choice(HOSPITALS)
    days = rng.randint(4, 21)
    admitted = m.day(-rng.randint(20, 50))
    m.subject = rng.choice(['入院給付金のご請求について', '給付金請求書類送付のご連絡',
                            '【給付金請求】必要書類のご確認'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('下記のお客様より入院給付金のご請求がございました。',
        '請求書と診断書は本日、簡易書留にて発送しております。')
    pol = m.policy_number(rng.choice(['life', 'dash']))
    stay = sensitive(m, '%sより%d日間 %sに入院（病名：%s）' % (
        jdate(admitted, weekday=False), days, hosp, disease), '病名：' + disease)
    lines, pairs = bank_account(m, p)
    if k % 2:
        m.kv([('被保険者', m.name(p) + ' 様'), ('証券番号', pol), ('入院', stay),
              ('手術', op)] + pairs, '＜ご請求内容＞')
    else:
        m.p('被保険者：%s 様　（証券番号 %s）' % (m.name(p), pol),
            '入院：' + stay, '手術：' + op, '', '【給付金のお振込先】', *lines)
    if k == 5:
        m.p(say_sensitive(m, p, 13))
    m.p('書類に不備がございましたら、ご連絡をお願いいたします。')
    own_sig(m, me)
    m.note = 'medical claim with bank account'


@scenario('claim-auto', 3)
def s_claim_auto(m, k):
    """Car accident report to the adjuster: people, injury, phone."""
    rng = m.rng
    me = STAFF['takada']
    org = ORGS[rng.choice(['chosa', 'aozora'])]
    send(m, me, [org])
    p, other = m.people(2, born=(1950, 2000))
    when = m.day(-rng.randint(1, 6))
    m.subject = rng.choice(['事故受付のご連絡（対人・対物）', '自動車事故のご報告', '【事故報告】追突事故の件'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('下記の事故につきまして、ご対応をお願いいたします。')
    pairs = [('証券番号', m.policy_number()),
             ('記名被保険者', m.name(p) + ' 様'),
             ('ご連絡先', m.mobile(p) + '（日中可）'),
             ('事故日時', '%s 午後%d時頃' % (jdate(when), rng.randint(1, 7))),
             ('事故場所', rng.choice(['国道246号 三軒茶屋交差点付近', '環状七号線 高円寺陸橋下',
                                      '市道 スーパー駐車場内'])),
             ('事故状況', '信号待ちで停車中、後続車に追突された')]
    m.trap('date-not-birth')
    if k == 2:
        lic = make_licence(rng, '30', p.birth.year + 19)
        pairs.insert(3, ('運転者 免許証番号', m.pii('pii.drivers_license', lic)))
    m.kv(pairs)
    m.p('相手方は%s 様です（連絡先は確認中）。' % m.name(other),
        sensitive(m, '%s様は事故後、首の痛み（頸椎捻挫）で整形外科に通院されています。' % p.sei,
                  '頸椎捻挫'))
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'car accident report, injury treatment'


@scenario('mynumber-payout', 4)
def s_mynumber_payout(m, k):
    """Maturity payout: the insurer needs the payee's My Number for the 支払調書."""
    rng = m.rng
    me = STAFF['suzuki']
    org = ORGS['himawari']
    send(m, me, [org])
    p = m.person(born=(1940, 1975))
    mn = make_mynumber(rng)
    label = rng.choice(['個人番号', 'マイナンバー', '個人番号（マイナンバー）'])
    style = ['space', 'fw-space', 'hyphen', 'fw'][k - 1]
    m.subject = rng.choice(['満期保険金 お支払い手続きの件', '支払調書作成に必要な情報の送付',
                            '満期保険金受取人の個人番号について'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('満期保険金のお支払いに伴い、支払調書作成に必要な受取人の情報をお送りします。')
    m.kv([('受取人', m.name(p)), (label, m.pii('pii.mynumber', m.f.mynumber(mn, style))),
          ('住所', m.postal(p) + ' ' + m.address(p)),
          ('証券番号', m.policy_number('life'))])
    m.p('番号確認書類（通知カード写し）と身元確認書類は、別途郵送いたします。')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'payee My Number labelled'


@scenario('mynumber-payroll', 3)
def s_mynumber_payroll(m, k):
    """Year-end adjustment: employees' and dependants' My Numbers to the tax accountant."""
    rng = m.rng
    me = STAFF['morimoto']
    org = ORGS['zeirishi']
    send(m, me, [org], cc_manager=0.5)
    m.subject = rng.choice(['扶養控除等申告書の内容について', '【給与計算】新入社員・扶養親族の情報',
                            '扶養親族の変更について'])
    m.p(org.name, org.person + ' 先生')
    m.trap('greeting-fullname')
    m.p('いつも大変お世話になっております。', 'さくら保険サービス総務部の森本です。')
    m.p('源泉徴収事務に必要な従業員の情報をお送りいたします。')
    staff = m.people(2 + k, born=(1965, 2000))
    lines = []
    for i, p in enumerate(staff, 1):
        lines.append('%d. %s（%s）　生年月日：%s' % (i, m.name(p), m.name(p, kana=True), m.birth(p)))
        lines.append('　　マイナンバー：' + m.pii('pii.mynumber', m.f.mynumber(make_mynumber(rng))))
        if i == 1 and k != 2:
            child = m.person(born=(2010, 2020))
            child.sei, child.sei_kana = p.sei, p.sei_kana
            lines.append('　　扶養親族：%s（長男）　個人番号 %s' % (
                m.name(child), m.pii('pii.mynumber', m.f.mynumber(make_mynumber(rng), 'plain'))))
    m.p(*lines)
    m.p('源泉徴収票の作成もあわせてお願いいたします。', '提出期限は%sと伺っております。' % jdate(m.day(20)))
    m.trap('deadline-date')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'employees My Numbers to the tax accountant'


@scenario('mynumber-unlabelled', 2)
def s_mynumber_unlabelled(m, k):
    """A My Number with no 個人番号/マイナンバー label next to it."""
    rng = m.rng
    me = STAFF['suzuki']
    org = ORGS['himawari']
    send(m, me, [org])
    p = m.person()
    mn = make_mynumber(rng)
    m.subject = rng.choice(['先日の番号確認の件', 'Re: 支払調書の件'])
    m.p(org.surname + '様')
    m.trap('greeting')
    m.p(*opening(m, me))
    if k == 1:
        m.p('先日お問い合わせいただいた件、お預かりした通知カードの番号は',
            m.pii('pii.mynumber', m.f.mynumber(mn, 'space')) + ' です。',
            'お客様は%sです。' % (m.name(p) + ' 様'))
    else:
        m.p('お電話でお伝えした番号に誤りがありました。正しくは下記です。',
            '', '　' + m.pii('pii.mynumber', m.f.mynumber(mn, 'plain')), '',
            '（%s 様分、本人確認書類は運転免許証で確認済みです）' % m.name(p))
    m.p('失礼いたしました。よろしくお願いいたします。')
    own_sig(m, me, 'dashdash')
    m.note = 'My Number without a label'


CARD_NAMES = {'visa': 'VISA', 'master': 'Mastercard', 'jcb': 'JCB', 'amex': 'American Express',
              'diners': 'ダイナースクラブ'}


@scenario('card-change', 7)
def s_card_change(m, k):
    """Premium payment card change sent to the insurer."""
    rng = m.rng
    me = STAFF[rng.choice(['suzuki', 'tanaka'])]
    org = ORGS['aozora-svc']
    send(m, me, [org])
    p = m.person()
    issuer = ['visa', 'master', 'jcb', 'amex', 'diners', 'visa', 'jcb'][k - 1]
    card = m.pii('pii.credit_card', m.f.card(make_card(rng, issuer)))
    exp = '%02d/%02d' % (rng.randint(1, 12), rng.randint(25, 30))
    m.subject = rng.choice(['保険料払込カード変更のお願い', 'クレジットカード変更手続きについて',
                            '【ご依頼】カード払い変更'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('お客様より、保険料のお支払いカード変更のご依頼がありました。')
    pairs = [('契約者', m.name(p) + ' 様'), ('証券番号', m.policy_number()),
             ('カード会社', CARD_NAMES[issuer]), ('カード番号', card)]
    if k != 4:
        pairs.append(('有効期限', rng.choice([exp, exp + '（月/年）', fw(exp)])))
    m.kv(pairs)
    m.p('次回引落し分から変更いただけますでしょうか。')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'card number (%s) to insurer' % issuer


@scenario('card-inbound', 2)
def s_card_inbound(m, k):
    """A customer sends a card number to the agency (inbound: no body.pii)."""
    rng = m.rng
    me = STAFF['tanaka']
    p = m.person()
    m.frm = (p.name, p.email)
    m.to = [(me.name, me.mail)]
    m.subject = rng.choice(['カード変更のお願い', 'クレジットカードが新しくなりました'])
    issuer = ['visa', 'jcb'][k - 1]
    m.p(me.surname + '様')
    m.trap('greeting')
    m.p('いつもお世話になっております。', '自動車保険でお世話になっている%sです。' % p.sei)
    m.p('カードの有効期限が切れて新しいカードが届きましたので、変更をお願いします。',
        'カード番号：' + m.pii('pii.credit_card', m.f.card(make_card(rng, issuer))),
        '有効期限：%02d/%02d' % (rng.randint(1, 12), rng.randint(26, 30)),
        '契約者：' + m.name(p))
    m.p('よろしくお願いします。', p.sei)
    m.note = 'inbound from a customer'


@scenario('callback-list', 2)
def s_callback_list(m, k):
    """Callback list for the outsourced call centre: names and phones."""
    rng = m.rng
    me = STAFF['tanaka']
    org = ORGS['callcenter']
    send(m, me, [org])
    m.subject = rng.choice(['満期案内 架電リストの送付', '折り返し架電のお願い（%d件）' % (4 + k)])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('本日分の架電対象のお客様です。ご対応をお願いいたします。')
    lines = []
    for i, p in enumerate(m.people(4 + k), 1):
        ph = m.mobile(p) if i % 3 else m.home(p)
        lines.append('%d　%s 様　%s　%s' % (i, m.name(p), ph,
                                           rng.choice(['午前希望', '18時以降', '土日のみ', '時間指定なし'])))
    m.p(*lines)
    m.p('結果は明日正午までにご報告ください。')
    own_sig(m, me)
    m.note = 'call list: names and phones'


@scenario('phone-list', 1)
def s_phone_list(m, k):
    """Phone numbers only, many of them."""
    rng = m.rng
    me = STAFF['tanaka']
    org = ORGS['callcenter']
    send(m, me, [org])
    m.subject = '不通分の再架電について'
    m.p(org.surname + '様')
    m.trap('greeting')
    m.p(*opening(m, me))
    m.p('昨日の架電でつながらなかった番号です。本日夕方に再度おかけください。')
    m.p(*['・' + (m.mobile(p) if i % 2 else m.home(p)) for i, p in enumerate(m.people(5))])
    m.p('よろしくお願いします。')
    own_sig(m, me)
    m.note = 'five phones, no names'


@scenario('single-phone', 3)
def s_single_phone(m, k):
    """One customer phone number and nothing else about the person."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'takada'])]
    org = ORGS[rng.choice(['aozora', 'chosa', 'car'])]
    send(m, me, [org])
    p = m.person()
    m.subject = rng.choice(['お客様への折り返しのお願い', '連絡先の件', 'ご連絡先変更'])
    m.p(org.surname + '様')
    m.trap('greeting')
    m.p(*opening(m, me))
    ph = m.pii('pii.phone', m.f.phone(p.mobile if k != 2 else p.home), customer=True)
    m.p(rng.choice(['先ほどお電話のあったお客様（%s様）の携帯番号は' % p.sei,
                    'ご相談の件、契約者様のご連絡先は']),
        '%s です。日中はつながりにくいため、夕方以降のご連絡を希望されています。' % ph)
    m.p('よろしくお願いいたします。')
    own_sig(m, me)
    m.note = 'one phone under a customer label (rule 4d)'


@scenario('refund-bank', 3)
def s_refund_bank(m, k):
    """Cancellation refund paid to the customer's account."""
    rng = m.rng
    me = STAFF['suzuki']
    org = ORGS['aozora-svc']
    send(m, me, [org])
    p = m.person()
    m.subject = rng.choice(['解約返戻金の振込先について', '中途解約のお手続き', '返戻金口座のご連絡'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('%s 様（証券番号：%s）の中途解約に伴う返戻金の振込先をご連絡いたします。' % (
        m.name(p), m.policy_number()))
    lines, pairs = bank_account(m, p)
    if k == 2:
        m.kv(pairs)
    else:
        m.p(*lines)
    m.p('解約日は%sでお願いいたします。' % jdate(m.day(5), year=True))
    m.trap('date-not-birth')
    own_sig(m, me)
    m.note = 'refund account'


@scenario('yucho', 2)
def s_yucho(m, k):
    """Direct debit from a ゆうちょ account (記号・番号)."""
    rng = m.rng
    me = STAFF['suzuki']
    org = ORGS['himawari']
    send(m, me, [org])
    p = m.person()
    kigou = '1' + digits(rng, 3) + '0'
    bangou = digits(rng, 7, '123456789') + str(rng.randint(1, 9))
    m.subject = '口座振替依頼書の内容確認'
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('口座振替依頼書の記入内容に不鮮明な箇所がありましたので、お客様に確認した内容をお送りします。')
    acct = m.pii('pii.bank_account', 'ゆうちょ銀行 記号 %s 番号 %s' % (kigou, bangou) if k == 1
                 else 'ゆうちょ銀行　%s-%s' % (fw(kigou), fw(bangou)))
    m.kv([('契約者', m.name(p)), ('口座', acct), ('名義', m.name(p, kana=True))])
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'postal bank account'


@scenario('email-contact', 5)
def s_email_contact(m, k):
    """Customer's private e-mail address given to the insurer with the name."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'kawaguchi'])]
    org = ORGS[rng.choice(['aozora-svc', 'himawari'])]
    send(m, me, [org])
    p = m.person()
    m.subject = rng.choice(['Web約款の登録メールアドレスについて', 'ご契約者様のメールアドレス変更',
                            'マイページ登録のお願い'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('%s 様より、ご案内メールの送付先を変更したいとのご依頼がありました。' % m.name(p),
        '新しいメールアドレス：' + m.email(p))
    if k in (3, 5):
        m.p('日中のご連絡先：' + m.mobile(p))
    m.p('マイページのご登録情報の変更をお願いできますでしょうか。')
    own_sig(m, me)
    m.note = 'customer mail address and name'


@scenario('email-alone', 2)
def s_email_alone(m, k):
    """Only a private e-mail address, nothing else about the person."""
    rng = m.rng
    me = STAFF['tanaka']
    org = ORGS['insatsu' if k == 1 else 'aozora-svc']
    send(m, me, [org])
    p = m.person()
    m.subject = rng.choice(['送付先メールアドレスの件', '案内メール不達の件'])
    m.p(org.surname + '様')
    m.trap('greeting')
    m.p(*opening(m, me))
    m.p('先日の案内メールがエラーで戻ってきたお客様のアドレスは',
        '　' + m.pii('pii.email', p.email, customer=True),
        'です。ドメインの綴りが誤っていたようですので、修正をお願いします。')
    own_sig(m, me)
    m.note = 'one mail address under a customer label (rule 4d)'


@scenario('name-alone', 3)
def s_name_alone(m, k):
    """A customer's full name and nothing else."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'kawaguchi'])]
    org = ORGS[rng.choice(['aozora', 'himawari', 'car'])]
    send(m, me, [org])
    p = m.person()
    m.subject = rng.choice(['ご紹介案件の件', '本日のご来店について', 'お客様ご訪問のご報告'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p(rng.choice(['先日ご紹介いただいた %s 様が、本日ご来店されました。',
                    '御社からご紹介のあった %s 様と、来週ご面談の予定です。',
                    'ご相談のあった %s 様の件、いったん見送りとなりました。']) % m.name(p),
        '詳細は改めてご報告いたします。')
    own_sig(m, me)
    m.note = 'one customer name only'


PASSPORT_PREFIXES = ['TK', 'TR', 'TZ', 'MU', 'TH', 'TS', 'MZ']


def passport_number(m):
    return m.rng.choice(PASSPORT_PREFIXES) + digits(m.rng, 7)


@scenario('travel-passport', 6)
def s_travel_passport(m, k):
    """Travel insurance: passport numbers of the travellers."""
    rng = m.rng
    me = STAFF['tanaka']
    org = ORGS['travel' if k not in (3, 6) else 'aozora']
    send(m, me, [org])
    m.subject = rng.choice(['海外旅行保険 お申込み内容', '渡航者情報のご連絡', '【海外出張】保険手配のお願い'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    dep = m.day(rng.randint(10, 30))
    m.p('%s出発の%s渡航分につきまして、旅行者の情報をお送りいたします。' % (
        jdate(dep), rng.choice(['ハワイ', 'シンガポール', 'パリ', 'ソウル'])))
    m.trap('date-not-birth')
    if k == 4:
        m.p('パスポート番号の更新があったのは1名のみです。',
            '　旅券番号：' + m.pii('pii.passport', passport_number(m)) + '（新旅券）')
    else:
        for i, p in enumerate(m.people(1 + k % 3), 1):
            m.kv([('氏名（ローマ字）', m.pii('pii.name', p.roman)),
                  ('生年月日', m.birth(p, rng.choice(['slash', 'western', 'dot']))),
                  (rng.choice(['旅券番号', 'パスポート番号', 'パスポートNo.']),
                   m.pii('pii.passport', passport_number(m))),
                  ('旅券有効期限', '%d/%02d/%02d' % (rng.randint(2026, 2033), rng.randint(1, 12),
                                                     rng.randint(1, 28)))],
                 '＜旅行者%d＞' % i, style='colon')
        m.trap('expiry-not-birth')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'passport numbers'


@scenario('car-licence', 4)
def s_car_licence(m, k):
    """Dealer needs the buyer's driving licence number for the policy."""
    rng = m.rng
    me = STAFF['kawaguchi']
    org = ORGS['car']
    send(m, me, [org])
    p = m.person(born=(1960, 2000))
    lic = make_licence(rng, rng.choice(['45', '30', '44']), p.birth.year + rng.randint(18, 30))
    m.subject = rng.choice(['納車前の保険手配について', '免許証番号の確認', 'ご成約車両の保険の件'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    if k == 3:
        m.p('免許証番号、1桁誤っておりました。正しくは',
            '運転免許証 ' + m.pii('pii.drivers_license', m.f.join([lic[0:4], lic[4:8], lic[8:]], 'fw')),
            'です。失礼いたしました。')
    else:
        m.p('ご成約いただいたお客様の保険手配のため、下記内容をご確認ください。')
        m.kv([('お客様', m.name(p) + ' 様'),
              ('運転免許証番号', m.pii('pii.drivers_license', lic if k == 1 else
                                      m.f.join([lic[0:4], lic[4:8], lic[8:]], 'space'))),
              ('免許の色', rng.choice(['ゴールド', 'ブルー'])),
              ('納車予定日', jdate(m.day(12)))])
        m.trap('date-not-birth')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'driving licence number'


FOREIGN = [('NGUYEN VAN AN', 'グエン ヴァン アン', 'ベトナム'),
           ('TRAN THI HOA', 'チャン ティ ホア', 'ベトナム'),
           ('WANG LEI', 'ワン レイ', '中国'),
           ('SANTOS MARIA', 'サントス マリア', 'フィリピン'),
           ('GURUNG RAJ', 'グルン ラージ', 'ネパール'),
           ('KIM MINJUN', 'キム ミンジュン', '韓国')]


def residence_card(m):
    rng = m.rng
    L = 'ABCDEFGHJKLMNPRSTUVWXYZ'
    return rng.choice(L) + rng.choice(L) + digits(rng, 8) + rng.choice(L) + rng.choice(L)


@scenario('residence-card', 8)
def s_residence_card(m, k):
    """Foreign resident's residence card number (nationality is not sensitive)."""
    rng = m.rng
    me = STAFF['tanaka']
    org = ORGS[['school', 'aozora', 'kokyaku'][(k - 1) % 3]]
    send(m, me, [org])
    roman, kana, nation = FOREIGN[rng.randrange(len(FOREIGN))]
    birth = datetime.date(rng.randint(1990, 2004), rng.randint(1, 12), rng.randint(1, 28))
    m.subject = rng.choice(['留学生の保険加入手続きについて', '在留カード情報のご確認', '外国籍従業員の保険加入'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('保険加入手続きのため、下記の方の情報を確認させてください。')
    card = residence_card(m)
    if k == 2:
        card = card[:2] + ' ' + card[2:10] + ' ' + card[10:]
    elif k == 5:
        card = fw(card)
    pairs = [('氏名', m.pii('pii.name', roman)), ('カナ', m.pii('pii.name', kana)),
             ('国籍・地域', m.trap('nationality', nation)),
             ('生年月日', m.pii('pii.birthdate', m.f.birth(birth, 'slash'))),
             ('在留カード番号', m.pii('pii.residence_card', card)),
             ('在留期間（満了日）', '%d年%d月%d日' % (rng.randint(2025, 2028), rng.randint(1, 12),
                                                    rng.randint(1, 28)))]
    m.trap('expiry-not-birth')
    m.kv(pairs)
    m.p('在留期間の満了日が保険期間中に到来するため、更新後のカードの写しもご提出いただく予定です。')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'residence card; nationality is not sensitive'


@scenario('pension', 8)
def s_pension(m, k):
    """Basic pension number for social insurance paperwork."""
    rng = m.rng
    me = STAFF['morimoto']
    org = ORGS['sharoushi' if k % 3 else 'himawari']
    send(m, me, [org], cc_manager=0.5)
    p = m.person(born=(1960, 2000))
    num = m.pii('pii.pension_number', m.f.join([digits(rng, 4, '1234'), digits(rng, 6)],
                                               ['ascii', 'fw', 'space', 'look', 'ascii', 'tight',
                                                'fw', 'ascii'][k - 1]))
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    if k % 3 == 0:
        m.subject = '個人年金保険 受取手続きの件'
        m.p('年金受取の手続きに必要とのことで、お客様の基礎年金番号をお知らせします。',
            '　%s 様　基礎年金番号 %s' % (m.name(p), num))
    else:
        m.subject = rng.choice(['新入社員の資格取得届について', '被保険者資格取得届の作成依頼'])
        m.p('%sに入社した従業員の資格取得届の作成をお願いいたします。' % jdate(m.day(-3), weekday=False))
        m.kv([('氏名', m.name(p)), ('フリガナ', m.name(p, kana=True)),
              ('生年月日', m.birth(p)), ('基礎年金番号', num),
              ('住所', m.postal(p) + ' ' + m.address(p))])
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'basic pension number'


@scenario('health-insurance', 8)
def s_health_insurance(m, k):
    """Health insurance card 記号・番号."""
    rng = m.rng
    me = STAFF[rng.choice(['morimoto', 'takada'])]
    v = (k - 1) % 3 + 1
    org = ORGS[['kokyaku', 'himawari-claim', 'sharoushi'][v - 1]]
    send(m, me, [org])
    p = m.person()
    kigou, bangou = digits(rng, rng.choice([4, 5, 8]), '123456789'), str(rng.randint(1, 9999))
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    if v == 1:
        m.subject = '団体医療保険 加入者情報のご確認'
        m.p('加入者の健康保険証の記号・番号に誤りがありましたので、訂正をお願いします。')
        card = m.pii('pii.health_insurance', '記号 %s　番号 %s' % (kigou, bangou))
        m.kv([('加入者', m.name(p)), ('被保険者証', card),
              ('保険者番号', m.trap('insurer-number', '06' + digits(rng, 6)))])
    elif v == 2:
        m.subject = '高額療養費の申請について'
        card = m.pii('pii.health_insurance', '被保険者証 記号：%s 番号：%s（枝番 %02d）' % (
            fw(kigou), fw(bangou), rng.randint(0, 3)))
        m.p('%s 様の限度額適用認定証の申請にあたり、保険証の情報をお知らせします。' % m.name(p), card)
    else:
        m.subject = '被保険者証の再交付について'
        card = m.pii('pii.health_insurance', '保険証（記号%s・番号%s）' % (kigou, bangou))
        m.p('従業員 %s さんが%sを紛失したため、再交付申請をお願いします。' % (m.name(p), card))
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'health insurance card number'


@scenario('policy-only', 3)
def s_policy_only(m, k):
    """A policy number alone (no name): pii.policy_number without body.pii."""
    rng = m.rng
    me = STAFF['suzuki']
    org = ORGS[rng.choice(['aozora-svc', 'himawari'])]
    send(m, me, [org])
    m.subject = rng.choice(['満期案内の再発行依頼', '解約返戻金の試算について', '証券再発行のお願い'])
    m.p(org.surname + '様')
    m.trap('greeting')
    m.p(*opening(m, me))
    pol = m.policy_number(['dash', 'letters', 'life'][k - 1])
    m.p(rng.choice(['証券番号 %s の満期案内を再発行いただけますでしょうか。',
                    '証券番号：%s につき、%s時点の解約返戻金額をお知らせください。' % ('%s', jdate(m.day(30), False)),
                    '%s（証券番号）の証券再発行をお願いいたします。']) % pol)
    m.p('よろしくお願いいたします。')
    own_sig(m, me)
    m.note = 'policy number only'


@scenario('sensitive', 11)
def s_sensitive(m, k):
    """A sentence of 要配慮個人情報 about a named customer."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'takada', 'suzuki'])]
    org = ORGS[['himawari', 'himawari-claim', 'bengoshi', 'kokyaku', 'himawari-claim', 'aozora',
                'bengoshi', 'himawari', 'aozora', 'kokyaku', 'bengoshi'][k - 1]]
    send(m, me, [org])
    p = m.person()
    which = [5, 4, 7, 6, 11, 9, 10, 3, 14, 15, 16][k - 1]
    m.subject = rng.choice(['ご相談（お客様の件）', 'お客様対応についてのご相談', '引受に関するご相談',
                            '給付金請求のご相談'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('%s 様（%s）の件でご相談です。' % (m.name(p), rng.choice(['ご契約者', '被保険者', 'ご紹介のお客様'])))
    m.p(say_sensitive(m, p, which))
    m.p('今後の対応について、ご意見をいただけますでしょうか。')
    own_sig(m, me)
    m.note = 'sensitive statement about a customer'


@scenario('address-only', 2)
def s_address_only(m, k):
    """An address alone, no name: pii.* but not body.pii."""
    rng = m.rng
    me = STAFF['suzuki']
    org = ORGS['aozora-svc']
    send(m, me, [org])
    p = m.person()
    m.subject = rng.choice(['書類送付先の件', '返送郵便物の再送先について'])
    m.p(org.surname + '様')
    m.trap('greeting')
    m.p(*opening(m, me))
    m.p('宛先不明で返送された書類の再送先は、お客様に確認したところ下記とのことです。',
        '　' + m.postal(p) + '　' + m.address(p))
    m.p('お手数ですが、再送をお願いいたします。')
    own_sig(m, me)
    m.note = 'address only'


@scenario('name-birth', 2)
def s_name_birth(m, k):
    """Quote request with a name and a birth date."""
    rng = m.rng
    me = STAFF['tanaka']
    org = ORGS['himawari']
    send(m, me, [org])
    p = m.person(born=(1950, 1999))
    m.subject = rng.choice(['見積依頼（終身保険）', '設計書作成のお願い'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('下記の条件で設計書の作成をお願いいたします。',
        '被保険者：%s 様（%s）' % (m.name(p), m.birth(p, ['era-abbr', 'era-born'][k - 1])),
        '保険金額：%s　払込期間：%s' % (m.f.yen(rng.choice([3000000, 5000000, 10000000])),
                                  rng.choice(['60歳払済', '終身払'])))
    m.trap('amount')
    own_sig(m, me)
    m.note = 'name and birth date'


@scenario('child-policy', 3)
def s_child_policy(m, k):
    """Education policy for a child: birth dates in the Heisei and Reiwa eras."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'kawaguchi'])]
    org = ORGS['himawari']
    send(m, me, [org])
    parent = m.person(born=(1955, 1965) if k == 3 else (1980, 1992))
    child = m.person(born=[(2019, 2023), (2008, 2018), (1989, 1996)][k - 1])
    child.sei, child.sei_kana = parent.sei, parent.sei_kana
    m.subject = rng.choice(['学資保険の設計書作成のお願い', 'こども保険 見積のご依頼'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    if k == 3:
        m.subject = '保険料払込免除の条件について'
        m.p('契約者変更（親から子へ）のご相談です。新契約者は%s 様（%s）、' % (
            m.name(child), m.birth(child, 'era-abbr')),
            '旧契約者は%s 様（%s）です。' % (m.name(parent), m.birth(parent, 'era')))
    else:
        m.p('下記の条件で設計書をお願いいたします。')
        m.kv([('契約者', '%s 様（%s）' % (m.name(parent), m.birth(parent, 'era'))),
              ('被保険者', '%s 様（%s）' % (m.name(child), m.birth(child, rng.choice(['era', 'era-born'])))),
              ('満期', '%d歳満期' % rng.choice([17, 18, 22])),
              ('受取総額', m.f.yen(rng.choice([2000000, 3000000])))])
        m.trap('amount')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'birth dates in Heisei/Reiwa'


@scenario('reply-customer', 3)
def s_reply_customer(m, k):
    """Reply to a customer that quotes the customer's own data back."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'kawaguchi'])]
    p = m.person()
    send(m, me, [p], cc_manager=0.5)
    m.subject = rng.choice(['Re: 引越しのご連絡', 'Re: 住所が変わりました', 'Re: 連絡先変更について'])
    m.reply_to_id = '<%s@%s>' % ('%012x' % rng.getrandbits(48), 'mail.gmail.com')
    m.p(*cust_greet(m, p))
    m.p(*opening(m, me, 'customer'))
    m.p('ご連絡ありがとうございます。以下の内容で変更手続きを承りました。',
        '手続き完了まで1〜2週間ほどお時間をいただきます。')
    own_sig(m, me)
    q = Blocks()
    q.p('%s様' % me.surname)
    q.p('いつもお世話になっております。', '自動車保険の契約者の%sです。' % m.name(p))
    q.p('先月、下記に引っ越しましたので、住所変更をお願いします。',
        m.postal(p), m.address(p),
        '電話番号も変わりました：' + m.home(p))
    if k == 3:
        q.p('携帯は変わらず %s です。' % m.mobile(p))
    q.p('よろしくお願いいたします。', p.sei)
    when = m.when - datetime.timedelta(days=1, hours=rng.randint(1, 5))
    m.body.quote(q, '%s(%s) %d:%02d に頂いたメール：' % (when.strftime('%Y/%m/%d'),
                                                  WEEKDAYS[when.weekday()], when.hour, when.minute))
    m.note = 'customer data quoted back to the customer'


@scenario('fwd-inquiry', 3)
def s_fwd_inquiry(m, k):
    """Customer's inquiry forwarded to the insurer."""
    rng = m.rng
    me = STAFF['tanaka']
    org = ORGS[rng.choice(['aozora', 'himawari'])]
    send(m, me, [org])
    p = m.person()
    m.subject = 'Fw: ' + rng.choice(['保険金の請求について', '契約内容の確認', '事故の相談'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('お客様から下記のお問い合わせがありましたので、転送いたします。',
        'ご回答内容をご教示いただけますでしょうか。')
    own_sig(m, me)
    inner = Blocks()
    inner.p('さくら保険サービス', '%s様' % me.surname)
    inner.p('お世話になっております。%sです。' % m.name(p))
    inner.p('証券番号 %s の保険について質問があります。' % m.policy_number(),
            rng.choice(['先日、駐車場で車をこすってしまったのですが、保険は使えますか。',
                        '来月から息子も運転するのですが、年齢条件の変更は必要でしょうか。',
                        '解約した場合、返戻金はいくらくらいになりますか。']))
    inner.p('お手数ですが、%s までご連絡ください。' % (m.mobile(p) if k != 2 else m.email(p)))
    when = m.when - datetime.timedelta(hours=rng.randint(2, 30))
    inner_hdr = ['From: %s様' % p.sei,
                 'Sent: %s' % email.utils.format_datetime(when),
                 'To: %s <%s>' % (me.name, me.mail),
                 'Subject: ' + m.subject[4:]]
    m.body.fwd(rng.choice(['-------- Forwarded Message --------', '-----Original Message-----',
                           '---------- 転送メッセージ ----------']), inner_hdr, inner)
    m.note = 'forwarded customer inquiry'


@scenario('fwd-private', 2)
def s_fwd_private(m, k):
    """Staff forwards a customer list to a private free-mail address."""
    rng = m.rng
    me = STAFF[['tanaka', 'kawaguchi'][k - 1]]
    priv = '%s.%s%d@%s' % (me.key, rng.choice(['home', 'private', 'pc']), rng.randint(1, 99),
                           rng.choice(['gmail.com', 'yahoo.co.jp']))
    m.frm = (me.name, me.mail)
    m.to = [('', priv)]
    m.subject = rng.choice(['自宅作業用', '明日の訪問リスト', 'fw: 訪問予定'])
    m.p('明日の直行訪問分。')
    lines = []
    for p in m.people(3):
        lines += ['■' + m.name(p) + ' 様', '　' + m.address(p, pref=False),
                  '　TEL ' + (m.home(p) if rng.random() < 0.5 else m.mobile(p))]
    m.p(*lines)
    m.note = 'customer list to a private mailbox'


@scenario('internal', 8)
def s_internal(m, k):
    """Customer data in mail between staff only: pii.* without body.pii."""
    rng = m.rng
    a, b = [('tanaka', 'suzuki'), ('suzuki', 'tanaka'), ('morimoto', 'kanri'), ('suzuki', 'kanri'),
            ('takada', 'suzuki'), ('kawaguchi', 'tanaka'), ('morimoto', 'suzuki'),
            ('takada', 'kanri')][k - 1]
    me, you = STAFF[a], STAFF[b]
    m.frm = (me.name, me.mail)
    m.to = [(you.name, you.mail)]
    if rng.random() < 0.4 and you is not MANAGER:
        m.cc = [(MANAGER.name, MANAGER.mail)]
    p = m.person()
    m.p(you.surname + 'さん')
    m.trap('greeting')
    m.p(*opening(m, me, 'internal'))
    if k == 1:
        m.subject = '申込書のチェックをお願いします'
        m.p('下記のお客様の申込書、記入内容の確認をお願いします。')
        m.kv([('契約者', m.name(p)), ('生年月日', m.birth(p)),
              ('住所', m.postal(p) + ' ' + m.address(p)), ('電話', m.mobile(p))])
    elif k == 2:
        m.subject = '本日の訪問結果'
        m.p(*['・%s 様（%s）　%s' % (m.name(q), m.home(q), rng.choice(['継続OK', '検討中', '不在']))
              for q in m.people(3)])
    elif k == 3:
        m.subject = 'マイナンバー収集状況'
        m.p('扶養控除申告書と一緒に回収したマイナンバーです。金庫保管分と照合済みです。',
            '　%s　個人番号：%s' % (m.name(p), m.pii('pii.mynumber', m.f.mynumber(make_mynumber(rng)))))
    elif k == 4:
        m.subject = 'カード変更の件（控え）'
        m.p('電話で受けたカード変更の内容です。保険会社への連絡は明日行います。',
            '%s 様　カード番号 %s　有効期限 %02d/%02d' % (
                m.name(p), m.pii('pii.credit_card', m.f.card(make_card(rng, 'master'))),
                rng.randint(1, 12), rng.randint(26, 29)))
    elif k == 5:
        m.subject = '給付金請求の進捗'
        m.p('%s 様の件、保険会社から診断書の追加提出を求められています。' % m.name(p),
            say_sensitive(m, p, 1))
    elif k == 6:
        m.subject = '海外赴任者の保険の件'
        m.p('%s 様のパスポート番号は %s です。在留カードをお持ちのご家族（%s）もいらっしゃいます。' % (
            m.name(p), m.pii('pii.passport', passport_number(m)),
            m.pii('pii.residence_card', residence_card(m))))
    elif k == 7:
        m.subject = '資格取得届の控え'
        m.p('新入社員 %s さんの情報です。' % m.name(p),
            '基礎年金番号：' + m.pii('pii.pension_number', '%s-%s' % (digits(rng, 4, '12'), digits(rng, 6))),
            '健康保険証 記号 %s' % m.pii('pii.health_insurance', '%s 番号 %d' % (
                digits(rng, 5, '123456789'), rng.randint(1, 999))))
    else:
        m.subject = '返戻金振込先（社内確認用）'
        lines, _ = bank_account(m, p)
        m.p('%s 様の振込先です。保険会社への送付前にダブルチェックをお願いします。' % m.name(p), *lines)
    m.p('よろしくお願いします。')
    if rng.random() < 0.5:
        own_sig(m, me, 'dashdash')
    m.note = 'internal only'


@scenario('inbound-customer', 4)
def s_inbound_customer(m, k):
    """Customer writes to the agency about themself (inbound)."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'kawaguchi', 'takada'])]
    p = m.person()
    m.frm = (p.name, p.email)
    m.to = [(me.name, me.mail)]
    m.p('さくら保険サービス', me.surname + '様')
    m.trap('greeting')
    m.p('お世話になっております。%sです。' % m.name(p))
    if k == 1:
        m.subject = '住所変更のお願い'
        m.p('引っ越しましたので、住所変更をお願いします。',
            '新住所：' + m.postal(p) + ' ' + m.address(p), '電話：' + m.mobile(p))
    elif k == 2:
        m.subject = '事故の報告'
        lic = make_licence(rng, '30', p.birth.year + 20)
        m.p('昨日、駐車場で接触事故を起こしてしまいました。',
            '私の免許証番号は %s です。相手の方の連絡先は控えてあります。' % m.pii('pii.drivers_license', lic))
    elif k == 3:
        m.subject = '入院のご連絡'
        m.p(sensitive(m, '実は先週から肺炎で入院しております。退院は来週の予定です。', '肺炎で入院'),
            '給付金の請求について教えてください。')
    else:
        m.subject = '返金先の口座'
        lines, _ = bank_account(m, p)
        m.p('返金の振込先は以下でお願いします。', *lines)
    m.p('よろしくお願いします。')
    m.note = 'inbound from a customer'


@scenario('inbound-insurer', 2)
def s_inbound_insurer(m, k):
    """Insurer sends customer data to the agency (inbound)."""
    rng = m.rng
    me = STAFF['suzuki']
    org = ORGS['aozora-svc' if k == 1 else 'himawari-claim']
    m.frm = (org.person, org.mail)
    m.to = [(me.name, me.mail)]
    p = m.person()
    m.p('株式会社さくら保険サービス', '鈴木 様')
    m.trap('greeting')
    m.p('いつもお世話になっております。', '%s %sの%sです。' % (org.name, org.dept, org.surname))
    if k == 1:
        m.subject = 'ご照会の契約内容について（回答）'
        m.p('ご照会いただいた契約内容は以下のとおりです。')
        m.kv([('証券番号', m.policy_number()), ('契約者', m.name(p)), ('生年月日', m.birth(p)),
              ('住所', m.postal(p) + ' ' + m.address(p))])
    else:
        m.subject = '給付金お支払いのご案内'
        m.p('%s 様の入院給付金につきまして、下記のとおりお支払いいたしました。' % m.name(p),
            sensitive(m, '支払事由：右大腿骨頸部骨折による入院（14日間）', '右大腿骨頸部骨折による入院'),
            *bank_account(m, p)[0])
    m.body.sig(org_sig(m, org))
    m.note = 'inbound from an insurer'


@scenario('attach-list', 3)
def s_attach_list(m, k):
    """Customer data only in a text attachment: pii.* but not body.pii."""
    rng = m.rng
    me = STAFF[['tanaka', 'morimoto', 'tanaka'][k - 1]]
    org = ORGS[['aozora', 'zeirishi', 'travel'][k - 1]]
    send(m, me, [org])
    af = Fmt(rng, 'shift_jis')
    at = lambda cat, v: m.pii(cat, v, 'attachment')
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    people = m.people(5 if k == 1 else 3)
    if k == 1:
        m.subject = '更改対象のお客様リスト（%d月満期分）' % m.day(40).month
        rows = ['証券番号,契約者名,フリガナ,生年月日,郵便番号,住所,電話番号']
        for p in people:
            rows.append(','.join([
                at('pii.policy_number', '%s-%s-%s' % (digits(rng, 4, '1234'), digits(rng, 6), digits(rng, 1))),
                at('pii.name', p.name), at('pii.name', p.kana),
                at('pii.birthdate', af.birth(p.birth, 'slash')),
                at('pii.postal_code', p.postal), at('pii.address', af.address(p, 'hyphen', building=False)),
                at('pii.phone', af.phone(p.home, 'ascii'))]))
        m.attachments.append(('更改対象リスト.csv', 'text/csv', 'Shift_JIS', 'shift_jis',
                              '\n'.join(rows) + '\n'))
        m.p('%d月満期のお客様リストを添付いたします。' % m.day(40).month,
            '添付ファイルのパスワードは、別途お送りいたします。')
    elif k == 2:
        m.subject = '扶養親族の追加について（資料送付）'
        rows = ['氏名,続柄,個人番号']
        for p in people:
            rows.append('%s,%s,%s' % (at('pii.name', p.name), rng.choice(['本人', '配偶者', '子']),
                                      at('pii.mynumber', make_mynumber(rng))))
        m.attachments.append(('扶養親族一覧.csv', 'text/csv', 'Shift_JIS', 'shift_jis',
                              '\n'.join(rows) + '\n'))
        m.p('扶養親族の追加分について、一覧を添付いたします。', 'ご確認をお願いいたします。')
    else:
        m.subject = '渡航者リストの送付'
        lines = ['渡航者リスト', '']
        for p in people:
            lines.append('%s　%s　旅券番号 %s' % (at('pii.name', p.roman),
                                                at('pii.birthdate', af.birth(p.birth, 'slash')),
                                                at('pii.passport', passport_number(m))))
        m.attachments.append(('渡航者リスト.txt', 'text/plain', 'UTF-8', 'utf-8', '\n'.join(lines) + '\n'))
        m.p('添付の通り、%s 様ほか%d名分です。' % (m.name(people[0]), len(people) - 1))
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'data only in the attachment'


@scenario('bcc-private', 1)
def s_bcc_private(m, k):
    """External recipient only in a Bcc header."""
    rng = m.rng
    me, you = STAFF['kawaguchi'], STAFF['suzuki']
    m.frm = (me.name, me.mail)
    m.to = [(you.name, you.mail)]
    m.bcc = [('', 'sho.kawa%d@gmail.com' % rng.randint(10, 99))]
    p = m.person()
    m.subject = '明日の訪問先'
    m.p('鈴木さん', '')
    m.trap('greeting')
    m.p('明日の訪問先です。不在時の対応をお願いします。',
        '%s 様　%s　%s' % (m.name(p), m.address(p, pref=False), m.mobile(p)))
    m.note = 'Bcc to a private mailbox'


@scenario('rcpt-envelope', 2)
def s_rcpt_envelope(m, k):
    """Envelope from the scan arguments overrides the headers."""
    rng = m.rng
    me, you = STAFF['tanaka'], STAFF['suzuki']
    p = m.person()
    m.frm = (me.name, me.mail)
    if k == 1:
        m.to = [(you.name, you.mail)]
        priv = 'ichiro.t%d@yahoo.co.jp' % rng.randint(1, 99)
        m.args = ['--from', me.mail, '--rcpt', you.mail, '--rcpt', priv]
        m.subject = '見積もり依頼の内容'
        m.note = 'envelope adds an external recipient'
    else:
        org = ORGS['aozora']
        m.to = [(org.person, org.mail)]
        m.args = ['--from', me.mail, '--rcpt', MANAGER.mail]
        m.subject = '承認のお願い（送信前確認）'
        m.note = 'headers name an insurer, envelope is internal only'
    m.p('%s 様の見積条件です。' % m.name(p),
        '生年月日：%s　連絡先：%s' % (m.birth(p), m.mobile(p)))
    own_sig(m, me, 'dashdash')


MINUTES_REPORTS = {
    '営業一課': ['自動車保険の新規は{n1}件、うち他社からの切替が{n2}件でした。',
             '法人のお客様向けに、サイバー保険の提案を{n3}社で実施しています。',
             '満期案内の未着による問い合わせが{n2}件あり、郵送から電子交付への切替を進めています。',
             '紹介案件の成約率は{p}%で、前月より改善しました。',
             '新規見込み客リストの整理を今月中に終える予定です。'],
    '営業二課': ['火災保険は長期契約の更改時期にあたり、{n1}件の案内を完了しました。',
             '水災補償の付帯率が{p}%に下がっており、説明の徹底が必要です。',
             '地震保険の料率改定について、お客様向けの説明資料を作成中です。',
             '住宅ローン提携先の不動産会社{n3}社を訪問しました。',
             '賃貸物件の家財保険は、管理会社経由の申込が増えています。'],
    '横浜支店': ['来店型の相談窓口の利用は月{n1}件で、土曜日の予約が多い状況です。',
             '生命保険の見直し相談が増えており、FP資格者の応援を依頼したいとのことです。',
             '支店の複合機の入替は{d}に実施予定です。',
             '地元商工会のセミナーで事業承継と保険について講演しました。',
             '支店の営業時間変更について、お客様への周知文を準備しています。'],
    '契約管理課': ['申込書の不備率は{p}%で、記入漏れの多い項目は「職業」と「告知日」でした。',
              '電子申込の割合が全体の{p}%まで増えています。',
              '保険会社からの照会{n2}件は、すべて期限内に回答済みです。',
              '書類保管庫の棚卸しを{d}に実施します。',
              '口座振替依頼書の返送遅れが目立つため、督促の手順を見直します。'],
    '損害サービス課': ['事故受付は{n1}件、うち車両事故が{n2}件でした。',
                '台風シーズンに備え、大規模災害時の受付体制を保険会社と確認しました。',
                '示談交渉の長期化案件が{n3}件あり、月次で進捗を確認しています。',
                '事故受付から初動連絡までの時間は、平均{n2}時間でした。',
                'ロードサービスの利用案内をお客様向けに改訂しました。'],
}

MINUTES_COMMON = [
    ('コンプライアンス', ['意向把握・確認書面の記入漏れが{n3}件ありました。各自確認をお願いします。',
                  '社外宛メールでは、本文に個人情報を記載せず、パスワード付きの添付ファイルを使うこと。',
                  '社外宛メールは必ず管理者をCCに入れてください。フリーメールの業務利用は禁止です。',
                  '募集人の資格更新（{d}期限）の対象者は3名です。']),
    ('システム', ['代理店システムのバージョンアップ（Ver.{v}）が{d}に予定されています。',
              '先週発生したメールサーバの障害対応は完了し、障害報告書を共有フォルダに保存しました。',
              'パスワードの定期変更をお忘れなく。']),
    ('研修・その他', ['{d}に新商品の勉強会を開催します（会場：本社会議室、14:00〜16:00）。',
                '夏季休暇の取得予定は月末までに総務部へ提出してください。',
                '来期の予算案について、各課の意見を集約中です。']),
]


def minutes_text(m):
    """Ordinary meeting-minutes text: numbers, dates and words that are not personal data."""
    rng = m.rng

    def fill(line):
        return line.format(n1=rng.randint(20, 180), n2=rng.randint(2, 19), n3=rng.randint(2, 9),
                           p=rng.randint(5, 95), d=jdate(m.day(rng.randint(5, 30))),
                           v='%d.%d.%d' % (rng.randint(3, 5), rng.randint(0, 9), rng.randint(0, 20)))
    out = ['1．前月実績']
    for prod in ['自動車保険', '火災保険', '傷害保険', '医療保険', 'がん保険', '個人年金保険']:
        n = rng.randint(8, 180)
        out.append('　・%s：%d件　%s（前年比 %d%%）' % (prod, n, m.f.yen(n * rng.randint(20, 90) * 1000),
                                                rng.randint(80, 125)))
    out += ['', '2．各課報告']
    for team, lines in MINUTES_REPORTS.items():
        out.append('（%s）' % team)
        out += ['　・' + fill(l) for l in rng.sample(lines, 3)]
    for i, (title, lines) in enumerate(MINUTES_COMMON, 3):
        out += ['', '%d．%s' % (i, title)] + ['　・' + fill(l) for l in lines]
    m.trap('minutes-filler')
    return out


@scenario('minutes-long', 2, plans=['jis', 'sjis-8bit'])
def s_minutes_long(m, k):
    """Long meeting minutes with one customer case in them."""
    rng = m.rng
    me = STAFF['tanaka']
    p = m.person()
    if k == 1:
        org = ORGS['aozora']
        send(m, me, [org], cc_manager=1.0)
        m.subject = '代理店連絡会 議事録（%d月度）' % m.when.month
        m.p(*greet_org(m, org))
        m.p(*opening(m, me))
        m.p('先日の代理店連絡会の議事録をお送りいたします。内容をご確認ください。')
    else:
        m.frm = (me.name, me.mail)
        m.to = [('営業部', 'eigyo@' + FIRM_DOMAIN)]
        m.cc = [(MANAGER.name, MANAGER.mail)]
        m.subject = '営業会議 議事録（%s）' % jdate(m.day(-1), weekday=False)
        m.p('営業部各位')
        m.p(*opening(m, me, 'internal'))
        m.p('先日の営業会議の議事録です。')
    m.p('日時：%s 10:00〜12:00' % jdate(m.day(-1), year=True),
        '出席：大西部長、田中、鈴木、高田、川口（横浜支店よりWeb参加）')
    m.trap('meeting-date')
    m.p(*minutes_text(m))
    m.p('【個別案件】',
        '　・事故案件：%s 様（証券番号 %s）、相手方との示談交渉中。' % (m.name(p), m.policy_number()),
        '　　次回報告は来週の予定。')
    m.p('次回は%sの予定です。' % jdate(m.day(28)))
    own_sig(m, me)
    m.note = 'long minutes with one customer case'


def attribution(when, name, addr):
    return '%d年%d月%d日(%s) %d:%02d %s <%s>:' % (when.year, when.month, when.day,
                                             WEEKDAYS[when.weekday()], when.hour, when.minute,
                                             name, addr)


@scenario('thread', 2, plans=['jis', 'utf8-b64'])
def s_thread(m, k):
    """A long thread with three levels of quotes and both sides' signatures."""
    rng = m.rng
    me = STAFF['takada' if k == 1 else 'tanaka']
    org = ORGS['chosa' if k == 1 else 'insatsu']
    send(m, me, [org], cc_manager=1.0)
    times = [datetime.datetime.combine(m.day(d), datetime.time(h, rng.randint(0, 59)))
             for d, h in ((-3, 10), (-2, 11), (-1, 15))]
    if k == 1:
        p = m.person()
        pol = m.policy_number()
        base = 'Re: 事故調査のご依頼'
        first = Blocks()
        first.p(*greet_org(m, org))
        first.p(*opening(m, me))
        first.p('下記事故につき、損害調査をお願いいたします。')
        first.kv([('証券番号', pol), ('記名被保険者', m.name(p) + ' 様'),
                  ('事故日', jdate(m.day(-10))), ('事故状況', '交差点で出会い頭に衝突')],
                 style='colon')
        first.p(sensitive(m, '%s様は事故で右手首を骨折し、現在も整形外科に通院中です。' % p.sei,
                          '右手首を骨折'))
        first.p('よろしくお願いいたします。')
        own_sig(m, me)
        first.append(m.body.pop())
        second = Blocks()
        second.p('株式会社さくら保険サービス', '%s 様' % me.surname)
        second.p('お世話になっております。%sの%sです。' % (org.name, org.surname))
        second.p('ご依頼ありがとうございます。調査を開始いたします。',
                 '現場の写真と、ドライブレコーダーの映像があればご提供いただけますでしょうか。',
                 'また、相手方の保険会社が分かりましたら教えてください。')
        second.sig(org_sig(m, org))
        third = Blocks()
        third.p('%s 様' % org.surname)
        third.p('ご連絡ありがとうございます。',
                'ドライブレコーダーの映像はお客様から受領済みですので、本日ファイル便でお送りします。',
                '相手方の保険会社は、現在お客様を通じて確認中です。')
        own_sig(m, me)
        third.append(m.body.pop())
        m.p(*greet_org(m, org))
        m.p(*opening(m, me))
        m.p('相手方の保険会社が分かりましたのでご連絡いたします。',
            '先方の担当者から、本日中に御社へご連絡いただけるとのことです。',
            '引き続きよろしくお願いいたします。')
        m.note = 'long thread; customer data in the oldest quote'
    else:
        base = 'Re: 名刺の追加発注について'
        first = Blocks()
        first.p(*greet_org(m, org))
        first.p(*opening(m, me))
        first.p('名刺の追加発注をお願いいたします。',
                '　品番：SKH-%04d　数量：各100枚　対象：営業部5名分' % rng.randint(1, 9999),
                '版下は前回（注文番号 PO-%s-%03d）と同じで、肩書のみ変更です。' % (
                    (m.when - datetime.timedelta(days=40)).strftime('%Y%m%d'), rng.randint(1, 999)))
        own_sig(m, me)
        first.append(m.body.pop())
        second = Blocks()
        second.p('株式会社さくら保険サービス', '%s 様' % me.surname)
        second.p('いつもお世話になっております。%sの%sです。' % (org.name, org.surname))
        second.p('ご発注ありがとうございます。校正データを%sまでにお送りします。' % jdate(m.day(-1)),
                 '納品は校了後3営業日となります。')
        second.sig(org_sig(m, org))
        third = Blocks()
        third.p('%s 様' % org.surname)
        third.p('校正データを確認しました。1点だけ修正をお願いします。',
                '裏面の英語表記の住所を「Kyobashi 4-12-9, Chuo-ku, Tokyo 104-0031」に変更してください。')
        m.trap('own-address-body')
        own_sig(m, me)
        third.append(m.body.pop())
        m.p(*greet_org(m, org))
        m.p(*opening(m, me))
        m.p('修正版の校正データ、問題ございません。こちらで校了とさせてください。',
            '納品先は弊社本社（%s）でお願いいたします。' % FIRM['honten'][1])
        m.trap('own-address-body')
        m.note = 'long thread, signatures only'
    second.quote(first, attribution(times[0], me.name, me.mail))
    third.quote(second, attribution(times[1], org.person, org.mail))
    if k == 2:
        m.p(*closing(m))
    own_sig(m, me)
    m.body.quote(third, attribution(times[2], me.name, me.mail))
    for t in ('attribution', 'partner-signature', 'quoted-own-signature'):
        m.trap(t)
    m.subject = base


@scenario('group-enrol', 2)
def s_group_enrol(m, k):
    """Group insurance enrolment list for a corporate customer's staff."""
    rng = m.rng
    me = STAFF['tanaka']
    org = ORGS['kokyaku']
    send(m, me, [org])
    m.subject = rng.choice(['団体保険 新規加入者の確認', '加入者名簿の確認のお願い'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('今年度の団体保険の新規加入者について、内容のご確認をお願いいたします。')
    lines = ['社員番号　氏名　　　　生年月日　　　加入口数']
    for p in m.people(3 + k):
        lines.append('%s　%s　%s　%d口' % (m.trap('employee-number', 'K%05d' % rng.randint(1, 99999)),
                                         m.name(p), m.birth(p, 'slash'), rng.randint(1, 5)))
    m.p(*lines)
    m.p('修正がございましたら、%sまでにご連絡ください。' % jdate(m.day(7)))
    m.trap('deadline-date')
    own_sig(m, me)
    m.note = 'group insurance enrolment list'


@scenario('typed-forms', 7, plans=['utf8-qp', 'utf8-b64', 'jis', 'sjis-8bit', 'euc-8bit',
                                    'utf8-8bit', 'alt-utf8-b64'])
def s_typed_forms(m, k):
    """Customer details copied as the customer typed them: odd hyphens, full-width digits."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'suzuki', 'kawaguchi'])]
    org = ORGS[rng.choice(['aozora-svc', 'himawari'])]
    send(m, me, [org])
    h = ['‑', '－', '‐', '−', 'ー', '―', ' '][k - 1]
    wide = k % 2 == 0
    d = (lambda x: fw(x)) if wide else (lambda x: x)
    sep = lambda groups: h.join(d(g) for g in groups)
    p = m.person()
    m.subject = rng.choice(['お客様情報の転記（申込書不備分）', 'ご契約者情報の修正依頼', '申込内容の補記'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('申込書の記入漏れについて、お客様からメールで頂いた内容をそのまま転記いたします。')
    phone = sep(p.mobile) if k != 7 else '+81 %s %s %s' % (p.mobile[0][1:], p.mobile[1], p.mobile[2])
    home = sep(p.home)
    addr = p.pref + p.city + p.town + sep([str(x) for x in p.addr_nums])
    lines = ['お名前：' + m.name(p), 'フリガナ：' + m.name(p, kana=True),
             '郵便番号：' + m.pii('pii.postal_code', sep(p.postal.split('-'))),
             '住所：' + m.pii('pii.address', addr),
             '電話（自宅）：' + m.pii('pii.phone', home),
             '携帯：' + m.pii('pii.phone', phone)]
    if k in (2, 5):
        lines.append('生年月日：' + m.pii('pii.birthdate', sep(['%d' % p.birth.year, '%02d' % p.birth.month,
                                                          '%02d' % p.birth.day])))
    m.p(*['　' + l for l in lines])
    m.p('以上の内容で、申込書の補記をお願いいたします。')
    own_sig(m, me)
    m.note = 'numbers typed with separator U+%04X' % ord(h)


@scenario('passport-visa', 2)
def s_passport_visa(m, k):
    """Passport details for a business trip."""
    rng = m.rng
    me = STAFF['tanaka']
    org = ORGS['travel']
    send(m, me, [org])
    p = m.person(born=(1960, 1995))
    m.subject = rng.choice(['出張者の旅券情報について', 'ビザ申請書類の件'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('来月の海外出張に伴う保険手配のため、出張者の旅券情報をお知らせします。')
    num = passport_number(m)
    if k == 1:
        m.p('%s（%s）　パスポート：%s' % (m.name(p), m.pii('pii.name', p.roman), m.pii('pii.passport', num)))
    else:
        m.kv([('氏名', m.pii('pii.name', p.roman)), ('旅券番号', m.pii('pii.passport', fw(num))),
              ('発行日', '%d年%d月%d日' % (rng.randint(2019, 2023), rng.randint(1, 12), rng.randint(1, 28)))])
        m.trap('issue-date-not-birth')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'passport number'


@scenario('inbound-partner', 4)
def s_inbound_partner(m, k):
    """Partners send identifiers of their staff or customers to the agency (inbound)."""
    rng = m.rng
    org = ORGS[['kokyaku', 'sharoushi', 'kokyaku', 'car'][k - 1]]
    me = STAFF[['tanaka', 'morimoto', 'morimoto', 'kawaguchi'][k - 1]]
    m.frm = (org.person, org.mail)
    m.to = [(me.name, me.mail)]
    p = m.person()
    m.p('株式会社さくら保険サービス', '%s 様' % me.surname)
    m.trap('greeting')
    m.p('いつもお世話になっております。', '%sの%sです。' % (org.name, org.surname))
    if k == 1:
        roman, kana, nation = FOREIGN[rng.randrange(len(FOREIGN))]
        m.subject = '外国籍社員の団体保険加入について'
        m.p('来月入社する社員の情報です。団体保険への加入をお願いします。',
            '氏名：%s（%s）' % (m.pii('pii.name', roman), m.pii('pii.name', kana)),
            '在留カード番号：' + m.pii('pii.residence_card', residence_card(m)))
    elif k == 2:
        m.subject = '資格取得届の控え送付'
        m.p('ご依頼の資格取得届を提出しました。控えの内容です。',
            '氏名：%s　基礎年金番号：%s' % (m.name(p), m.pii('pii.pension_number', '%s-%s' % (
                digits(rng, 4, '12'), digits(rng, 6)))))
    elif k == 3:
        m.subject = '保険証番号のご連絡'
        m.p('ご依頼のあった社員の健康保険証の情報です。',
            '%s　被保険者証 記号 %s 番号 %d' % (m.name(p), m.pii('pii.health_insurance', digits(rng, 6, '123456789')),
                                          rng.randint(1, 999)))
    else:
        m.subject = 'ご成約のお客様の免許証情報'
        m.p('納車予定のお客様の免許証番号です。保険の手配をお願いします。',
            '%s 様　運転免許証番号 %s' % (m.name(p), m.pii('pii.drivers_license', make_licence(rng, '30'))))
    m.body.sig(org_sig(m, org))
    m.note = 'inbound from a partner'


# ---------------------------------------------------------------------------
# Scenarios without customer data: the traps
# ---------------------------------------------------------------------------

def slots(m, n=3):
    rng = m.rng
    out = []
    for i, off in enumerate(sorted(rng.sample(range(3, 15), n)), 1):
        h = rng.choice([10, 11, 13, 14, 15, 16])
        out.append('　(%d) %s %d:%02d〜%d:%02d' % (i, jdate(m.day(off)), h, rng.choice([0, 30]),
                                                  h + 1, rng.choice([0, 30])))
    m.trap('meeting-date')
    return out


@scenario('meeting', 7)
def s_meeting(m, k):
    """Arranging a meeting: dates, times, venues, URLs."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'kawaguchi', 'suzuki', 'kanri'])]
    org = ORGS[rng.choice(['aozora', 'himawari', 'partner', 'kokyaku', 'car', 'it'])]
    send(m, me, [org], cc_manager=0.7)
    m.subject = rng.choice(['次回お打ち合わせ日程のご相談', '【日程調整】定例会議について', '来週のご訪問について',
                            'お打ち合わせのお礼と次回日程'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('先日はお忙しいところお時間をいただき、ありがとうございました。',
        '次回のお打ち合わせですが、下記の日程でご都合はいかがでしょうか。')
    m.p(*slots(m))
    place = k % 4
    if place == 0:
        m.p('場所：弊社 会議室（%s）' % FIRM['honten'][1])
        m.trap('own-address-body')
    elif place == 1:
        m.p('場所：御社（%s）にお伺いいたします。' % org.addr.split(' ', 1)[1])
        m.trap('org-address-body')
    elif place == 2:
        mid = ''.join(rng.choice('0123456789') for _ in range(11))
        m.p('オンライン（Web会議）で実施いたします。',
            'URL：https://meet.sakura-hoken.example/j/%s?pwd=%s' % (mid, ''.join(
                rng.choice('abcdefghijkmnpqrstuvwxyz23456789') for _ in range(12))),
            'ミーティングID：%s %s %s' % (mid[:3], mid[3:7], mid[7:]))
        m.trap('url-number')
    else:
        m.p('場所：御社 本社 %dF 会議室' % rng.randint(2, 12))
    m.p('資料は前日までに%sでお送りします（2024年度 販売計画 Ver.%d.%d）。' % (
        rng.choice(['メール', 'ファイル共有サービス']), rng.randint(1, 3), rng.randint(0, 9)))
    m.trap('version')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'meeting dates and venue, signature'


PARTNER_TOPICS = [
    ('商品改定のご案内について', ['%d月1日始期契約より、自動車保険の料率改定が実施されます。',
                         '代理店向け説明会は%sに開催予定です。']),
    ('代理店手数料の件', ['%d月分の代理店手数料の明細をお送りします。',
                   'ご不明点は%sまでにお問い合わせください。']),
    ('研修のご案内', ['%d月の募集人研修のご案内です。',
                 '申込締切は%sとなっております。']),
    ('キャンペーンについて', ['%d月から新規契約キャンペーンを実施いたします。',
                     '詳細は%sに配信予定の資料をご確認ください。']),
]


@scenario('partner-reply', 7)
def s_partner_reply(m, k):
    """Reply to a partner, quoting the partner's mail and signature."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'suzuki', 'kawaguchi'])]
    org = ORGS[rng.choice(['aozora', 'himawari', 'partner', 'insatsu', 'car', 'travel', 'sharoushi'])]
    send(m, me, [org])
    topic, lines = rng.choice(PARTNER_TOPICS)
    m.subject = 'Re: ' + topic
    m.reply_to_id = '<%s.%08x@%s>' % (m.when.strftime('%Y%m%d'), rng.getrandbits(32), org.domain)
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('ご連絡ありがとうございます。承知いたしました。',
        rng.choice(['社内で共有のうえ、対応いたします。', '当日は2名で参加させていただきます。',
                    '内容を確認し、改めてご連絡いたします。']))
    m.p(*closing(m))
    own_sig(m, me)
    q = Blocks()
    q.p('株式会社さくら保険サービス', me.name + ' 様')
    q.p('いつもお世話になっております。', '%sの%sです。' % (org.name, org.surname))
    q.p(lines[0] % m.day(30).month, lines[1] % jdate(m.day(rng.randint(7, 20))))
    q.p('何卒よろしくお願い申し上げます。')
    q.sig(org_sig(m, org))
    when = (m.when - datetime.timedelta(days=rng.randint(0, 2))).replace(
        hour=rng.randint(9, 17), minute=rng.randint(0, 59))
    m.body.quote(q, '%d年%d月%d日(%s) %d:%02d %s <%s>:' % (
        when.year, when.month, when.day, WEEKDAYS[when.weekday()], when.hour, when.minute,
        org.person, org.mail))
    m.trap('attribution')
    if k % 3 == 0:
        m.trap('partner-mobile-quoted')
    m.note = 'quoted partner signature'


@scenario('print-order', 3)
def s_print_order(m, k):
    """Print order: order numbers, product codes, JAN codes, amounts, own address."""
    rng = m.rng
    me = STAFF['tanaka']
    org = ORGS['insatsu']
    send(m, me, [org], cc_manager=0.5)
    m.subject = rng.choice(['パンフレット印刷の発注', '封筒・名刺の追加発注', 'ご注文内容の確認'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('下記のとおり発注いたします。')
    jan = jan13('49' + digits(rng, 10))
    pairs = [('注文番号', 'PO-%s-%03d' % (m.when.strftime('%Y%m%d'), rng.randint(1, 999))),
             ('品名', rng.choice(['会社案内パンフレット（A4・8P）', '長形3号封筒（社名入り）', '名刺（両面カラー）'])),
             ('品番', 'SKH-%04d-%04d' % (rng.randint(1, 9999), rng.randint(1, 9999))),
             ('部数', '{:,}部'.format(rng.choice([500, 1000, 3000, 5000]))),
             ('金額', m.f.yen(rng.randint(30, 900) * 1000 + rng.choice([0, 500]))),
             ('JANコード', jan)]
    if k == 2:
        pairs.insert(3, ('型番', '%03d-%04d' % (rng.randint(100, 999), rng.randint(0, 9999))))
        m.trap('product-code-like-postal')
    pairs.append(('納品先', FIRM['honten'][1]))
    pairs.append(('納期', jdate(m.day(10))))
    m.kv(pairs)
    for t in ('order-number', 'product-code', 'amount', 'jan', 'own-address-body', 'deadline-date'):
        m.trap(t)
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'order and product numbers'


def timestamp12(dt):
    """A 12-digit yyyymmddHHMM log stamp that is not a valid My Number."""
    while mynumber_ok(dt.strftime('%Y%m%d%H%M')):
        dt += datetime.timedelta(minutes=1)
    return dt.strftime('%Y%m%d%H%M')


@scenario('delivery', 3)
def s_delivery(m, k):
    """Parcel tracking numbers (12 digits) with their carrier's context."""
    rng = m.rng
    if k == 2:
        org = ORGS['insatsu']
        me = STAFF['tanaka']
        m.frm = (org.person, org.mail)
        m.to = [(me.name, me.mail)]
    else:
        me = STAFF[rng.choice(['suzuki', 'morimoto'])]
        org = ORGS[rng.choice(['aozora-svc', 'partner', 'kokyaku'])]
        send(m, me, [org])
    m.subject = rng.choice(['発送のご連絡', '書類発送のお知らせ', '【発送完了】ご注文品の出荷について'])
    if k == 2:
        m.p('株式会社さくら保険サービス', '田中 様')
        m.p('いつもお世話になっております。', '%sの%sです。' % (org.name, org.surname))
    else:
        m.p(*greet_org(m, org))
        m.p(*opening(m, me))
    t1 = make_tracking(rng) if k != 3 else make_tracking_that_passes_mynumber(rng)
    carrier = rng.choice(['ヤマト運輸', '佐川急便'])
    label = {'ヤマト運輸': 'お問い合わせ伝票番号', '佐川急便': 'お問い合せ送り状No.'}[carrier]
    m.p('本日、%sにて発送いたしました。' % carrier,
        '%s：%s' % (label, m.f.join([t1[0:4], t1[4:8], t1[8:12]], rng.choice(['ascii', 'tight', 'space']))),
        'お届け予定日：%s 午前中' % jdate(m.day(1)))
    m.trap('tracking-number')
    if k == 3:
        m.trap('tracking-passes-mynumber-check')
    if k == 1:
        t2 = make_tracking(rng)
        m.p('別便（日本郵便 レターパック）：追跡番号 %s-%s-%s' % (t2[0:4], t2[4:8], t2[8:12]))
    m.p(*closing(m))
    if k == 2:
        m.body.sig(org_sig(m, org))
    else:
        own_sig(m, me)
    m.note = 'tracking numbers, not My Number'


@scenario('invoice', 3)
def s_invoice(m, k):
    """Invoices: invoice numbers, corporate numbers, corporate bank accounts."""
    rng = m.rng
    corp = corporate_number('%012d' % rng.randrange(10 ** 11, 10 ** 12))
    if k == 1:
        org = ORGS['insatsu']
        me = STAFF['tanaka']
        m.frm = (org.person, org.mail)
        m.to = [(me.name, me.mail)]
        m.subject = '請求書送付のご案内（%d月分）' % m.when.month
        m.p('株式会社さくら保険サービス', '経理ご担当者様')
        m.p('いつもお世話になっております。', '%sの%sでございます。' % (org.name, org.surname))
        m.p('%d月分の請求書をお送りいたします。' % m.when.month)
        m.kv([('請求書番号', 'INV-%s-%05d' % (m.when.year, rng.randint(1, 99999))),
              ('請求金額', m.f.yen(rng.randint(50, 900) * 1000) + '（税込）'),
              ('お支払期限', jdate(m.day(25), weekday=False, year=True)),
              ('振込先', 'はるか銀行 本町支店 普通 %s' % digits(rng, 7, '123456789')),
              ('口座名義', 'カ）インサツワークス'),
              ('登録番号', 'T' + corp)])
        m.body.sig(org_sig(m, org))
        m.trap('corporate-bank-account')
    else:
        me = STAFF['suzuki']
        org = ORGS['kokyaku' if k == 2 else 'partner']
        send(m, me, [org])
        m.subject = rng.choice(['団体保険料のご請求について', '保険料お振込みのお願い'])
        m.p(*greet_org(m, org))
        m.p(*opening(m, me))
        bank, branch, kind, num, holder = FIRM['bank']
        m.p('%d月分の団体保険料について、下記のとおりご請求申し上げます。' % m.when.month,
            '', '　ご請求金額：%s' % m.f.yen(rng.randint(100, 3000) * 1000),
            '　お振込期限：%s' % jdate(m.day(20)),
            '　お振込先　：%s %s %s %s' % (bank, branch, kind, num),
            '　口座名義　：%s' % holder, '',
            '適格請求書発行事業者登録番号：T%s' % corporate_number('%012d' % rng.randrange(10 ** 11, 10 ** 12)),
            '法人番号：%s（御社）' % corp)
        m.trap('own-bank-account')
        own_sig(m, me)
    for t in ('invoice-number', 'corporate-number', 'amount', 'deadline-date'):
        m.trap(t)
    m.note = 'invoice, corporate numbers and accounts'


@scenario('it-outage', 4)
def s_it_outage(m, k):
    """IT outage reports: 障害 that is not a disability, IPs, versions, URLs."""
    rng = m.rng
    org = ORGS['it']
    me = STAFF['noguchi']
    start = m.when - datetime.timedelta(hours=rng.randint(2, 20))
    if k in (1, 3):
        m.frm = (org.person, org.mail)
        m.to = [(me.name, me.mail)]
        if k == 3:
            m.cc = [(MANAGER.name, MANAGER.mail)]
        m.p('株式会社さくら保険サービス', '野口 様')
        m.p('いつもお世話になっております。', '%sの%sです。' % (org.name, org.surname))
    elif k == 2:
        send(m, me, [org])
        m.p(*greet_org(m, org))
        m.p(*opening(m, me))
    else:
        m.frm = (me.name, me.mail)
        m.to = [('全社員', 'all@' + FIRM_DOMAIN)]
        m.p('各位')
        m.p('情報システム担当の野口です。')
    m.subject = rng.choice(['【障害報告】メールサーバ接続障害について', 'システム障害発生のお知らせ',
                            'Re: 障害対応のお願い', '【復旧】ネットワーク障害について'])
    ip1 = '192.168.%d.%d' % (rng.randint(0, 30), rng.randint(2, 250))
    ip2 = '10.%d.%d.%d' % (rng.randint(0, 20), rng.randint(0, 255), rng.randint(2, 250))
    m.p('本日発生したシステム障害について、ご報告いたします。')
    m.kv([('発生日時', '%s %d:%02d' % (start.strftime('%Y/%m/%d'), start.hour, start.minute)),
          ('復旧日時', '%s %d:%02d' % (m.when.strftime('%Y/%m/%d'), m.when.hour, m.when.minute)),
          ('影響範囲', '本社・横浜支店のメール送受信（SMTP/IMAP）'),
          ('原因', 'メールサーバ（%s）のディスク容量不足' % ip1),
          ('対応', 'ログ領域の拡張、Postfix %d.%d.%d への更新' % (3, rng.randint(5, 9), rng.randint(0, 15))),
          ('管理番号', 'INC-%s' % timestamp12(start))], style='colon')
    m.p('障害対応の詳細と再発防止策は、障害報告書にまとめて共有いたします。',
        '監視画面：https://status.it-support.example/incidents/%s/%d' % (start.strftime('%Y%m%d'),
                                                                       rng.randint(10000, 99999)),
        'ゲートウェイ（%s）側のログも確認済みです。' % ip2)
    for t in ('outage', 'ip-address', 'version', 'url-number', 'timestamp12'):
        m.trap(t)
    if k == 2:
        own_sig(m, me)
    elif k == 4:
        m.p('ご不便をおかけし、申し訳ありませんでした。')
    else:
        m.body.sig(org_sig(m, org))
    m.note = 'IT outage (障害), not a disability'


@scenario('product-info', 3)
def s_product_info(m, k):
    """Product information to customers in Bcc: 入院, 通院, がん with no person."""
    rng = m.rng
    me = STAFF['tanaka']
    m.frm = (me.name, me.mail)
    m.to = [(me.name, me.mail)]
    m.bcc = [('', p.email) for p in m.people(4)]
    m.subject = rng.choice(['【ご案内】新しい医療保険のご紹介', '入院保険・がん保険の見直しのご案内',
                            '通院保障が充実した新商品のお知らせ'])
    m.p('お客様各位')
    m.p('平素は格別のお引き立てを賜り、厚く御礼申し上げます。', '株式会社さくら保険サービスの田中でございます。')
    m.p('このたび、ひまわり生命保険より新しい医療保険が発売されましたので、ご案内いたします。')
    m.p('■主な特長',
        '　・入院1日目から保障、日帰り入院も対象です。',
        '　・がんと診断された場合、一時金%sをお受け取りいただけます。' % m.f.yen(1000000),
        '　・通院特約を付加すると、退院後の通院も1日%sを保障します。' % m.f.yen(5000),
        '　・先進医療の技術料を通算2,000万円まで保障します。')
    m.p('保険料の例：30歳男性　月額 %s（入院日額5,000円コース）' % m.f.yen(rng.randint(15, 30) * 100))
    m.p('詳しくは商品パンフレット（https://www.himawari-life.example/products/iryo/2024/）をご覧ください。',
        'ご質問は、ひまわり生命 お客様サービスセンター（0120-552-870　9:00〜18:00）でも承っております。')
    for t in ('product-sensitive-words', 'amount', 'callcentre-phone', 'url-number'):
        m.trap(t)
    own_sig(m, me)
    m.note = 'insurance product words, no person'


@scenario('seminar', 2)
def s_seminar(m, k):
    """Seminar invitation: date, venue address, capacity."""
    rng = m.rng
    me = STAFF[['tanaka', 'kawaguchi'][k - 1]]
    org = ORGS[rng.choice(['partner', 'kokyaku'])]
    send(m, me, [org])
    d = m.day(rng.randint(14, 40))
    m.subject = rng.choice(['【ご案内】事業継続（BCP）セミナー開催のお知らせ', '法人向けリスクマネジメントセミナーのご案内'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('下記のとおりセミナーを開催いたします。ぜひご参加ください。')
    venue = rng.choice([('八重洲カンファレンスホール 3F', '〒103-0028 東京都中央区八重洲9-3-1'),
                        ('横浜みなとみらい会議センター 501', '〒220-0012 神奈川県横浜市西区みなとみらい9-2-7')])
    m.kv([('日時', '%s 14:00〜16:00（受付13:30〜）' % jdate(d, year=True)),
          ('会場', venue[0]), ('所在地', venue[1]),
          ('定員', '%d名（先着順）' % rng.choice([30, 50, 80])), ('参加費', '無料'),
          ('お申込み', 'https://www.sakura-hoken.example/seminar/%s/entry' % d.strftime('%Y%m%d'))])
    m.p('お問い合わせ：%s（TEL %s）' % (FIRM['name'], FIRM[me.branch][2]))
    for t in ('meeting-date', 'venue-address', 'url-number', 'own-phone-body'):
        m.trap(t)
    own_sig(m, me)
    m.note = 'seminar venue address, not personal'


@scenario('org-customer', 2)
def s_org_customer(m, k):
    """Religious corporation and labour union as policyholders: organisations, not sensitive."""
    rng = m.rng
    me = STAFF['tanaka']
    org = ORGS['aozora']
    send(m, me, [org])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    if k == 1:
        m.subject = '宗教法人様の火災保険 見積依頼'
        m.p('宗教法人 光明寺様（法人のお客様）より、本堂および庫裏の火災保険の見積依頼がありました。',
            '建物は木造・築%d年、延床面積 %d平方メートルです。' % (rng.randint(30, 90), rng.randint(200, 600)),
            '地震保険の付帯有無も含めて、2パターンでご提案したいと考えております。')
        m.trap('religious-corporation')
    else:
        m.subject = '労働組合様の団体傷害保険について'
        m.p('%s労働組合様（契約者）の団体傷害保険の更改について、' % ORGS['kokyaku'].name.replace('株式会社', ''),
            '組合員数の増加（約%d名）に伴い、保険料の再計算をお願いできますでしょうか。' % rng.randint(120, 400))
        m.trap('union-as-policyholder')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'organisation as customer, not sensitive'


@scenario('customer-notice', 4)
def s_customer_notice(m, k):
    """Mail to a customer with nothing about them but the greeting."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'kawaguchi'])]
    p = m.person()
    send(m, me, [p], cc_manager=0.6)
    m.subject = rng.choice(['満期更新のご案内', 'ご面談のお礼', '書類到着のご確認', '年末年始の営業について'])
    m.p(*cust_greet(m, p))
    m.p(*opening(m, me, 'customer'))
    m.p(rng.choice([
        'ご契約中の自動車保険が%sに満期を迎えます。更新のご案内書類を本日お送りしましたので、ご確認ください。' % jdate(m.day(45), False),
        '先日はお時間をいただき、ありがとうございました。ご検討いただいている内容について、改めてご提案書をお送りいたします。',
        'ご返送いただいた書類、本日確かに受領いたしました。お手続き完了まで今しばらくお待ちください。',
        '年末年始は12月28日（土）から1月5日（日）まで休業とさせていただきます。事故のご連絡は24時間受け付けております。']))
    m.trap('date-not-birth')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'greeting with the customer name only'


@scenario('public-office', 3)
def s_public_office(m, k):
    """Phone numbers and addresses of public offices in the body."""
    rng = m.rng
    me = STAFF[rng.choice(['takada', 'suzuki'])]
    if k == 2:
        org = ORGS['partner']
        send(m, me, [org])
        m.p(*greet_org(m, org))
        m.p(*opening(m, me))
    else:
        p = m.person()
        send(m, me, [p], cc_manager=0.5)
        m.p(*cust_greet(m, p))
        m.p(*opening(m, me, 'customer'))
    m.subject = rng.choice(['お手続きのご案内', '必要書類の取得方法について', '証明書の取り寄せについて'])
    if k == 1:
        m.p('交通事故証明書は、自動車安全運転センター東京都事務所で取得できます。',
            '　所在地：〒102-0083 東京都千代田区麹町9-14-2',
            '　電話　：03-3264-8310（平日 8:30〜17:15）')
    elif k == 2:
        m.p('ご質問の件、書類の提出先は下記の年金事務所となります。',
            '　京橋年金事務所（〒104-8175 東京都中央区明石町9-5）　TEL 03-3543-1412')
    else:
        m.p('住民票は、お住まいの区役所の区民課（代表 045-978-2200）でも取得できます。',
            'ご不明な点は、あおぞら損保 事故受付センター（0120-258-024）へお問い合わせください。')
    for t in ('office-phone', 'office-address', 'callcentre-phone'):
        m.trap(t)
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'public office contact details'


@scenario('own-bank', 2)
def s_own_bank(m, k):
    """The firm's own bank account for premium payment."""
    rng = m.rng
    me = STAFF['suzuki']
    p = m.person()
    send(m, me, [p] if k == 1 else [ORGS['partner']])
    m.subject = '保険料お振込先のご案内'
    m.p(*(cust_greet(m, p) if k == 1 else greet_org(m, ORGS['partner'])))
    m.p(*opening(m, me, 'customer' if k == 1 else 'org'))
    bank, branch, kind, num, holder = FIRM['bank']
    m.p('保険料のお振込先は下記のとおりです。')
    m.kv([('金融機関', '%s %s' % (bank, branch)), ('口座種別', kind), ('口座番号', num),
          ('口座名義', FIRM['name'] if k == 2 else holder),
          ('金額', m.f.yen(rng.randint(10, 200) * 100))])
    m.p('お振込手数料はお客様のご負担となります。恐れ入りますが、ご了承ください。')
    for t in ('own-bank-account', 'amount'):
        m.trap(t)
    own_sig(m, me)
    m.note = 'firm bank account'


@scenario('own-mobile', 2)
def s_own_mobile(m, k):
    """Staff member's own mobile in the body and in the signature."""
    rng = m.rng
    me = STAFF[['tanaka', 'takada'][k - 1]]
    org = ORGS[rng.choice(['aozora', 'chosa', 'partner'])]
    send(m, me, [org])
    m.subject = rng.choice(['明日のご訪問について', '外出中の連絡先'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('明日は終日外出しております。',
        '急ぎのご用件の際は、私の携帯（%s）までご連絡ください。' % me.mobile)
    m.trap('own-mobile-body')
    own_sig(m, me, rng.choice(['heavy', 'dashdash']))
    m.note = 'staff mobile, not customer data'


@scenario('number-traps', 4)
def s_number_traps(m, k):
    """Numbers shaped like personal identifiers that are something else."""
    rng = m.rng
    me = STAFF[rng.choice(['suzuki', 'tanaka'])]
    org = ORGS[rng.choice(['aozora-svc', 'partner', 'insatsu'])]
    send(m, me, [org])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    if k == 1:
        m.subject = '管理番号の照合結果'
        m.p('先日ご依頼の照合結果です。下記の管理番号はいずれもシステム上に存在しませんでした。',
            *['　・管理番号 %s' % make_not_mynumber(rng) for _ in range(3)])
        m.trap('12-digit-fails-mynumber')
    elif k == 2:
        m.subject = 'ポイントカード会員番号の件'
        m.p('キャンペーン景品の手配で使用する会員番号は下記です（弊社法人会員）。',
            '　会員番号：%s' % ' '.join(make_not_card(rng, '4', mynumber_tail=True)),
            '　提携番号：%s' % '-'.join(make_not_card(rng, '5')))
        m.trap('16-digit-fails-luhn')
        m.trap('mynumber-window-inside-longer-number')
    elif k == 3:
        m.subject = '受付番号一覧の送付'
        m.p('Web受付システムで採番された受付番号です（お客様情報は含まれません）。',
            *['　%s　受付日時 %s' % (make_not_mynumber(rng, '9'),
                                   '%s %d:%02d' % (m.day(-i).strftime('%Y/%m/%d'), rng.randint(9, 17),
                                                  rng.randint(0, 59)))
              for i in range(1, 5)])
        m.trap('12-digit-fails-mynumber')
    else:
        m.subject = '見積番号・ライセンスキーについて'
        m.p('見積番号：Q-%s-%04d' % (m.when.strftime('%Y%m%d'), rng.randint(1, 9999)),
            'ライセンスキー：%s-%s-%s-%s' % tuple(''.join(rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ23456789')
                                                     for _ in range(5)) for _ in range(4)),
            'シリアル番号：%s' % make_not_mynumber(rng),
            '数量：%d　単価：%s　合計：%s' % (12, m.f.yen(4800), m.f.yen(57600)))
        for t in ('license-key', '12-digit-fails-mynumber', 'amount'):
            m.trap(t)
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'identifier-shaped numbers that are not personal'


INTERNAL_ADMIN = [
    ('会議室予約のお願い', ['%sの14:00〜16:00、第1会議室を予約させてください。',
                       '来客は3名の予定です（あおぞら損保様）。']),
    ('コンプライアンス研修のご案内', ['%sに全社研修を行います。テーマは個人情報保護と障害者差別解消法です。',
                             '欠席者は後日、録画を視聴してください。']),
    ('経費精算の締め切りについて', ['今月の経費精算は%sが締め切りです。',
                           '交通費の領収書（1,000円以上）を添付してください。']),
    ('ウイルス対策ソフト更新のお知らせ', ['%sの夜間にウイルス対策ソフトをバージョン 12.4.1 に更新します。',
                                '更新後はPCの再起動をお願いします（所要時間 約10分）。']),
    ('防災訓練の実施について', ['%sの11:00から防災訓練を実施します。',
                         '避難場所は京橋公園です。入院保険の案内資料の棚は訓練前に片付けてください。']),
    ('勤怠入力のお願い', ['先月分の勤怠入力が未完了の方がいます。%sまでに入力してください。',
                    '障害対応で休日出勤した場合は、振替休日の申請も忘れずにお願いします。']),
]


@scenario('internal-admin', 6)
def s_internal_admin(m, k):
    """Internal office mail with no customer data."""
    rng = m.rng
    me = STAFF[['morimoto', 'noguchi', 'morimoto', 'noguchi', 'kanri', 'morimoto'][k - 1]]
    m.frm = (me.name, me.mail)
    m.to = [('全社員', 'all@' + FIRM_DOMAIN)] if k != 1 else [(MANAGER.name, MANAGER.mail)]
    subject, lines = INTERNAL_ADMIN[k - 1]
    m.subject = subject
    m.p('各位' if k != 1 else '大西部長')
    m.p(*opening(m, me, 'internal'))
    m.p(lines[0] % jdate(m.day(rng.randint(3, 15))), lines[1])
    m.p('よろしくお願いします。')
    if rng.random() < 0.5:
        own_sig(m, me, 'dashdash')
    for t in ('meeting-date', 'internal-no-pii'):
        m.trap(t)
    m.note = 'internal, no customer data'


@scenario('inbound-news', 3)
def s_inbound_news(m, k):
    """Newsletters and notices from insurers and vendors."""
    rng = m.rng
    org = ORGS[['himawari', 'aozora', 'it'][k - 1]]
    me = STAFF[rng.choice(['tanaka', 'suzuki'])]
    m.frm = (org.name, ('news@' if k != 3 else 'info@') + org.domain)
    m.to = [('', me.mail)]
    m.subject = ['【代理店通信】%d月号' % m.when.month, '【重要】自動車保険 料率改定のお知らせ',
                 '定期メンテナンスのお知らせ（%s）' % jdate(m.day(9), weekday=False)][k - 1]
    m.p('代理店各位' if k != 3 else 'お客様各位')
    if k == 1:
        m.p('いつもひまわり生命をご愛顧いただき、ありがとうございます。',
            '今月の代理店通信をお届けします。')
        m.p('■新商品：入院一時金特約（%s発売）' % jdate(m.day(20), False),
            '　入院した場合に一時金10万円をお支払いする特約です。',
            '■募集資料の改訂：がん保険パンフレット（2024年4月版）',
            '■お問い合わせ：代理店サポートデスク 0120-552-870')
    elif k == 2:
        m.p('令和6年10月1日以降始期の契約より、自動車保険の保険料率を改定いたします。',
            '平均改定率は+%d.%d%%です。詳細は代理店専用サイト（https://agent.aozora-sonpo.example/news/2024/0412）をご確認ください。' % (
                rng.randint(1, 6), rng.randint(0, 9)))
    else:
        m.p('下記日程でサーバの定期メンテナンスを実施いたします。',
            '　日時：%s 22:00〜翌6:00' % jdate(m.day(9)),
            '　対象：メール配信サービス（mx1.it-support.example / 203.0.113.%d）' % rng.randint(2, 250),
            '　影響：メンテナンス中はメールの送受信が遅延する場合があります。')
    for t in ('newsletter', 'callcentre-phone', 'url-number'):
        m.trap(t)
    m.body.sig(org_sig(m, org))
    m.note = 'inbound newsletter'


@scenario('contract-dates', 2)
def s_contract_dates(m, k):
    """Contract start and end dates in era and western form: not birth dates."""
    rng = m.rng
    me = STAFF['suzuki']
    org = ORGS['aozora-svc']
    send(m, me, [org])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    if k == 1:
        m.subject = '保険期間の確認'
        m.p('法人契約（株式会社パートナー商事様）の保険期間について確認させてください。',
            '　保険期間：2024年4月1日午後4時 〜 2025年4月1日午後4時',
            '　前契約の満期日：令和6年4月1日',
            '　契約日：R6.3.15')
    else:
        m.subject = '約款改定日の確認'
        m.p('約款改定の適用日は「平成31年1月1日以降始期」と「令和2年4月1日以降始期」の2段階と',
            '理解しておりますが、相違ございませんでしょうか。昭和60年創業の法人様からのご質問です。')
    m.trap('era-date-not-birth')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'contract dates in era form'


@scenario('partner-names', 2)
def s_partner_names(m, k):
    """Names of partner staff in the body (business contacts)."""
    rng = m.rng
    me = STAFF['kanri']
    org = ORGS[['aozora', 'himawari'][k - 1]]
    send(m, me, [org])
    m.subject = rng.choice(['ご挨拶', '担当者変更のご連絡について'])
    m.p(*greet_org(m, org))
    m.p('いつも大変お世話になっております。', 'さくら保険サービス管理部の大西でございます。')
    if k == 1:
        m.p('このたびは、ご担当が石原 浩之様から小山 沙織様に替わられるとのこと、承知いたしました。',
            '石原様には長年にわたり大変お世話になりました。',
            '小山様には、来週の定例会で改めてご挨拶させていただければと存じます。')
    else:
        m.p('先日は御社の松井 健二様、片山 恵様にお越しいただき、誠にありがとうございました。',
            '弊社からは田中 一郎、鈴木 美香が今後の窓口を務めます。')
    m.trap('partner-staff-names')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'partner and own staff names'


@scenario('monthly-report', 2)
def s_monthly_report(m, k):
    """Sales figures: counts, amounts, percentages."""
    rng = m.rng
    me = STAFF['kanri']
    org = ORGS[['aozora', 'himawari'][k - 1]]
    send(m, me, [org])
    m.subject = '%d月度 販売実績のご報告' % (m.when.month - 1 or 12)
    m.p(*greet_org(m, org))
    m.p('いつも大変お世話になっております。', 'さくら保険サービス管理部の大西でございます。')
    m.p('先月の販売実績をご報告いたします。')
    rows = []
    for prod in (['自動車保険', '火災保険', '傷害保険', '賠償責任保険'] if k == 1 else
                 ['医療保険', 'がん保険', '終身保険', '個人年金保険']):
        n = rng.randint(8, 180)
        rows.append('　%s　%d件　%s（前年比 %d.%d%%）' % (prod, n, m.f.yen(n * rng.randint(20, 90) * 1000),
                                                    rng.randint(85, 125), rng.randint(0, 9)))
    m.p(*rows)
    m.p('合計達成率：%d.%d%%' % (rng.randint(80, 120), rng.randint(0, 9)))
    m.trap('amount')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'figures only'


@scenario('procedure', 1)
def s_procedure(m, k):
    """General procedures that mention 診断書 and 本籍 with no person."""
    rng = m.rng
    me = STAFF['takada']
    org = ORGS['partner']
    send(m, me, [org])
    m.subject = '保険金請求書類の変更について'
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('%sより、保険金請求に必要な書類が一部変更になります。' % jdate(m.day(14), weekday=False, year=True),
        '　・診断書の書式が新しくなります（2024年4月版）。旧書式は%s以降使用できません。' % jdate(m.day(60), False),
        '　・住民票は、本籍地の記載がないもので差し支えありません。',
        '　・入院証明書は、病院所定の書式でも受け付けます。')
    m.p('御社の従業員の皆様にも周知いただけますと幸いです。')
    for t in ('procedure-sensitive-words', 'deadline-date'):
        m.trap(t)
    own_sig(m, me)
    m.note = 'procedure wording, no person'


@scenario('fwd-notice', 2)
def s_fwd_notice(m, k):
    """An insurer's notice forwarded to a corporate customer."""
    rng = m.rng
    me = STAFF['tanaka']
    org = ORGS[['partner', 'kokyaku'][k - 1]]
    send(m, me, [org])
    src = ORGS['aozora']
    m.subject = 'Fw: 【重要】台風シーズンに向けた事故受付体制について'
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('保険会社より下記の案内がありましたので、共有いたします。')
    own_sig(m, me)
    inner = Blocks()
    inner.p('代理店各位')
    inner.p('台風等の大規模災害時は、事故受付センター（0120-258-024）が大変混み合います。',
            'Web受付（https://www.aozora-sonpo.example/jiko/）もご案内ください。',
            '災害時特別対応期間：%s〜%s' % (jdate(m.day(30), False), jdate(m.day(120), False)))
    inner.sig(org_sig(m, src))
    m.body.fwd('---------- Forwarded message ---------',
               ['From: %s <%s>' % (src.person, src.mail),
                'Date: %s' % email.utils.format_datetime(m.when - datetime.timedelta(days=1)),
                'Subject: 【重要】台風シーズンに向けた事故受付体制について',
                'To: <%s>' % me.mail], inner)
    for t in ('forwarded-notice', 'callcentre-phone', 'partner-signature'):
        m.trap(t)
    m.note = 'forwarded insurer notice'


NEWSLETTER_ITEMS = [
    ('春の交通安全運動にご協力を', [
        '新年度は通勤・通学の環境が変わり、交通事故が増える時期です。',
        '特に夕暮れ時は歩行者や自転車が見えにくくなります。早めのライト点灯を心がけましょう。',
        '万一の事故の際は、まず負傷者の救護と警察への届出をお願いいたします。',
        'その後、事故受付センターまたは弊社担当者までご連絡ください。',
        '事故現場での示談や、その場での支払いの約束はお控えください。']),
    ('医療保険の「入院」の定義をご存じですか', [
        '医療保険でいう入院とは、医師による治療が必要で、自宅での治療が困難なため、',
        '病院または診療所に入り、常に医師の管理下で治療に専念することをいいます。',
        '検査のみを目的とした入院や、美容上の処置のための入院は、多くの商品で対象外です。',
        '日帰り入院の扱いは商品によって異なりますので、ご契約内容をご確認ください。']),
    ('地震保険の保険料が変わります', [
        '地震保険の基本料率が全国平均で引き下げとなります。',
        '建物の構造や所在地によっては引き上げとなる地域もございます。',
        '耐震等級割引や免震建築物割引の適用には、確認書類のご提出が必要です。',
        '長期契約の場合は、残りの保険期間に応じて保険料が調整されます。',
        '詳しくは担当者までお問い合わせください。']),
    ('個人賠償責任特約のすすめ', [
        '自転車事故で高額な賠償を命じられる判決が続いています。',
        '多くの自治体で、自転車利用者の保険加入が義務化・努力義務化されました。',
        '自動車保険や火災保険に、個人賠償責任特約を付けることができます。',
        'ご家族全員が補償の対象となるタイプもあり、保険料は月額100円程度からです。']),
    ('がん保険の見直しポイント', [
        'がん治療は入院から通院へと移りつつあります。',
        '通院治療や先進医療への備えが十分か、一度ご確認ください。',
        '古いがん保険では、上皮内がんが対象外の場合や、診断一時金が初回のみの場合があります。',
        '保障内容の比較表をご用意していますので、お気軽にお申し付けください。']),
    ('スマートフォンで事故受付ができます', [
        'あおぞら損保の事故受付アプリでは、事故の状況や写真を送ることができます。',
        '24時間365日受け付けており、受付後は担当者から折り返しご連絡いたします。',
        'アプリのダウンロードはこちら：https://app.aozora-sonpo.example/dl?ref=sakura2024']),
    ('台風・大雨への備え', [
        '火災保険の「水災」補償が付いているか、保険証券でご確認ください。',
        '被害に遭われた場合は、修理の前に被害箇所の写真を撮っておいてください。',
        '片付けの際は、けがのないよう十分ご注意ください。',
        '罹災証明書の発行には時間がかかる場合があります。']),
    ('ご契約内容確認のお願い', [
        'ご住所やお電話番号、お支払い口座が変わった場合は、お早めに弊社までお知らせください。',
        'ご連絡先が古いままですと、満期のご案内や事故の際のご連絡が届かないおそれがあります。',
        '運転される方の範囲や年齢が変わった場合も、補償の変更が必要なことがあります。']),
]

NEWSLETTER_FAQ = [
    ('Q. 保険証券を失くしてしまいました。', 'A. 再発行のお手続きができます。弊社担当者までご連絡ください。'),
    ('Q. 保険料の支払方法を変えたいのですが。', 'A. 口座振替・クレジットカード払いへの変更を承ります。書類をお送りします。'),
    ('Q. 車を買い替えました。', 'A. 車両入替のお手続きが必要です。納車日が決まりましたらご連絡ください。'),
    ('Q. 引っ越しの際に必要な手続きは？', 'A. 住所変更のほか、火災保険は建物の所在地が変わるため、新たなご契約が必要です。'),
    ('Q. 入院した場合、何を準備すればよいですか。', 'A. 保険会社所定の請求書と、入院期間がわかる書類をご用意ください。'),
]


@scenario('newsletter-long', 1, plans=['utf8-b64'])
def s_newsletter_long(m, k):
    """A long customer newsletter (about 10 KB) with product words and no person."""
    rng = m.rng
    me = STAFF['tanaka']
    m.frm = (me.name, me.mail)
    m.to = [(me.name, me.mail)]
    m.bcc = [('', p.email) for p in m.people(6)]
    m.subject = 'さくら保険通信 %d年%d月号' % (m.when.year, m.when.month)
    m.p('お客様各位')
    m.p('平素は格別のお引き立てを賜り、誠にありがとうございます。',
        '株式会社さくら保険サービスより、%d月の「さくら保険通信」をお届けします。' % m.when.month)
    for title, lines in NEWSLETTER_ITEMS:
        m.p('━━ %s ━━' % title, *lines)
    m.p('━━ よくあるご質問 ━━', *[line for qa in NEWSLETTER_FAQ for line in qa])
    m.p('配信停止をご希望の方は、本メールにご返信ください。')
    for t in ('newsletter', 'product-sensitive-words', 'url-number'):
        m.trap(t)
    own_sig(m, me, 'heavy')
    m.note = 'long newsletter, no person'


# ---------------------------------------------------------------------------
# Building, writing and checking the corpus
# ---------------------------------------------------------------------------

PLAN_NAMES = list(PLANS)
PLAN_WEIGHTS = [PLANS[n].weight for n in PLAN_NAMES]


# ---------------------------------------------------------------------------
# Labels across lines and cells, customer labels, forms Japanese offices use
# ---------------------------------------------------------------------------

@scenario('mynumber-nextline', 4)
def s_mynumber_nextline(m, k):
    """My Number with a phone on the next line or in the next column."""
    rng = m.rng
    me = STAFF['morimoto']
    org = ORGS['zeirishi']
    send(m, me, [org], cc_manager=0.3)
    m.subject = rng.choice(['扶養親族の個人番号について', '【給与計算】従業員情報の追加'])
    m.p(org.name, org.person + ' 先生')
    m.trap('greeting-fullname')
    m.p('いつも大変お世話になっております。', 'さくら保険サービス総務部の森本です。')
    p = m.person(born=(1965, 2000))
    mn = make_mynumber(rng)
    if k == 1:
        m.p('新たに扶養に入る家族の情報です。')
        m.p('　氏名：' + m.name(p),
            '　個人番号：' + m.pii('pii.mynumber', m.f.mynumber(mn, rng.choice(['plain', 'space']))),
            '　電話：' + m.mobile(p))
    elif k == 2:
        m.p('従業員の情報をカンマ区切りでお送りします。', '',
            '氏名,個人番号,電話番号',
            '%s,%s,%s' % (m.name(p), m.pii('pii.mynumber', mn), m.mobile(p, 'ascii')))
    elif k == 3:
        m.p('扶養親族のマイナンバーは以下のとおりです（通知カードの写しは別送します）。', '')
        m.p('1. %s（長女）' % m.name(p),
            '   ' + m.pii('pii.mynumber', '%s.%s.%s' % (mn[:4], mn[4:8], mn[8:])),
            '   TEL ' + m.mobile(p))
    else:
        m.p('追加分（氏名、個人番号、連絡先の順）：', '',
            '%s\t%s\tTEL\t%s' % (m.name(p), m.pii('pii.mynumber', mn), m.mobile(p)))
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'My Number with a label-like word on the next line or column'


@scenario('customer-label', 6)
def s_customer_label(m, k):
    """One item of a customer, under a label that says it is the customer's."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'suzuki'])]
    org = ORGS[rng.choice(['aozora-svc', 'himawari', 'chosa'])]
    send(m, me, [org])
    p = m.person()
    m.subject = rng.choice(['お客様情報のご連絡', 'ご依頼の件', '折り返しのお願い'])
    m.p(org.surname + '様')
    m.trap('greeting')
    m.p(*opening(m, me))
    m.p('先ほどのお電話の件、下記のとおりご連絡いたします。')
    if k == 1:
        m.p('お客様の電話番号：' + m.pii('pii.phone', m.f.phone(p.mobile), customer=True))
    elif k == 2:
        m.p('契約者氏名：' + m.pii('pii.name', p.name, customer=True))
    elif k == 3:
        m.p('ご連絡先メール：' + m.pii('pii.email', p.email, customer=True))
    elif k == 4:
        m.p('被保険者の生年月日：' + m.pii('pii.birthdate', m.f.birth(p.birth, 'era'), customer=True))
    elif k == 5:
        m.p('お客様ご住所', '　' + m.pii('pii.postal_code', m.f.postal(p.postal), customer=True)
            + '　' + m.pii('pii.address', m.f.address(p), customer=True))
    else:
        m.p("Policyholder's phone: " + m.pii('pii.phone', m.f.phone(p.mobile, 'ascii'), customer=True))
    m.p('お手数ですが、ご対応のほどよろしくお願いいたします。')
    own_sig(m, me)
    m.note = 'one item under a customer label (rule 4d)'


@scenario('customer-desk', 3)
def s_customer_desk(m, k):
    """The insurer's customer desk, a greeting and the word お客様: nobody's data."""
    rng = m.rng
    me = STAFF['tanaka']
    org = ORGS['aozora-svc']
    send(m, me, [org])
    m.subject = rng.choice(['お客様対応窓口のご案内について', 'お客様向け案内文の確認'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    if k == 1:
        m.p('お客様向けの案内文に、御社のお客様相談室の電話番号を記載しました。',
            'お客様相談室（電話 03-3593-7700、平日9時〜17時）')
        m.trap('company-phone')
    elif k == 2:
        m.p('お客様のお名前とご住所は、別途暗号化したファイルでお送りします。',
            'お客様には、本日お電話でご説明済みです。')
    else:
        m.p('お客様の連絡先は、お申込書の記載のとおりです。',
            '受付番号 %s、受付日 %s でございます。' % (digits(rng, 10, '123456789'), jdate(m.day(-2))))
        m.trap('reception-number')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'customer words without customer data'


@scenario('business-plain', 4)
def s_business_plain(m, k):
    """Order, invoice and company numbers, amounts and dates: nobody's data."""
    rng = m.rng
    me = STAFF['morimoto']
    org = ORGS[rng.choice(['insatsu', 'it', 'partner'])]
    send(m, me, [org])
    corp = corporate_number(digits(rng, 12, '123456789'))
    m.subject = rng.choice(['ご請求書の件', 'ご注文内容の確認', 'お見積りのお礼'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    order = digits(rng, 12, '123456789')
    rows = [('注文番号', order), ('ご注文日', jdate(m.day(-3), year=True)),
            ('金額', '%s円（税込）' % m.f.yen(rng.randint(20, 900) * 1100)),
            ('お支払期限', jdate(m.day(25), year=True)),
            ('登録番号', 'T' + corp), ('法人番号', corp)]
    if k == 2:
        m.p('ご請求内容を下記にまとめました。', '',
            '注文番号,注文日,金額,登録番号',
            '%s,%s,%d,T%s' % (order, m.day(-3).strftime('%Y/%m/%d'), rng.randint(20, 900) * 1100, corp))
    elif k == 3:
        m.p('適格請求書発行事業者 登録番号 T%s' % corp,
            '発注番号 %s / 納品予定 %s' % (order, m.day(10).strftime('%Y.%m.%d')))
    else:
        m.kv(rows)
    m.trap('order-number')
    m.trap('corporate-number')
    m.p('ご確認のほど、よろしくお願いいたします。')
    own_sig(m, me)
    m.note = 'business numbers, amounts and dates only'


@scenario('bank-forms', 5)
def s_bank_forms(m, k):
    """Accounts as Japanese mail writes them: 記号・番号, 当座, 店番, lists."""
    rng = m.rng
    me = STAFF['suzuki']
    org = ORGS[rng.choice(['aozora-svc', 'himawari'])]
    send(m, me, [org])
    m.subject = rng.choice(['口座情報のご連絡', '返戻金振込先一覧', '口座振替の登録内容'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    p = m.person()
    bank, branches = rng.choice(BANKS)
    if k == 1:
        kigou = '1' + digits(rng, 3) + '0'
        bangou = digits(rng, 7, '123456789') + str(rng.randint(1, 9))
        m.p('口座振替のお手続きについて、%s 様の登録内容です。' % m.name(p))
        m.p(m.pii('pii.bank_account', '記号：%s\n番号：%s' % (fw(kigou), fw(bangou))))
    elif k == 2:
        m.p('返金先（%s 様）' % m.name(p),
            m.pii('pii.bank_account', '%s %s（店番 %s） 当座 %s' % (
                bank, rng.choice(branches), digits(rng, 3, '1234'), digits(rng, 7, '123456789'))))
    elif k == 3:
        rows = ['氏名,銀行名,支店名,口座番号']
        for q in m.people(3):
            rows.append('%s,%s,%s,%s' % (m.name(q), bank, rng.choice(branches),
                                         m.pii('pii.bank_account', digits(rng, 7, '123456789'))))
        m.p('返戻金の振込先一覧です。', '', *rows)
    elif k == 4:
        rows = []
        for q in m.people(2):
            rows.append('\t'.join([m.name(q), bank, rng.choice(branches), rng.choice(['普通', '当座']),
                                   m.pii('pii.bank_account', digits(rng, 7, '123456789'))]))
        m.p('振込先（氏名、銀行、支店、種別、口座番号）：', '', *rows)
    else:
        m.p('%s 様の振込先をお知らせします。' % m.name(p))
        m.p('銀行名　' + bank, '支店名　%s（店番 %s）' % (rng.choice(branches), digits(rng, 3, '1234')),
            '口座種別　当座預金',
            '口座番号　' + m.pii('pii.bank_account', fw(digits(rng, 7, '123456789'))))
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'bank account forms'


@scenario('bank-amounts', 2)
def s_bank_amounts(m, k):
    """Amounts and the bank the firm is paid through: no one's account."""
    rng = m.rng
    me = STAFF['morimoto']
    org = ORGS['partner']
    send(m, me, [org])
    bank, branches = rng.choice(BANKS)
    m.subject = 'お振込みのご連絡'
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('本日、%s %sより下記のとおりお振込みいたしました。' % (bank, rng.choice(branches)),
        'お振込金額 %d円（税込）' % rng.randint(1000000, 9999999),
        '請求書番号 %s' % digits(rng, 7, '123456789'))
    m.trap('amount')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'amounts and a bank name only'


# More 要配慮個人情報 about a person {n}: crime victims, unions, origin.
SENSITIVE_MORE = [
    ('{n}はストーカー被害を受けておられ、ご住所の取り扱いには十分ご注意ください。', 'ストーカー被害を受け'),
    ('{n}は勤務先の組合の執行委員をされており、平日日中のご連絡は難しいとのことです。', '組合の執行委員'),
    ('被保険者の出自について調査会社から照会がありましたが、{n}の了解なくお答えできません。', '出自'),
    ('{n}は昨年、空き巣の被害に遭われ、今回の盗難の件もあり大変不安に思っておられます。', '空き巣の被害に遭'),
]


@scenario('sensitive-more', 4)
def s_sensitive_more(m, k):
    """要配慮個人情報 beyond health: victims, union membership, origin."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'takada'])]
    org = ORGS[rng.choice(['aozora', 'chosa', 'bengoshi'])]
    send(m, me, [org])
    p = m.person()
    m.subject = rng.choice(['お客様対応についてのご相談', 'ご契約者様の件'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p('%s 様（%s）の件でご連絡です。' % (m.name(p), rng.choice(['ご契約者', '被保険者'])))
    text, key = SENSITIVE_MORE[k - 1]
    m.p(sensitive(m, text.format(n=p.sei + '様'), key))
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'sensitive statement about a customer'


@scenario('sensitive-neutral', 4)
def s_sensitive_neutral(m, k):
    """Unions, crime and diagnosis as topics: nobody's sensitive data."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'morimoto'])]
    org = ORGS[rng.choice(['partner', 'kokyaku'])]
    send(m, me, [org])
    m.subject = rng.choice(['ご参考情報の送付', 'ニュースのご共有'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p([
        '本日、連合系の労働組合が春闘に関するプレスリリースを発表しました。労働組合員数は約1万人とのことです。',
        '最近、特殊詐欺の被害が増えております。詐欺の被害に遭わないよう、お客様への注意喚起をお願いします。',
        'The criminal record check service for new hires will launch next month.',
        'Please find the diagnosis codes list attached for the new product brochure.',
    ][k - 1])
    m.trap('sensitive-topic')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'sensitive words as a topic, no person'


def mrz_check(s):
    """ICAO 9303 check digit (weights 7, 3, 1; A=10 ... Z=35; < = 0)."""
    val = lambda c: int(c) if c.isdigit() else (ord(c) - 55 if c.isalpha() else 0)
    return str(sum(val(c) * (7, 3, 1)[i % 3] for i, c in enumerate(s)) % 10)


def mrz_lines(p, number, sex, expiry):
    """The two lines of a Japanese passport's machine-readable zone."""
    l1 = ('P<JPN%s<<%s' % (p.sei_r.upper(), p.mei_r.upper())).ljust(44, '<')
    dob = p.birth.strftime('%y%m%d')
    exp = expiry.strftime('%y%m%d')
    personal = '<' * 14
    l2 = number + mrz_check(number) + 'JPN' + dob + mrz_check(dob) + sex + exp + mrz_check(exp) \
        + personal + mrz_check(personal)
    l2 += mrz_check(l2[0:10] + l2[13:20] + l2[21:43])
    return l1, l2


def en_date(rng, d, style=None):
    style = style or rng.choice(['dmy-abbr', 'dmy-slash', 'mdy-long', 'passport'])
    if style == 'dmy-abbr':
        return d.strftime('%d %b %Y')
    if style == 'dmy-slash':
        return d.strftime('%d/%m/%Y')
    if style == 'mdy-long':
        return '%s %d, %d' % (d.strftime('%B'), d.day, d.year)
    return d.strftime('%d %b %Y').upper()


@scenario('english-form', 5)
def s_english_form(m, k):
    """A claim or booking to an overseas partner: the customer's data in English."""
    rng = m.rng
    me = STAFF[rng.choice(['takada', 'tanaka'])]
    org = ORGS['travel']
    send(m, me, [org])
    p = m.person(born=(1950, 2000))
    m.subject = rng.choice(['Travel insurance claim', 'Medical assistance request', 'Passenger details'])
    m.p('Dear Ms Komatsu,')
    m.trap('greeting')
    m.p('Please find below the details for the case we discussed on the phone.')
    if k == 1:
        m.p('Family name: ' + m.pii('pii.name', p.sei_r.upper()),
            'Given name: ' + m.pii('pii.name', p.mei_r.upper()),
            'Date of Birth: ' + m.pii('pii.birthdate', en_date(rng, p.birth, 'dmy-abbr')),
            'Passport No.: ' + m.pii('pii.passport', passport_number(m)))
    elif k == 2:
        m.p('Insured: Mr. ' + m.pii('pii.name', '%s %s' % (p.mei_r.capitalize(), p.sei_r.capitalize())),
            'DOB: ' + m.pii('pii.birthdate', en_date(rng, p.birth, 'dmy-slash')),
            'Diagnosis: acute appendicitis')
        m.pii('sensitive', 'Diagnosis')
    elif k == 3:
        number = passport_number(m)
        l1, l2 = mrz_lines(p, number, rng.choice('MF'), datetime.date(2031, rng.randint(1, 12), 10))
        m.p('Text of the passport copy (data page):', '',
            'Surname / 姓', m.pii('pii.name', p.sei_r.upper()),
            'Given name / 名', m.pii('pii.name', p.mei_r.upper()),
            'Date of birth / 生年月日  ' + m.pii('pii.birthdate', en_date(rng, p.birth, 'passport')),
            '', m.pii('pii.name', l1), m.pii('pii.passport', l2))
    elif k == 4:
        m.p("Policyholder's name: " + m.pii('pii.name', '%s %s' % (p.mei_r.capitalize(), p.sei_r.upper())),
            'The insured was diagnosed with pneumonia and was hospitalized on arrival.')
        m.pii('sensitive', 'diagnosed with')
    else:
        m.p('Name of the insured: ' + m.pii('pii.name', '%s %s' % (p.sei_r.upper(), p.mei_r.upper())),
            'born on ' + m.pii('pii.birthdate', en_date(rng, p.birth, 'mdy-long')) + '.',
            'Medical history: asthma since childhood.')
        m.pii('sensitive', 'Medical history')
    m.p('Best regards,')
    own_sig(m, me)
    m.note = 'customer data in English'


@scenario('english-business', 3)
def s_english_business(m, k):
    """English business mail with labels and dates: no one's data."""
    rng = m.rng
    me = STAFF['morimoto']
    org = ORGS['travel']
    send(m, me, [org])
    m.subject = rng.choice(['Invoice', 'Booking confirmation', 'Documents'])
    m.p('Dear Ms Komatsu,')
    m.trap('greeting')
    d = m.day(-5)
    m.p(*[['Company name: Sakura Hoken Service Co., Ltd.',
          'Invoice date: ' + d.strftime('%d/%m/%Y'),
          'Invoice No.: INV-%s' % digits(rng, 8, '123456789'),
          'Registration No.: T%s' % corporate_number(digits(rng, 12, '123456789'))],
         ['File name: Report_%d.pdf' % d.year,
          'Product name: Travel Plus Gold',
          'Date of issue: ' + d.strftime('%d %b %Y')],
         ['Name: N/A (group booking)',
          'Departure date: ' + d.strftime('%B %d, %Y'),
          'Order No. %s' % digits(rng, 12, '123456789')]][k - 1])
    m.trap('business-labels')
    m.p('Best regards,')
    own_sig(m, me)
    m.note = 'English labels, dates and numbers of a business'


@scenario('bank-forms-more', 5)
def s_bank_forms_more(m, k):
    """Accounts of eight digits, 店番-口座番号, (普), ゆうちょ with a blank,
    a list under a heading row."""
    rng = m.rng
    me = STAFF['suzuki']
    org = ORGS[rng.choice(['aozora-svc', 'himawari'])]
    send(m, me, [org])
    m.subject = rng.choice(['返金口座のご連絡', '振込先の訂正', '口座情報の件'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    p = m.person()
    bank, branches = rng.choice(BANKS)
    if k == 1:
        m.p('%s 様の返金先口座です。' % m.name(p))
        m.kv([('銀行名', bank), ('支店名', rng.choice(branches)), ('預金種目', '普通'),
              ('口座番号', m.pii('pii.bank_account', digits(rng, 8, '3456789')))])
    elif k == 2:
        m.p('振込先は %s %s 普通 %s です（%s 様）。' % (
            bank, rng.choice(branches),
            m.pii('pii.bank_account', '%s-%s' % (digits(rng, 3, '1234'), digits(rng, 7, '123456789'))),
            m.name(p)))
    elif k == 3:
        m.p('%s 様より、返金先を下記に変更したいとのご連絡がありました。' % m.name(p),
            '%s %s (普)%s' % (bank, rng.choice(branches),
                             m.pii('pii.bank_account', fw(digits(rng, 8, '3456789')))))
    elif k == 4:
        kigou = '1' + digits(rng, 3) + '0'
        bangou = digits(rng, 7, '123456789') + str(rng.randint(1, 9))
        m.p('引落口座はゆうちょ銀行です。',
            '%s 様　%s' % (m.name(p), m.pii('pii.bank_account', '%s %s' % (kigou, bangou))))
    else:
        rows = ['氏名\t銀行名\t支店名\t種目\t口座番号']
        for q in m.people(3):
            rows.append('\t'.join([m.name(q), bank, rng.choice(branches), '普通',
                                   m.pii('pii.bank_account', digits(rng, rng.choice([7, 8]), '3456789'))]))
        m.p('返戻金の振込先一覧をお送りします。', '', *rows)
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'bank accounts: eight digits, branch-account, lists'


@scenario('licence-english', 3)
def s_licence_english(m, k):
    """A foreign customer's driving licence, labelled in English."""
    rng = m.rng
    me = STAFF['kawaguchi']
    org = ORGS['car']
    send(m, me, [org])
    p = m.person(born=(1960, 2000))
    lic = make_licence(rng, rng.choice(['45', '30', '44']), p.birth.year + rng.randint(18, 30))
    m.subject = rng.choice(['Driver details for the rental policy', '免許証番号の件'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    if k == 1:
        m.p('お客様から英語の書式で届いた内容をそのままお送りします。', '',
            'Name: %s' % m.name(p), 'DL# ' + m.pii('pii.drivers_license', lic))
    elif k == 2:
        m.p('Driverslicense: ' + m.pii('pii.drivers_license', '-'.join([lic[0:4], lic[4:8], lic[8:]])),
            '（%s 様分）' % m.name(p))
    else:
        m.p('%s 様の運転免許証のコピーを確認しました。' % m.name(p),
            '有効期限と免許の条件は問題ありません。', '',
            '番号は ' + m.pii('pii.drivers_license', lic) + ' です。')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'driving licence with English keywords or the keyword lines above'


@scenario('mynumber-dotted', 2)
def s_mynumber_dotted(m, k):
    """A My Number written with dots, with or without its keyword."""
    rng = m.rng
    me = STAFF['suzuki']
    org = ORGS['zeirishi']
    send(m, me, [org])
    p = m.person()
    mn = make_mynumber(rng)
    dotted = '.'.join([mn[0:4], mn[4:8], mn[8:12]])
    m.subject = rng.choice(['支払調書の件', '番号の訂正'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    if k == 1:
        m.p('先日お送りした番号に誤りがありました。%s 様の分は %s です。' % (
            m.name(p), m.pii('pii.mynumber', dotted)))
    else:
        m.p('共通番号の記載をお願いいたします。', '',
            '%s 様　%s' % (m.name(p), m.pii('pii.mynumber', dotted)))
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'dotted My Number'


@scenario('bank-plain', 4)
def s_bank_plain(m, k):
    """Payment mail with the firm's bank, order, invoice and company
    numbers, dates of eight digits, phones and postal codes: nobody's data."""
    rng = m.rng
    me = STAFF['morimoto']
    org = ORGS[rng.choice(['insatsu', 'it', 'partner'])]
    send(m, me, [org])
    bank, branches = rng.choice(BANKS)
    corp = corporate_number(digits(rng, 12, '123456789'))
    m.subject = rng.choice(['お支払いのご案内', 'ご請求書送付のご案内', '振込期日のご確認'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    due = m.day(20)
    if k == 1:
        m.p('%s %s よりお振込みいたします。' % (bank, rng.choice(branches)),
            '振込期日 %s' % due.strftime('%Y%m%d'),
            '注文番号 %s' % digits(rng, 8, '123456789'),
            'お振込金額 %s円' % m.f.yen(rng.randint(100, 9000) * 1100))
    elif k == 2:
        m.kv([('請求書番号', digits(rng, 8, '123456789')), ('発行日', m.day(-2).strftime('%Y%m%d')),
              ('登録番号', 'T' + corp), ('法人番号', corp),
              ('お振込先', '%s %s 当座（名義：株式会社さくら保険サービス）' % (bank, rng.choice(branches)))])
    elif k == 3:
        m.p('口座振替日は %s です。' % due.strftime('%Y%m%d'),
            '受付番号 %s-%s' % (digits(rng, 3, '123'), digits(rng, 7, '123456789')))
    else:
        m.p('お支払いは銀行振込でお願いいたします。',
            '伝票番号 %s.%s.%s' % (digits(rng, 4, '1'), digits(rng, 4), digits(rng, 4)))
    m.trap('order-number')
    m.trap('amount')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'payment mail of a business: no account of a person'



@scenario('role-words', 4)
def s_role_words(m, k):
    """Roles and honorifics (被保険者様, 受取人, ご担当者様) and a company
    with 様: nobody's name."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'suzuki'])]
    org = ORGS[rng.choice(['aozora-svc', 'himawari-claim', 'partner'])]
    send(m, me, [org])
    m.subject = rng.choice(['書類のご記入について', '保険金請求書類のご案内'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p(*[
        ['保険金の受取人は、原則として被保険者様となります。',
         '被保険者様がお亡くなりの場合は、法定相続人様への支払いとなります。'],
        ['請求書の記入欄は以下のとおりです。', '受取人 被保険者様', '契約者 被保険者 受取人 の順にご署名ください。'],
        ['先日、北村商事様より団体保険の見積依頼がありました。', 'ご担当者様あてに資料をお送りしております。'],
        ['受取人：法定相続人', '契約者：北村商事株式会社', '上記の内容で手続きを進めます。'],
    ][k - 1])
    m.trap('role-words')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'roles and company names with 様, no person'


@scenario('business-contact', 4)
def s_business_contact(m, k):
    """The firm's and partners' phones and postal codes in the body, not
    in a signature: a business's contact, nobody's data."""
    rng = m.rng
    me = STAFF[rng.choice(['morimoto', 'tanaka'])]
    org = ORGS[rng.choice(['partner', 'kokyaku', 'it'])]
    send(m, me, [org])
    m.subject = rng.choice(['連絡先変更のお知らせ', '書類送付先のご案内', 'お問い合わせ先について'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p(*[
        ['ご不明な点は、弊社代表番号 03-5211-4321 までお問い合わせください。',
         '大阪支店（電話 06-6345-1111）でも承ります。'],
        ['本件の窓口は北村商事の鈴木様です。電話 03-5211-4321（代表）',
         'TEL 03-5211-4321 FAX 03-5211-4322（平日9時〜17時）'],
        ['請求書の送付先は下記のとおりです。', '〒530-0001 大阪府大阪市北区梅田9-8-7',
         '北村商事株式会社 経理部 御中'],
        ['株式会社みなと物流様（〒455-0001）に発送しました。お電話は 052-654-3210 です。',
         '有限会社ひかり設備の新しい事務所は〒464-0850、電話 052-733-1200 に変わります。'],
    ][k - 1])
    m.trap('company-phone')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'business phones and postal codes in the body'


@scenario('notice-general', 4)
def s_notice_general(m, k):
    """Notices, seminars and products about illness or crime victims:
    nobody in particular."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'morimoto'])]
    org = ORGS[rng.choice(['partner', 'kokyaku'])]
    send(m, me, [org])
    m.subject = ['がん保険のご案内', '犯罪被害者等給付金制度について', 'セミナーのご案内',
                 '新商品のご紹介'][k - 1]
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    m.p(*[
        ['がん保険のご案内です。', 'がんと診断されたときに一時金をお支払いします。治療中の方もご相談ください。'],
        ['犯罪被害者等給付金制度についてご紹介します。', '犯罪被害者やご家族の方を支援する制度です。'],
        ['認知症と介護、糖尿病の予防について専門医が講演します。', '皆様のご参加をお待ちしております。'],
        ['持病がある方でも入りやすい医療保険です。', '虐待防止研修のお知らせも添付いたします。'],
    ][k - 1])
    m.trap('sensitive-topic')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'sensitive words in a notice, no person'


@scenario('birth-forms', 3)
def s_birth_forms(m, k):
    """Birth dates with the western year beside the era, or with the age."""
    rng = m.rng
    me = STAFF['tanaka']
    org = ORGS['himawari']
    send(m, me, [org])
    p = m.person(born=(1950, 1999))
    d = p.birth
    m.subject = rng.choice(['見積依頼（医療保険）', '設計書作成のお願い'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    if k == 1:
        when = '%s(%d年)%d月%d日' % (era(d), d.year, d.month, d.day)
    elif k == 2:
        when = '%d年（%s）%d月%d日' % (d.year, era(d), d.month, d.day)
    else:
        age = m.when.year - d.year - ((m.when.month, m.when.day) < (d.month, d.day))
        when = '%d年%d月%d日（%d歳）' % (d.year, d.month, d.day, age)
    if k < 3:
        m.p('下記の方の設計書の作成をお願いいたします。',
            '被保険者：%s 様' % m.name(p), '生年月日：%s' % m.pii('pii.birthdate', when))
    else:
        m.p('下記の方の設計書の作成をお願いいたします。',
            '%s 様　%s' % (m.name(p), m.pii('pii.birthdate', when)))
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'name and birth date in the forms of application papers'


@scenario('sensitive-person', 3)
def s_sensitive_person(m, k):
    """Statements about a customer in words of illness, treatment and
    criminal proceedings."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'takada'])]
    org = ORGS[rng.choice(['aozora', 'himawari-claim'])]
    send(m, me, [org])
    p = m.person()
    m.subject = rng.choice(['ご契約者様の件', 'お客様対応についてのご相談'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    n = p.sei + '様'
    text, key = [
        ('{n}は適応障害のため、先月から病気休職されています。', '適応障害'),
        ('{n}は現在、抗がん剤による化学療法を受けておられます。', '抗がん剤'),
        ('{n}のご子息が書類送検されたと伺いました。', '書類送検'),
    ][k - 1]
    m.p('%s 様（%s）の件でご連絡です。' % (m.name(p), rng.choice(['ご契約者', '被保険者'])))
    m.p(sensitive(m, text.format(n=n), key))
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'sensitive statement about a customer'


def kanji_date(d, era_year=True):
    """A date in kanji numerals: 昭和六十年三月十二日, or 一九八五年三月十二日."""
    if era_year:
        name, n = era_parts(d)
        year = name + ('元' if n == 1 else kansuji(n)) + '年'
    else:
        year = ''.join('〇一二三四五六七八九'[int(c)] for c in str(d.year)) + '年'
    return year + kansuji(d.month) + '月' + kansuji(d.day) + '日'


@scenario('birth-kansuji', 3)
def s_birth_kansuji(m, k):
    """Birth dates in kanji numerals, as transcribed from a handwritten form."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'suzuki'])]
    org = ORGS[rng.choice(['aozora-svc', 'himawari'])]
    send(m, me, [org])
    m.subject = rng.choice(['申込書の記載内容について', '被保険者情報のご連絡'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    if k == 3:
        p = m.person(born=(2019, 2022))
        m.p('お子様の追加について、申込書の内容を転記いたします。',
            'お子様のお名前：%s' % m.name(p),
            '%s生まれ' % m.pii('pii.birthdate', kanji_date(p.birth)))
    else:
        p = m.person(born=(1950, 1999))
        m.p('手書きの申込書の内容を転記いたします。',
            '被保険者：%s 様' % m.name(p),
            '生年月日：%s' % m.pii('pii.birthdate', kanji_date(p.birth, era_year=(k == 1))))
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'birth date in kanji numerals'


def en_ordinal(n):
    return '%d%s' % (n, 'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th'))


@scenario('english-birth', 3)
def s_english_birth(m, k):
    """English birth dates with ordinal days, names with a title or in
    passport order."""
    rng = m.rng
    me = STAFF[rng.choice(['takada', 'tanaka'])]
    org = ORGS['travel']
    send(m, me, [org])
    p = m.person(born=(1950, 2000))
    d = p.birth
    m.subject = rng.choice(['Traveller details', 'Medical assistance request'])
    m.p('Dear Ms Komatsu,')
    m.trap('greeting')
    if k == 1:
        m.p('Mr %s (born %s) will travel to Singapore next week.' % (
            m.pii('pii.name', '%s %s' % (p.mei_r.capitalize(), p.sei_r.capitalize())),
            m.pii('pii.birthdate', '%s %s %d' % (en_ordinal(d.day), d.strftime('%B'), d.year))))
    elif k == 2:
        m.p('%s, born on %s, needs a medical assistance card.' % (
            m.pii('pii.name', '%s %s' % (p.sei_r.upper(), p.mei_r.capitalize())),
            m.pii('pii.birthdate', 'the %s of %s %d' % (en_ordinal(d.day), d.strftime('%B'), d.year))))
    else:
        m.p('Passport holder: ' + m.pii('pii.name', '%s %s' % (p.sei_r.upper(), p.mei_r.upper())),
            'DOB: ' + m.pii('pii.birthdate', '%s %s, %d' % (d.strftime('%B'), en_ordinal(d.day), d.year)))
    m.p('Best regards,')
    own_sig(m, me)
    m.note = 'English birth date with an ordinal day'


@scenario('customer-san', 3)
def s_customer_san(m, k):
    """A customer named with さん or 氏 after the role; the recipient is
    greeted with さん too."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'takada'])]
    org = ORGS[rng.choice(['aozora', 'himawari-claim'])]
    send(m, me, [org])
    p = m.person()
    m.subject = rng.choice(['お客様からのご連絡', '契約者様の件'])
    m.p('%sさん' % org.surname, 'いつもお世話になっております。')
    m.trap('greeting')
    who = ['契約者の', 'お客様の', '被保険者である'][k - 1]
    hon = ['さん', '氏', 'さん'][k - 1]
    m.p('%s%s%sから、連絡先変更のご依頼がありました。' % (who, m.name(p), hon),
        '新しい携帯番号は %s とのことです。' % m.mobile(p))
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'customer name with さん/氏 after the role'


@scenario('sensitive-indirect', 4)
def s_sensitive_indirect(m, k):
    """要配慮個人情報 said indirectly about a customer, in Japanese and English."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'takada'])]
    n = m.person().sei
    if k <= 2:
        org = ORGS[rng.choice(['aozora', 'himawari-claim'])]
        send(m, me, [org])
        m.subject = rng.choice(['ご契約者様の件', '告知内容のご相談'])
        m.p(*greet_org(m, org))
        m.p(*opening(m, me))
        text, key = [
            ('ご契約者の{n}様は、血圧の薬を服用中とのことです。', '服用中'),
            ('被保険者の{n}様は現在も投薬中で、経過を見ているそうです。', '投薬中'),
        ][k - 1]
        m.p(sensitive(m, text.format(n=n), key))
        m.p(*closing(m))
    else:
        org = ORGS['travel']
        send(m, me, [org])
        m.subject = 'Medical assistance request'
        m.p('Dear Ms Komatsu,')
        m.trap('greeting')
        text, key = [
            ('The insured was admitted to hospital in Bangkok on arrival.', 'admitted to hospital'),
            ('The policyholder underwent surgery last month and is on medication for it.',
             'underwent surgery'),
        ][k - 3]
        m.p(sensitive(m, text, key))
        m.p('Best regards,')
    own_sig(m, me)
    m.note = 'sensitive statement about a customer, said indirectly'


@scenario('precision-more', 4)
def s_precision_more(m, k):
    """No customer data: a form's own words after a name label, an insurer's
    mailbox in a quoted Outlook header, an organiser's phone in a notice."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'suzuki'])]
    org = ORGS[rng.choice(['aozora', 'himawari'])]
    send(m, me, [org])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    if k == 1:
        m.subject = '申込書の記入方法について'
        m.p('申込書の記入方法をご案内します。',
            '契約者 個人 法人の別に丸を付けてください。',
            'お名前 個人 事業主の方は屋号もご記入ください。')
        m.trap('form-words')
    elif k == 2:
        m.subject = 'RE: 見積のご依頼'
        m.p('ご回答ありがとうございました。承知いたしました。')
        m.p('> -----Original Message-----',
            '> From: 吉田 真理 <m.yoshida@%s>' % org.domain,
            '> Sent: %s' % email.utils.format_datetime(m.when - datetime.timedelta(days=1)),
            '> To: %s <%s>' % (me.name, me.mail),
            '> Subject: 見積のご依頼',
            '>',
            '> お見積りを添付いたします。')
        m.trap('quoted-header')
    elif k == 4:
        d = m.day(rng.randint(14, 40))
        m.subject = '【ご案内】事故対応勉強会'
        m.p('保険会社の勉強会のご案内を共有いたします。',
            '日時：%s 10:00〜12:00' % jdate(d, year=True),
            '会場：日本橋ビジネスセンター 4F',
            '定員：40名',
            '問合せ：03-6225-%s（担当 吉田）' % digits(rng, 4, '123456789'))
        m.trap('event-phone')
    else:
        d = m.day(rng.randint(14, 40))
        m.subject = '【ご案内】代理店向け説明会'
        m.p('保険会社の説明会のご案内を共有いたします。',
            '日時：%s 14:00〜16:00' % jdate(d, year=True),
            '会場：八重洲カンファレンスホール',
            'お申込み・お問い合わせ：03-3593-%s（説明会事務局）' % digits(rng, 4, '123456789'))
        m.trap('event-phone')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'no customer data'


@scenario('customer-block', 4)
def s_customer_block(m, k):
    """One customer item whose label is not on its own line: a role heading
    a block, a name with 様 owning a phone, a birth date by its label."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'takada'])]
    org = ORGS[rng.choice(['aozora', 'himawari-claim'])]
    send(m, me, [org])
    p = m.person(born=(1950, 1999))
    m.subject = rng.choice(['ご契約者様の件', 'ご連絡先の変更について'])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    if k == 1:
        m.p('連絡先の変更依頼がありましたので、お手続きをお願いいたします。')
        m.p('【契約者】',
            '自宅TEL：' + m.pii('pii.phone', m.f.phone(p.home), customer=True))
    elif k == 2:
        m.p('%s様の携帯は %s です。日中はこちらにご連絡ください。' % (
            p.sei, m.pii('pii.phone', m.f.phone(p.mobile), customer=True)))
    elif k == 3:
        m.p('申込書の記載漏れを補足いたします。',
            '生年月日：' + m.pii('pii.birthdate', kanji_date(p.birth), customer=True))
    else:
        m.p('転居のご連絡がございました。',
            '申込者',
            'ご住所',
            m.pii('pii.address', m.f.address(p), customer=True))
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'customer item under a heading, a name with 様, or a birth label'


@scenario('policy-wording', 3)
def s_policy_wording(m, k):
    """No customer data: categories listed in a policy, a company's account
    on an invoice, a partner's number after its name."""
    rng = m.rng
    me = STAFF[rng.choice(['tanaka', 'suzuki'])]
    org = ORGS[rng.choice(['aozora', 'himawari'])]
    send(m, me, [org])
    m.p(*greet_org(m, org))
    m.p(*opening(m, me))
    if k == 1:
        m.subject = '個人情報保護方針の改定について'
        m.p('個人情報保護方針を改定しましたのでお知らせいたします。',
            '当社は、人種、信条、社会的身分、病歴、犯罪歴、労働組合への加入などの'
            '要配慮個人情報を、法令に基づく場合を除き取得いたしません。')
        m.trap('category-list')
    elif k == 2:
        m.subject = '請求書送付のご案内'
        m.p('今月分の請求書を添付いたします。下記口座へお振込みをお願いいたします。',
            '【お振込先】',
            'ゆうちょ銀行 記号 1%s 番号 %s' % (digits(rng, 4), digits(rng, 8, '123456789')),
            '口座名義 株式会社さくら保険サービス')
        m.trap('firm-account')
    else:
        m.subject = '打ち合わせの件'
        m.p('来週の打ち合わせには北村商事（06-6345-%s）の担当の方も同席されます。'
            % digits(rng, 4, '123456789'))
        m.trap('partner-phone')
    m.p(*closing(m))
    own_sig(m, me)
    m.note = 'no customer data'


def build():
    """All messages: list of (file name, Rendered)."""
    out = []
    for slug, count, plans, fn in SCENARIOS:
        for k in range(1, count + 1):
            rng = random.Random('%s/%s/%d' % (SEED, slug, k))
            plan = plans[(k - 1) % len(plans)] if plans else rng.choices(PLAN_NAMES, PLAN_WEIGHTS)[0]
            m = Mail(slug, rng, plan)
            fn(m, k)
            out.append(('%s-%02d.eml' % (slug, k), render(m)))
    return out


def labels_text(corpus):
    strong = textwrap.fill(', '.join(sorted(STRONG)), 78, initial_indent='#          ',
                           subsequent_indent='#          ')
    lines = [LABEL_POLICY.format(covers=' '.join(COVERS), strong=strong)]
    for fname, r in sorted(corpus):
        m = r.mail
        cats = expected(m)
        args = ' '.join(shlex.quote(a) for a in m.args)
        note = '%s [%s]' % (m.note, direction(m))
        lines.append('\t'.join([fname, ','.join(cats) or '-', args or '-', note]))
    return '\n'.join(lines) + '\n'


def write(corpus):
    mdir = os.path.join(HERE, 'messages')
    os.makedirs(mdir, exist_ok=True)
    keep = {f for f, _ in corpus}
    for old in os.listdir(mdir):
        if old.endswith('.eml') and old not in keep:
            os.unlink(os.path.join(mdir, old))
    for fname, r in corpus:
        with open(os.path.join(mdir, fname), 'wb') as fh:
            fh.write(r.data)
    with open(os.path.join(HERE, 'labels.tsv'), 'w', encoding='utf-8', newline='\n') as fh:
        fh.write(labels_text(corpus))
    print('wrote %d messages to %s and labels.tsv' % (len(corpus), mdir))


def strict_text(part):
    """Decode a text part strictly with its declared charset."""
    raw = part.get_payload(decode=True)
    charset = part.get_content_charset()
    return raw.decode(charset, errors='strict').replace('\r\n', '\n')


def check_message(fname, r):
    """Parse r.data with Python's email package and compare with its source."""
    problems = []
    msg = email.message_from_bytes(r.data, policy=email.policy.default)
    for part in msg.walk():
        for d in part.defects:
            problems.append('defect %s' % type(d).__name__)
    if str(msg['subject']) != r.subject:
        problems.append('subject %r != %r' % (str(msg['subject']), r.subject))
    shown = []
    for h in ('from', 'to', 'cc', 'bcc'):
        if msg[h] is not None:
            shown += [a.display_name for a in msg[h].addresses if a.display_name]
    if shown != r.names:
        problems.append('display names %r != %r' % (shown, r.names))
    if b'\xef\xbf\xbd' in r.data:
        problems.append('U+FFFD in the message')
    for needed in ('Date', 'Message-ID', 'MIME-Version', 'From', 'To', 'Subject'):
        if msg[needed] is None:
            problems.append('no %s header' % needed)
    seen_text, seen_attach = {}, []
    for part in msg.walk():
        if part.is_multipart():
            continue
        cte = part.get('Content-Transfer-Encoding', '7bit').lower()
        raw_payload = part.get_payload(decode=False)
        if cte == '7bit' and any(ord(c) > 127 for c in raw_payload):
            problems.append('8-bit data in a 7bit part')
        try:
            text = strict_text(part)
        except (UnicodeError, LookupError) as e:
            problems.append('cannot decode %s part: %s' % (part.get_content_type(), e))
            continue
        if '\ufffd' in part.get_content():
            problems.append('replacement character after decoding')
        if part.get_content_disposition() == 'attachment':
            seen_attach.append((part.get_filename(), text))
        else:
            seen_text[part.get_content_subtype()] = text
    if seen_text != r.texts:
        problems.append('decoded body differs from its source (%s)' % ', '.join(sorted(seen_text)))
    if seen_attach != r.attach_texts:
        problems.append('decoded attachment differs from its source')
    readable = '\n'.join([seen_text.get('plain', ''), html_to_text(seen_text.get('html', ''))])
    attached = '\n'.join(t for _, t in seen_attach)
    for cat, where, value in r.mail.items:
        value = adapt(value, r.mail.plan.codec) if where == 'body' else value
        hay = readable if where == 'body' else attached
        if value not in hay and adapt(value, 'shift_jis') not in hay:
            problems.append('%s value %r not in the decoded %s' % (cat, value, where))
    for line in r.data.split(b'\n'):
        if len(line) > 998:
            problems.append('line longer than 998 octets')
            break
    return ['%s: %s' % (fname, p) for p in problems], msg


def summary(corpus, msgs):
    c = collections.Counter
    enc, layout, hdr, ends, dirs = c(), c(), c(), c(), c()
    pos, traps, trap_msgs = c(), c(), 0
    hyph, fwd = c(), 0
    sizes = sorted(len(r.data) for _, r in corpus)
    none = 0
    for (fname, r), msg in zip(corpus, msgs):
        m = r.mail
        for part in msg.walk():
            if part.get_content_maintype() == 'text' and part.get_content_disposition() != 'attachment':
                enc['%s %s %s' % (part.get_content_type(), part.get_content_charset(),
                                  part.get('Content-Transfer-Encoding', '7bit'))] += 1
        layout[msg.get_content_type()] += 1
        subj = re.search(rb'(?m)^Subject:.*?=\?([^?]+)\?([BQ])\?', r.data)
        hdr['%s %s' % (subj.group(1).decode(), subj.group(2).decode()) if subj else 'ascii'] += 1
        ends['CRLF' if m.crlf else 'LF'] += 1
        dirs[direction(m)] += 1
        cats = expected(m)
        for cat in cats:
            pos[cat] += 1
        if not cats:
            none += 1
        if m.traps:
            trap_msgs += 1
        for t in set(m.traps):
            traps[t] += 1
        text = '\n'.join(r.texts.values()) + '\n'.join(t for _, t in r.attach_texts)
        for h in re.findall(r'[0-9０-９]([-－‐−ー―‑])[0-9０-９]', text):
            hyph['U+%04X %s' % (ord(h), h)] += 1
        if re.search(r'[０-９]{3}', text):
            fwd += 1

    def table(title, counter):
        print(title)
        for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            print('  %-58s %4d' % (k, v))

    print('messages: %d   size: min %d, median %d, max %d bytes' % (
        len(corpus), sizes[0], sizes[len(sizes) // 2], sizes[-1]))
    table('direction:', dirs)
    table('message type:', layout)
    table('text parts (type, charset, transfer encoding):', enc)
    table('Subject encoded words (charset, form):', hdr)
    table('line endings:', ends)
    print('positives per category (messages expected to have it):')
    for cat in COVERS:
        print('  %-58s %4d' % (cat, pos[cat]))
    print('messages with no expected category: %d' % none)
    print('messages with at least one trap: %d' % trap_msgs)
    table('traps (messages containing each kind):', traps)
    table('digit separators between digits:', hyph)
    print('messages with full-width digit runs: %d' % fwd)


def verify(corpus):
    problems, msgs = [], []
    mdir = os.path.join(HERE, 'messages')
    on_disk = sorted(f for f in os.listdir(mdir) if f.endswith('.eml')) if os.path.isdir(mdir) else []
    names = sorted(f for f, _ in corpus)
    if on_disk != names:
        problems.append('messages/ holds %d files, the recipe makes %d (extra: %s, missing: %s)' % (
            len(on_disk), len(names), sorted(set(on_disk) - set(names))[:5],
            sorted(set(names) - set(on_disk))[:5]))
    for fname, r in corpus:
        path = os.path.join(mdir, fname)
        if os.path.exists(path):
            with open(path, 'rb') as fh:
                if fh.read() != r.data:
                    problems.append('%s: differs from what gen.py makes' % fname)
        p, msg = check_message(fname, r)
        problems += p
        msgs.append(msg)
    lpath = os.path.join(HERE, 'labels.tsv')
    if not os.path.exists(lpath) or open(lpath, encoding='utf-8').read() != labels_text(corpus):
        problems.append('labels.tsv differs from what gen.py makes')
    for p in problems:
        print('FAIL', p)
    summary(corpus, msgs)
    print('verify: %s' % ('%d problem(s)' % len(problems) if problems else 'ok'))
    return 1 if problems else 0


def main():
    ap = argparse.ArgumentParser(description='make or check the personal-data corpus')
    ap.add_argument('--verify', action='store_true',
                    help='check the committed corpus against this recipe and print a summary')
    opts = ap.parse_args()
    corpus = build()
    if opts.verify:
        return verify(corpus)
    write(corpus)
    with open(os.path.join(HERE, 'omamori.conf'), 'w') as fh:
        fh.write('# Configuration for the personal-data corpus (tests/evaluation/pii).\n'
                 '# The firm whose outbound mail the corpus holds.\n'
                 'internal_domains = %s\n'
                 '# The shipped default rules of this tree.\n'
                 'rules_dir = ../../../rules\n'
                 '# No state store: a fixed set must not depend on what was learned before\n'
                 '# (no recipient.new_domain).\n'
                 'state =\n' % FIRM_DOMAIN)
    return 0


if __name__ == '__main__':
    sys.exit(main())
