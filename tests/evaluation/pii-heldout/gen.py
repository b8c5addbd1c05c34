#!/usr/bin/env python3
# NAME
#   gen.py - write the held-out personal-data set (tests/evaluation/pii-heldout)
#
# SYNOPSIS
#   tests/evaluation/pii-heldout/gen.py
#
# DESCRIPTION
#   Writes messages/*.eml and labels.tsv next to this file: outbound mail of
#   an invented insurance agency (sakura-hoken.example) to outside parties.
#   Positives carry one class of personal data each (see README for the
#   public references every class was written from); negatives are ordinary
#   business mail full of numbers that are not personal data.  Every person
#   is invented; numbers that have a check digit in real life get a valid
#   one, computed here from the published algorithms.  The output depends on
#   nothing but this file (fixed seed, fixed dates, fixed boundaries).
#
#   This set is for measuring only: never tune rules on its messages.
#
# Python 3 standard library only.

import base64
import os
import quopri
import random
from email.header import Header

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'messages')
RNG = random.Random(20261207)

COVERS = ('pii.mynumber pii.bank_account pii.phone pii.email pii.postal_code '
          'pii.address pii.birthdate pii.name sensitive body.pii')

FIRM = 'sakura-hoken.example'


# -- check digits -----------------------------------------------------------

def mynumber(base11):
    """mynumber - 12-digit individual number: base + check digit.

    Weights from the right: positions 1..6 weigh n+1, 7..11 weigh n-5;
    the remainder mod 11 of the sum gives 0 for 0 or 1, else 11 - r."""
    total = 0
    for n in range(1, 12):
        p = int(base11[11 - n])
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    r = total % 11
    return base11 + str(0 if r <= 1 else 11 - r)


def corpnum(base12):
    """corpnum - 13-digit corporate number: check digit in front.

    From the lowest digit, odd positions weigh 1 and even ones 2; the check
    digit is 9 minus the sum mod 9."""
    total = sum(int(d) * (1 if i % 2 == 0 else 2)
                for i, d in enumerate(reversed(base12)))
    return str(9 - total % 9) + base12


def digits(n):
    return ''.join(str(RNG.randrange(10)) for _ in range(n))


def new_mynumber():
    return mynumber(str(RNG.randrange(1, 10)) + digits(10))


def new_corpnum():
    return corpnum(str(RNG.randrange(1, 10)) + digits(11))


def mynumber_like_order():
    """A 12-digit date-and-sequence order number that happens to pass the
    My Number check digit (about one in eleven real ones do)."""
    while True:
        cand = '2026' + '%02d%02d' % (RNG.randrange(1, 13), RNG.randrange(1, 29)) \
            + '%04d' % RNG.randrange(1, 10000)
        if mynumber(cand[:11]) == cand:
            return cand


def fw(s):
    """fw - full-width digits, hyphens and letters, as some staff type."""
    out = []
    for c in s:
        if '0' <= c <= '9' or 'A' <= c <= 'Z' or 'a' <= c <= 'z':
            out.append(chr(ord(c) + 0xFEE0))
        elif c == '-':
            out.append('－')
        else:
            out.append(c)
    return ''.join(out)


def grouped(num, sep):
    return sep.join((num[0:4], num[4:8], num[8:12]))


# -- the firm and its correspondents ----------------------------------------

STAFF = [
    ('佐藤 健一', 'k.sato', '営業一課'),
    ('鈴木 亜希子', 'a.suzuki', '保険金支払サポート室'),
    ('田村 翔', 's.tamura', '営業二課'),
    ('小野寺 真理', 'm.onodera', '業務管理課'),
]

SIGS = [
    '--\n株式会社さくら保険サービス\n{dept} {name}\n〒102-0083 東京都千代田区麹町3-5-2 さくら麹町ビル4F\n'
    'TEL 03-5210-4417 / FAX 03-5210-4418\nMail: {addr}\n',
    '━━━━━━━━━━━━━━━━━━━━\n（株）さくら保険サービス　{dept}\n{name}\n'
    '〒１０２－００８３　東京都千代田区麹町３－５－２\nＴＥＬ：０３－５２１０－４４１７（代表）\n'
    'E-mail：{addr}\n━━━━━━━━━━━━━━━━━━━━\n',
    '______________________________\nSakura Hoken Service Co., Ltd.\n{dept} {name}\n'
    'Tel: +81-3-5210-4417\n{addr}\nhttps://www.sakura-hoken.example/\n',
]

PARTNERS = [
    ('tokai-kasai.example', '東海火災保険株式会社', '代理店営業部', '森本'),
    ('minato-life.example', 'みなと生命保険株式会社', '新契約部', '石川'),
    ('kitamura-shoji.example', '北村商事株式会社', '総務部', '山口'),
    ('aozora-print.example', '株式会社あおぞら印刷', '営業部', '大塚'),
    ('nishiki-sekkei.example', '錦設計事務所', '経理', '平井'),
    ('hoshino-clinic.example', '医療法人星野会', '事務局', '藤田'),
]

entries = []
counter = {}


def write_msg(name, expected, note, subject, body, staff=0, partner=0,
              charset='utf-8', cte='8bit', day=1, cc=None, sig=0, html=None,
              to_addr=None):
    """write_msg - one outbound message and its label line."""
    sname, local, dept = STAFF[staff % len(STAFF)]
    dom, org, pdept, pname = PARTNERS[partner % len(PARTNERS)]
    frm_addr = '%s@%s' % (local, FIRM)
    to = to_addr or '%s@%s' % (['info', 'agency', 'soumu', 'sales', 'keiri', 'jimu'][partner % 6], dom)
    if sig is not None:
        body = body.rstrip('\n') + '\n\n' + SIGS[sig % len(SIGS)].format(
            dept=dept, name=sname, addr=frm_addr)
    hdr = []
    hdr.append('From: %s <%s>' % (Header(sname, 'utf-8').encode(), frm_addr))
    hdr.append('To: %s' % to)
    if cc:
        hdr.append('Cc: %s' % cc)
    hdr.append('Subject: %s' % Header(subject, charset if charset != 'utf-8' else 'utf-8').encode())
    hdr.append('Date: Mon, %d Nov 2026 %02d:%02d:00 +0900' % (day % 28 + 1, 9 + day % 9, (day * 7) % 60))
    hdr.append('Message-ID: <%s.%d@mail.%s>' % (name.replace('.eml', ''), day, FIRM))
    hdr.append('MIME-Version: 1.0')
    if html is not None:
        boundary = '----=_Part_%s' % name.replace('.eml', '').replace('-', '_')
        hdr.append('Content-Type: multipart/alternative; boundary="%s"' % boundary)
        parts = []
        for ctype, text in (('text/plain', body), ('text/html', html)):
            raw = text.encode('utf-8')
            parts.append('--%s\nContent-Type: %s; charset="utf-8"\nContent-Transfer-Encoding: base64\n\n%s'
                         % (boundary, ctype, base64.encodebytes(raw).decode('ascii')))
        payload = ('\n'.join(parts) + '--%s--\n' % boundary).encode('ascii')
    else:
        raw = body.encode(charset)
        if charset == 'iso-2022-jp':
            cte = '7bit'
            enc = raw
        elif cte == 'base64':
            enc = base64.encodebytes(raw)
        elif cte == 'quoted-printable':
            enc = quopri.encodestring(raw)
        else:
            enc = raw
        hdr.append('Content-Type: text/plain; charset="%s"' % charset.upper()
                   if charset == 'iso-2022-jp' else 'Content-Type: text/plain; charset="%s"' % charset)
        hdr.append('Content-Transfer-Encoding: %s' % cte)
        payload = enc
    data = ('\n'.join(hdr) + '\n\n').encode('ascii') + payload
    with open(os.path.join(OUT, name), 'wb') as fh:
        fh.write(data.replace(b'\r\n', b'\n'))
    entries.append((name, expected, note))


def name_of(cls):
    counter[cls] = counter.get(cls, 0) + 1
    return '%s-%02d.eml' % (cls, counter[cls])


def greet(partner):
    dom, org, pdept, pname = PARTNERS[partner % len(PARTNERS)]
    return '%s\n%s　%s様\n\n' % (org, pdept, pname)


OPEN = ['いつも大変お世話になっております。\nさくら保険サービスの{n}です。\n\n',
        'お世話になっております。さくら保険サービス{n}でございます。\n\n',
        '平素は格別のお引き立てを賜り、厚く御礼申し上げます。\n株式会社さくら保険サービスの{n}です。\n\n']
CLOSE = ['\n以上、よろしくお願いいたします。\n',
         '\nお手数をおかけしますが、ご確認のほどよろしくお願い申し上げます。\n',
         '\n何卒よろしくお願いいたします。\n']


def frame(partner, staff, text, k=0):
    sname = STAFF[staff % len(STAFF)][0].split()[0]
    return greet(partner) + OPEN[k % 3].format(n=sname) + text + CLOSE[k % 3]


# -- positives --------------------------------------------------------------

def one_item():
    """A single customer item under a label that says whose it is."""
    cases = [
        ('お客様の電話番号', '090-4417-2386', 'pii.phone', '事故受付の件で、お客様へ折り返しのご連絡をお願いできますでしょうか。\n\n{L}：{V}\n\n平日日中であればつながりやすいとのことです。\n'),
        ('契約者氏名', '中村 由美子', 'pii.name', '下記契約の名義変更について、必要書類をお送りいただけますでしょうか。\n\n　{L}：{V}\n　保険種類：個人賠償責任保険\n\n書類到着後、こちらで記入のご案内をいたします。\n'),
        ('ご連絡先メール', 'yumiko.nakamura77@example.ne.jp', 'pii.email', '満期のご案内をお客様へ直接メールでお送りいただきたく、ご連絡先をお知らせいたします。\n\n{L}: {V}\n'),
        ('被保険者の生年月日', '昭和58年4月12日', 'pii.birthdate', '年齢条件の確認のため、お問い合わせの件について回答いたします。\n\n{L}は{V}です。\n\n更新後の保険料のご案内をお願いします。\n'),
        ('申込者住所', '神奈川県横浜市港北区日吉本町2丁目14-7 コーポ日吉203', 'pii.address', '申込書の記載に誤りがあったため、正しい内容をお知らせします。\n\n【{L}】\n{V}\n\nお手数ですが証券の再発行をお願いいたします。\n'),
        ('ご本人携帯', '０８０－７７２１－０４５９', 'pii.phone', '先ほどお電話した件、ご本人から直接説明を聞きたいとのことでした。\n{L}　{V}\n18時以降にお願いしたいそうです。\n'),
        ('契約者 お名前', '長谷川 誠', 'pii.name', 'ご依頼の解約返戻金の試算について、以下のお客様分をお願いします。\n\n{L}　{V}\n（証券番号は別途お電話でお伝えします）\n'),
        ('被保険者様 生年月日', '1991年11月3日', 'pii.birthdate', '告知内容の照会がございました件、お客様に確認しました。\n{L}：{V}\nとのことで、申込書の記載は誤記でした。\n'),
        ('お客様ご住所', '大阪府豊中市新千里東町1-4-2-1105', 'pii.address', '書類の郵送先が変更になりましたので、ご対応をお願いします。\n\n{L}: {V}\n'),
    ]
    for i, (label, value, cat, tmpl) in enumerate(cases):
        text = tmpl.format(L=label, V=value)
        write_msg(name_of('pos-oneitem'), '%s,body.pii' % cat, 'one labelled customer item: %s' % label,
                  ['名義変更の件', '事故受付の件（折り返しのお願い）', '満期案内の送付先', '年齢条件の確認',
                   '申込書記載内容の訂正', 'お客様ご要望の件', '解約返戻金試算のお願い', '告知内容のご照会について',
                   '書類送付先変更'][i],
                  frame(i % 2, i, text, i), staff=i, partner=i % 2, day=i, sig=i,
                  cte=['8bit', 'base64', 'quoted-printable'][i % 3])


def bank():
    """Bank accounts in the forms transfer instructions use."""
    # Japan Post Bank: 記号 5 digits (1xxx0), 番号 up to 8 digits ending in 1.
    def yucho():
        kigo = '1%03d0' % RNG.randrange(0, 1000)
        bango = digits(7) + '1'
        return kigo, bango
    k1, b1 = yucho()
    k2, b2 = yucho()
    k3, b3 = yucho()
    acct = [digits(7) for _ in range(8)]
    cases = [
        ('保険金のお振込先について、ご契約者様より以下の口座のご指定がありました。\n\n'
         'ゆうちょ銀行\n記号：%s\n番号：%s\n\nお手続きをお願いいたします。\n' % (k1, b1), 'ゆうちょ 記号/番号'),
        ('返戻金の振込先、お客様がゆうちょ口座をご希望です。\n振込先：ゆうちょ銀行 %s-%s\n' % (k2, b2), 'ゆうちょ 記号-番号'),
        ('お客様の振込先口座をお知らせします。\n\n金融機関：ゆうちょ銀行\n記号番号　%s　%s\n（他行からの振込用：店名 %s店）\n'
         % (fw(k3), fw(b3), '〇' + '一二三四五六七八九'[int(k3[1]) - 1] + '八'), 'ゆうちょ full-width'),
        ('保険金支払口座（ご契約者様の個人名義の口座です）\n\n三井住友銀行　渋谷駅前支店（店番 234）\n当座　%s\n' % acct[0],
         '当座 with branch number'),
        ('ご契約者様の引落口座の変更を承りました。\n\n銀行名：りそな銀行\n支店名：池袋支店\n預金種目：普通\n口座番号：%s\n' % acct[1],
         '普通 labelled lines'),
        ('お客様の受取口座は以下です。\nみずほ銀行 新宿南口支店 普通預金 %s\n' % fw(acct[2]), '普通 full-width digits'),
        ('事故対応の立替金について、被害者様への返金先です。\n\n金融機関\t支店\t種別\t口座番号\n'
         '横浜銀行\t戸塚支店\t普通\t%s\n' % acct[3], 'tab table pasted from Excel'),
        ('お客様ご指定の振込先\n| 銀行 | 支店コード | 科目 | 口座番号 |\n| 千葉銀行 | 118 | 普通 | %s |\n' % acct[4],
         'text table with branch code'),
        ('解約返戻金の振込先（お客様申出）\n　銀行：北洋銀行　札幌駅前支店\n　口座：普通 No.%s\n' % acct[5],
         'No. before the number'),
    ]
    subjects = ['保険金振込先のご指定', '返戻金の振込先', '振込先口座のご連絡', '支払口座について', '引落口座変更',
                '受取口座', '立替金の返金先', 'お客様振込先', '解約返戻金振込先']
    for i, (text, note) in enumerate(cases):
        write_msg(name_of('pos-bank'), 'pii.bank_account,body.pii', 'customer bank account: %s' % note,
                  subjects[i], frame(i % 2, i + 1, text, i), staff=i + 1, partner=i % 2, day=10 + i, sig=i + 1,
                  cte=['8bit', 'base64'][i % 2], charset='iso-2022-jp' if i == 4 else 'utf-8')


def sensitive():
    """要配慮個人情報 about one identified customer."""
    pol = ['TK-%s' % digits(8) for _ in range(10)]
    cases = [
        ('証券番号 %s の被保険者様について、2型糖尿病で3年前から通院中との告知がありました。\n引受可否のご判断をお願いします。\n' % pol[0], 'medical history'),
        ('証券番号 %s のお客様は、先月、特殊詐欺の被害に遭われたとのことで、犯罪被害者として警察に届出済みです。\n'
         '補償対象となるか確認をお願いします。\n' % pol[1], 'crime victim'),
        ('契約者（証券番号 %s）は勤務先の労働組合の組合員で、組合経由の団体扱いへの切替をご希望です。\n' % pol[2], 'union membership'),
        ('ご相談のあったお客様（証券番号 %s）ですが、本籍地が戸籍上は沖縄県とのことで、書類の取寄せに時間がかかります。\n' % pol[3], 'registered domicile'),
        ('証券番号 %s の被保険者様は、過去に道路交通法違反で罰金刑の前科があるとのご申告がありました。\n' % pol[4], 'criminal record'),
        ('証券番号 %s のご契約者様は、信仰上の理由により輸血を伴う治療を受けないとのご意向です。\n' % pol[5], 'religion'),
        ('Regarding the insured under policy %s: diagnosis on 2 October was major depressive disorder, '
         'and the claimant has a medical history of hospitalization in 2024.\n' % pol[6], 'English diagnosis'),
        ('Policy %s: the applicant disclosed a criminal record (conviction in 2019) in the interview.\n'
         'Please advise whether underwriting can proceed.\n' % pol[7], 'English criminal record'),
        ('証券番号 %s の被保険者様は身体障害者手帳（2級）をお持ちで、精神科への通院歴もございます。\n' % pol[8], 'disability, psychiatric'),
    ]
    subjects = ['告知内容の件', '詐欺被害のお客様について', '団体扱い切替のご相談', '書類取寄せの件', '告知事項について',
                '治療方針に関するご意向', 'Claim note', 'Underwriting question', '引受のご相談']
    for i, (text, note) in enumerate(cases):
        write_msg(name_of('pos-sensitive'), 'sensitive,body.pii', '要配慮個人情報: %s' % note,
                  subjects[i], frame(i % 2, i + 2, text, i), staff=i + 2, partner=i % 2, day=20 + i, sig=i,
                  cte=['8bit', 'quoted-printable', 'base64'][i % 3])


def english():
    """Names and dates written the way passports and foreign customers do."""
    cases = [
        ('パスポートの写しの記載内容をお送りします。\n\nSurname: WATANABE\nGiven names: HARUKA\n'
         'Date of birth: 14 MAR 1986\nNationality: JAPAN\n', 'passport MRZ-style labels'),
        ('海外旅行保険のお申込み内容です。\n\nName: Ms. Emily Carter\nDOB: March 3, 1979\n', 'Ms + DOB month name'),
        ('Applicant details for the overseas travel policy:\nFull name: Mr. Daniel Okafor\nDate of Birth: 1975-07-22\n',
         'English mail, ISO date'),
        ('外国籍のお客様の新規契約です。\nFamily name: NGUYEN\nGiven name: THI LAN\nBirth date: 05/09/1992\n', 'family/given name'),
        ('Please find the insured person below.\n\nInsured: Mr. Robert Lindqvist, born 2 February 1968\n', 'born + English date'),
        ('名義人のローマ字表記は以下のとおりです。\n氏名（ローマ字）：KOBAYASHI TAKUMI\n生年月日：Jan 17, 1990\n', 'romaji with Japanese label'),
        ('Customer: Mrs. Sophie Martin\nDate of birth: 11th November 1983\nShe asked us to send the certificate in English.\n',
         'ordinal English date'),
    ]
    subjects = ['パスポート記載内容', '海外旅行保険お申込み', 'Application details', '新規契約（外国籍のお客様）',
                'Insured person', 'ローマ字表記の件', 'Certificate request']
    for i, (text, note) in enumerate(cases):
        write_msg(name_of('pos-english'), 'pii.name,pii.birthdate,body.pii', 'English name and date: %s' % note,
                  subjects[i], frame(i % 2, i, text, i), staff=i, partner=i % 2, day=30 + i, sig=[2, 0, 2, 1, 2, 0, 2][i],
                  cte=['8bit', 'base64'][i % 2])


def mynumbers():
    """My Number with the separators and keyword placement Purview allows."""
    n = [new_mynumber() for _ in range(9)]
    filler = ('なお、源泉徴収票の写しは別途郵送いたします。提出期限は来月末と伺っておりますので、'
              '不足書類がございましたらお早めにお知らせください。また、ご担当者様が変更になる場合も'
              'あわせてご連絡いただけますと幸いです。年末のお忙しい時期に恐縮ですが、')
    cases = [
        ('支払調書作成のため、お客様の個人番号をお知らせします。\n%s\n' % grouped(n[0], '.'), 'dots, keyword line before'),
        ('マイナンバー：%s\n' % grouped(n[1], ' '), 'spaces'),
        ('お客様のマイナンバーをお送りします（ご本人同意済み）。\n\n%s\n\n%s\n' % (filler, grouped(n[2], '-')),
         'keyword ~150 characters before'),
        ('個人番号カードの表記どおり記載します。\n\n%s\n\n%s%s\n\n番号：%s\n' % (filler, filler, filler, fw(grouped(n[3], '-'))),
         'keyword ~290 characters before, full-width'),
        ('My Number: %s\nThe customer consented to provision for the payment record.\n' % grouped(n[4], '.'), 'English label, dots'),
        ('保険金支払調書用\n受取人 個人番号\n%s\n' % n[5], 'label on the previous line, no separators'),
        ('%s\n（上記はお客様の個人番号です）\n' % grouped(n[6], '．'), 'keyword after the number, full-width dot'),
        ('お問い合わせの件、マイナンバー（個人番号）は次のとおりです。\n\t%s\n' % fw(n[7]), 'full-width digits, tab'),
        ('Individual Number (My Number) of the payee\n\n%s\n' % grouped(n[8], ' '), 'English label line before'),
    ]
    subjects = ['支払調書の件', '個人番号のご連絡', 'マイナンバーご提供', '個人番号', 'My Number', '支払調書用',
                '個人番号のご連絡（再送）', 'お問い合わせの件', 'Payee number']
    for i, (text, note) in enumerate(cases):
        write_msg(name_of('pos-mynumber'), 'pii.mynumber,body.pii', 'My Number: %s' % note,
                  subjects[i], frame(i % 2, i + 3, text, i), staff=i + 3, partner=i % 2, day=40 + i, sig=i,
                  cte=['8bit', 'base64', 'quoted-printable'][i % 3], charset='iso-2022-jp' if i == 5 else 'utf-8')


# -- negatives --------------------------------------------------------------

def negatives():
    order_hit = [mynumber_like_order() for _ in range(3)]
    corp = [new_corpnum() for _ in range(8)]
    firm_corp = corp[0]
    k = 0

    def neg(cls, note, subject, text, partner, **kw):
        nonlocal k
        k += 1
        if 'raw' in kw:
            body = kw.pop('raw')
        else:
            body = frame(partner, k, text, k)
        write_msg(name_of('neg-' + cls), '-', note, subject, body, staff=k, partner=partner,
                  day=50 + k, sig=kw.pop('sig', k), **kw)

    neg('order', 'order with a 12-digit order number that passes the My Number check digit',
        'ご注文ありがとうございます（注文番号 %s）' % order_hit[0],
        'パンフレット増刷のご注文を承りました。\n\n注文番号：%s\n品名：自動車保険パンフレット A4三つ折り\n'
        '数量：3,000部\n金額：￥148,500（税込）\n納品予定：2026年12月18日\n' % order_hit[0], 3)
    neg('order', 'order table pasted from Excel (tab separated)', '備品発注のお願い',
        '以下のとおり発注いたします。\n\n品番\t品名\t数量\t単価\t金額\n'
        'KB-20411\tクリアファイル A4\t200\t35\t7,000\n'
        'PN-88120\tボールペン 黒 0.5\t120\t110\t13,200\n'
        'ST-30002\t封筒 長3 窓付\t1000\t9\t9,000\n合計\t\t\t\t29,200\n\n'
        '納品先：〒102-0083 東京都千代田区麹町3-5-2 さくら麹町ビル4F 総務宛\n', 3)
    neg('order', 'shipping slip number (12 digits, passes the My Number check) and delivery date',
        '発送のご連絡', '本日、申込書の原本をお送りしました。\n\nお問い合わせ伝票番号：%s\n到着予定：12月9日（水）午前中\n'
        % grouped(order_hit[1], '-'), 0)
    neg('invoice', 'invoice with T + 13-digit registration number and amounts', '11月分ご請求書送付の件',
        '11月分のご請求書をお送りします。\n\n請求番号：INV-2026-1187\n請求金額：１，２８７，０００円（税込）\n'
        'お支払期限：2026年12月25日\n適格請求書発行事業者登録番号：T%s\n' % firm_corp, 4)
    neg('invoice', 'invoice with the firm\'s own corporate payee account', 'ご請求書（12月分）',
        '12月分の手数料についてご請求申し上げます。\n\n金額　418,000円（うち消費税 38,000円）\n'
        '登録番号　T%s\nお振込先　みずほ銀行 麹町支店 普通 2087431\n口座名義　カ）サクラホケンサービス\n' % firm_corp, 2)
    neg('invoice', 'receipt with full-width amounts and registration number', '領収書の送付',
        '先日お振込みいただいた代金の領収書を添付いたします。\n\n領収金額　￥５５，０００－\n但し　セミナー会場使用料として\n'
        '登録番号　Ｔ%s\n' % fw(corp[1]), 4)
    neg('corporate', 'corporate numbers of customers (法人番号), 13 digits', '法人契約の名寄せについて',
        '法人契約の名寄せのため、各社の法人番号をお送りします。\n\n北村商事株式会社\t%s\n株式会社あおぞら印刷\t%s\n'
        '錦設計事務所（個人事業のため法人番号なし）\n' % (corp[2], corp[3]), 0)
    neg('corporate', 'corporate number with hyphens and a company address', '取引先登録情報',
        '御社の取引先登録に必要な弊社情報です。\n\n商号：株式会社さくら保険サービス\n法人番号：%s-%s-%s-%s\n'
        '本店所在地：東京都千代田区麹町3-5-2\n代表電話：03-5210-4417\n' % (firm_corp[0], firm_corp[1:5], firm_corp[5:9], firm_corp[9:]), 2)
    neg('schedule', 'meeting dates and times, recipient greeting', '打合せ日程のご相談',
        '来期の販売計画について打合せをお願いしたく、下記の候補日をご提示します。\n\n'
        '・12月10日（木）14:00～15:00\n・12月14日（月）10:30～11:30\n・12月16日（水）16:00～17:00\n\n'
        '場所は弊社3階会議室、または Teams でも結構です。\n', 0)
    neg('schedule', 'English business mail with recipient name in the greeting', 'Meeting on 15 December',
        None, 1, raw='Dear Mr. Ishikawa,\n\nThank you for your time last week. As agreed, our next review '
        'meeting is on Tuesday, 15 December 2026, 10:00-11:30 JST, at your office.\n\n'
        'Agenda: Q4 new business figures, renewal ratio, and the revised commission table (effective 1 April 2027).\n\n'
        'Best regards,\n')
    neg('greeting', 'year-end greeting with the firm\'s phone in the body', '年末年始休業のお知らせ',
        '誠に勝手ながら、弊社は下記の期間を年末年始休業とさせていただきます。\n\n'
        '休業期間：2026年12月29日（火）～2027年1月4日（月）\n\n休業中の事故のご連絡は、各保険会社の事故受付センター'
        '（24時間）へお願いいたします。弊社へのお問い合わせは1月5日以降、03-5210-4417までお電話ください。\n', 5)
    neg('greeting', 'new-year-style thanks with the recipient organisation and name', '本年もありがとうございました',
        '本年も格別のご高配を賜り、誠にありがとうございました。\n来年も変わらぬお引き立てのほど、よろしくお願い申し上げます。\n', 2)
    neg('quote', 'reply with an Outlook-style quote of the partner mail (their signature, phone, postal code)',
        'RE: 代理店手数料明細の件',
        None, 0, raw='東海火災保険株式会社\n森本様\n\nお世話になっております。さくら保険サービスの鈴木です。\n'
        '明細を確認しました。差異はございません。\n\n'
        '-----Original Message-----\nFrom: 森本 浩二 <morimoto@tokai-kasai.example>\nSent: Friday, November 27, 2026 5:12 PM\n'
        'To: 鈴木 亜希子 <a.suzuki@sakura-hoken.example>\nSubject: 代理店手数料明細の件\n\n'
        'さくら保険サービス 鈴木様\n\n10月計上分の代理店手数料明細をお送りします。\n支払予定日：12月10日\n支払額：1,923,410円\n\n'
        '東海火災保険株式会社 代理店営業部 森本浩二\n〒100-0005 東京都千代田区丸の内1-9-1\nTEL 03-3212-8800\n')
    neg('quote', 'reply with ">" quoting; dates and document numbers', 'Re: 見積書の再発行',
        None, 3, raw='あおぞら印刷 大塚様\n\n見積書の件、承知しました。No.Q-2611-0042 の内容で進めてください。\n\n'
        '> さくら保険サービス 佐藤様\n> 先日の見積書（No.Q-2611-0042、2026/11/20付）ですが、用紙代の改定により\n'
        '> 再発行させていただきます。金額は 162,800円（税込）となります。\n> 有効期限：2026年12月31日\n')
    neg('stats', 'monthly figures: counts, ratios, amounts', '11月度 実績報告',
        '11月度の実績をご報告します。\n\n新規契約件数：42件（前年同月比 108.3%）\n更新率：94.7%\n'
        '収入保険料：12,480,300円\n事故受付件数：17件（うち車両 11件）\n', 0)
    neg('stats', 'full-width figures and percentages', '営業成績のご報告',
        '今期累計の数字をご報告いたします。\n\n　挙績　２３，４１８，０００円\n　件数　１８７件\n　目標達成率　９６．２％\n', 1)
    neg('seminar', 'seminar notice with venue address, postal code and phone', 'セミナーご案内',
        '下記のとおり、法人のお客様向けセミナーを開催いたします。\n\n日時：2027年1月21日（木）13:30～15:00\n'
        '会場：さくら麹町ビル 8階ホール（〒102-0083 東京都千代田区麹町3-5-2）\n定員：40名\n'
        'お問い合わせ：03-5210-4417（担当 田村）\n', 2)
    neg('sensitive-topic', 'product brochure about medical insurance (illness words, no person)',
        '医療保険パンフレットのご送付',
        '新しい医療保険のパンフレットをお送りします。がん・心疾患・脳血管疾患の三大疾病や、'
        'うつ病などの精神疾患による入院も保障の対象です。\n持病のある方向けの引受基準緩和型もございます。\n', 1)
    neg('sensitive-topic', 'labour-union negotiation schedule of the firm (no individual)', '団体交渉日程について',
        '労働組合との年末一時金に関する団体交渉の日程が12月11日に決まりましたので、会議室の予約をお願いします。\n', 2)
    neg('sensitive-topic', 'training on crime-victim support (no individual)', '研修会のご案内',
        '犯罪被害者支援に関する研修会（講師：県警察本部）を1月に開催します。ご参加いただける方の人数をお知らせください。\n', 5)
    neg('sensitive-topic', 'English: policy wording about pre-existing conditions (no person)', 'Policy wording',
        'The revised wording excludes pre-existing medical conditions diagnosed within 12 months before the start date. '
        'Please review clause 4.2 before we circulate it.\n', 1)
    neg('address', 'delivery to a partner company office with postal code', '資料送付先のご確認',
        '資料の送付先は以下でよろしいでしょうか。\n\n〒530-0001\n大阪府大阪市北区梅田2-4-9 ブリーゼタワー12F\n'
        '北村商事株式会社 大阪支店 総務部 御中\n', 2)
    neg('address', 'company signature of the recipient quoted in the greeting, with phone and fax', '郵送物の件',
        '請求書の原本を本日郵送しました。到着まで2～3日ほどお待ちください。\n'
        '（宛先：錦設計事務所 〒150-0002 東京都渋谷区渋谷2-15-1 TEL 03-6418-2201 FAX 03-6418-2202）\n', 4)
    neg('product', 'product codes, model numbers and a tracking URL', '代車手配のご連絡',
        '代車の手配が完了しました。\n\n車種：トヨタ カローラ（型式 6AA-ZWE211）\n登録番号：品川 500 さ 12-34\n'
        '貸出期間：12/8～12/15\n詳細：https://www.sakura-hoken.example/rental/R2612-0081\n', 0)
    neg('product', 'policy renewal list without personal data (policy counts per product)', '更新対象件数のご連絡',
        '1月満期の更新対象は以下のとおりです。\n\n商品\t件数\t保険料合計\n自動車\t64\t3,912,000\n'
        '火災\t18\t1,204,500\n傷害\t9\t286,200\n', 0)
    neg('it', 'IT notice with IP addresses, version numbers, dates', 'システムメンテナンスのお知らせ',
        '代理店システムのメンテナンスを実施します。\n\n日時：12月12日（土）22:00～翌6:00\n'
        '対象：https://agent.tokai-kasai.example/ （接続元 203.0.113.24 から許可設定済み）\nバージョン：4.12.3 → 4.13.0\n', 0)
    neg('it', 'long reference numbers: 16-digit contract management number (not a card), 10-digit ticket', '照会番号の件',
        'お問い合わせの件、照会番号は以下のとおりです。\n\n契約管理番号：2026-1120-0047-3318\n受付番号：0012748830\n'
        '回答期限：12月18日\n', 1)
    neg('hr', 'the firm\'s own staff list for a partner portal (business contacts)', 'ポータル利用者登録',
        '代理店ポータルの利用者として、弊社の下記担当者の登録をお願いします。\n\n'
        '佐藤 健一（営業一課）k.sato@sakura-hoken.example\n田村 翔（営業二課）s.tamura@sakura-hoken.example\n'
        '代表 03-5210-4417\n', 0)
    neg('thanks', 'short thanks with the recipient name only', 'お礼',
        '本日はお忙しいところお時間をいただき、ありがとうございました。\nいただいたご意見は社内で共有いたします。\n', 3)
    neg('thanks', 'English thank-you with sender signature and dates', 'Thank you',
        None, 1, raw='Dear Ms. Ishikawa,\n\nThank you for hosting us on 3 December. We will send the minutes by 10 December.\n\n'
        'Kind regards,\n')
    neg('bank-firm', 'the firm\'s own account for premium payment in a notice to a corporate customer', '保険料お振込みのお願い',
        '法人契約の保険料について、下記口座へのお振込みをお願いいたします。\n\n振込先：三菱UFJ銀行 麹町中通支店（店番 071）\n'
        '当座 0312047\n名義：株式会社さくら保険サービス\n金額：386,400円\n期限：2026年12月28日\n', 2)
    neg('bank-firm', 'vendor payment notice (corporate payee)', 'お支払いのご連絡',
        '11月分の印刷代金につきまして、12月25日に下記のとおりお支払いいたします。\n\n'
        '支払先：株式会社あおぞら印刷（登録番号 T%s）\n支払額：148,500円\n' % corp[4], 3)
    neg('mixed', 'questionnaire tally with ages and prefectures (aggregate)', 'アンケート集計結果',
        'お客様アンケートの集計結果です（回答数 312）。\n\n年代別：20代 12% / 30代 24% / 40代 31% / 50代以上 33%\n'
        '地域別：東京都 41% / 神奈川県 22% / 埼玉県 17% / 千葉県 20%\n満足度：4.3 / 5\n', 0)
    neg('mixed', 'accident report without personal data (place, time, damage)', '事故報告（物損）',
        '弊社社用車の物損事故についてご報告します。\n\n発生日時：2026年12月2日 10:40頃\n'
        '場所：東京都千代田区麹町4丁目交差点付近\n損害：相手方車両の左後部バンパー擦過、人身なし\n'
        '弊社車両：品川 300 あ 45-67\n', 0)
    neg('mixed', 'price list with full-width product codes', '価格表送付',
        '改定後の価格表をお送りします。\n\nＡ－１０２　ファイルボックス　１，２８０円\nＢ－２０４　名刺ケース　４８０円\n'
        'Ｃ－３３０　印鑑マット　６２０円\n', 3)
    neg('mixed', 'forwarded partner announcement with their corporate number and head office', 'FW: 社名変更のお知らせ',
        '北村商事様から社名変更の案内が届きましたので共有します。\n\n---------- Forwarded message ---------\n'
        '新商号：キタムラホールディングス株式会社（法人番号 %s、変更なし）\n効力発生日：2027年4月1日\n'
        '本社：〒105-0011 東京都港区芝公園2-6-3\n' % corp[5], 0)
    neg('mixed', 'short internal-style reply to partner with a date and an amount', 'Re: 見積の件',
        '金額 2,640,000円 で承認が下りました。発注書は12月9日に送付します。\n', 3)
    neg('mixed', 'mail with an order number that fails the check digit and a date', 'ご注文内容の確認',
        '注文番号 %s の内容でお間違いないかご確認ください。納期は2026年12月21日です。\n'
        % (order_hit[2][:11] + str((int(order_hit[2][11]) + 1) % 10)), 3)
    neg('mixed', 'campaign mail with a URL, a coupon code and a toll-free number', 'キャンペーンのご案内',
        '法人向け団体保険の見直しキャンペーンを実施中です。\n詳細：https://www.sakura-hoken.example/campaign/2027\n'
        'キャンペーンコード：SKR-2027-WINTER\nフリーダイヤル 0120-418-227（平日9:00～17:00）\n', 2)
    neg('meeting', 'online meeting invitation: 12-digit meeting ID in groups of three, passcode', 'オンライン会議のご案内',
        '下記のとおりオンライン会議を設定しました。\n\n日時：12月17日（木）10:00～11:00\n'
        '会議 ID: 428 906 137 552\nパスコード: Sk7yQ2\n参加用URL：https://teams.example.com/l/meetup-join/19%3ameeting\n', 1)
    neg('agency', 'agency codes and staff registration numbers of the firm (tab list)', '募集人登録番号のご連絡',
        '弊社募集人の登録番号をお知らせします（代理店コード 0418-227）。\n\n'
        '氏名\t登録番号\t資格\n営業一課 担当A\t2009-11830\t一般\n営業二課 担当B\t2015-40277\t専門\n', 0)
    neg('english', 'English report with dates, amounts and claim counts', 'Monthly claims summary',
        None, 1, raw='Dear Ms. Ishikawa,\n\nClaims summary as of 30 Nov 2026:\n\n'
        '- Reported: 17 (motor 11, property 4, liability 2)\n- Paid: JPY 8,412,000\n'
        '- Outstanding reserve: JPY 3,150,000\n\nNext report due 7 January 2027.\n\nRegards,\n')
    neg('contact', 'the insurer\'s accident desk and toll-free numbers quoted for a customer group', 'ご案内文の確認',
        '法人のお客様へお送りする案内文の案です。ご確認ください。\n\n'
        '「事故のご連絡は 東海火災 事故受付センター 0120-258-190（24時間）、'
        'ロードサービスは 0120-119-024 へお電話ください。」\n', 0)
    neg('iso2022', 'ISO-2022-JP mail with the firm\'s post-office box and a document number', '書類返送先のご案内',
        '書類の返送先は下記の私書箱をご利用ください。\n\n〒102-8691 麹町郵便局 私書箱第27号\n'
        '株式会社さくら保険サービス 業務管理課\n書類番号：SK-2026-12-0093\n', 0, charset='iso-2022-jp')
    neg('mixed', 'HTML newsletter to a corporate customer (text and HTML parts)', 'さくら通信 12月号',
        'さくら通信 12月号をお届けします。\n・年末の自動車事故にご注意\n・地震保険の改定（2027年1月）\n', 2,
        html='<html><body><h2>さくら通信 12月号</h2><ul><li>年末の自動車事故にご注意</li>'
        '<li>地震保険の改定（2027年1月）</li></ul><p>株式会社さくら保険サービス TEL 03-5210-4417</p></body></html>')


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith('.eml'):
            os.unlink(os.path.join(OUT, f))
    one_item()
    bank()
    sensitive()
    english()
    mynumbers()
    negatives()
    with open(os.path.join(HERE, 'labels.tsv'), 'w', encoding='utf-8') as fh:
        fh.write('# Held-out personal-data set of omamori (see README for the references).\n')
        fh.write('# Made by gen.py; do not edit by hand.  Not for tuning rules.\n#\n')
        fh.write('# covers: %s\n' % COVERS)
        fh.write('# config: omamori.conf\n#\n')
        for name, expected, note in entries:
            fh.write('%s\t%s\t-\t%s\n' % (name, expected, note))


if __name__ == '__main__':
    main()
