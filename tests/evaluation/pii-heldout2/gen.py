#!/usr/bin/env python3
# NAME
#   gen.py - write the second held-out personal-data set (messages/*.eml, labels.tsv)
#
# SYNOPSIS
#   python3 tests/evaluation/pii-heldout2/gen.py
#
# DESCRIPTION
#   Outbound mail of an invented insurance agency, Tsubaki Hoken Service
#   (tsubaki-hoken.example).  Every message and its expected categories are
#   written out here, one call to msg() each; nothing is random, so a second
#   run writes the same bytes.  Labels were decided from the text of each
#   message before any scan (see README for the rules used).
#
#   Check digits (My Number, corporate number, invoice registration number)
#   are computed below from the published algorithms; the functions assert
#   the published examples.
#
# Python 3 standard library only.

import os
import sys
from email.header import Header

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'messages')
FIRM = 'tsubaki-hoken.example'


# ---------------------------------------------------------------- check digits

def mynumber_check(first11):
    """mynumber_check - check digit of an individual number (My Number).

    Digits P(n), n = 1..11 counted from the right of the first eleven;
    weights Q(n) = n + 1 for n <= 6, n - 5 for n >= 7; r = sum mod 11;
    the check digit is 0 when r <= 1, else 11 - r."""
    assert len(first11) == 11 and first11.isdigit()
    total = 0
    for n in range(1, 12):
        p = int(first11[11 - n])
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    r = total % 11
    return '0' if r <= 1 else str(11 - r)


def mynumber(first11):
    return first11 + mynumber_check(first11)


def corp_check(body12):
    """corp_check - leading check digit of a corporate number (法人番号).

    Digits P(n), n = 1..12 counted from the right; weight 1 for odd n,
    2 for even n; the check digit is 9 - (sum mod 9)."""
    assert len(body12) == 12 and body12.isdigit()
    total = 0
    for n in range(1, 13):
        p = int(body12[12 - n])
        total += p * (2 if n % 2 == 0 else 1)
    return str(9 - total % 9)


def corpnum(body12):
    return corp_check(body12) + body12


assert mynumber('12345678901') == '123456789018'
assert corpnum('700110005901') == '8700110005901'


def spaced(s, sep, groups=(4, 4, 4)):
    out, i = [], 0
    for g in groups:
        out.append(s[i:i + g])
        i += g
    return sep.join(out)


def fullwidth(s):
    return ''.join(chr(ord(c) + 0xFEE0) if '0' <= c <= '9' else c for c in s)


# ---------------------------------------------------------------- messages

SIG = """
--
株式会社つばき保険サービス　本店営業部
{who}
〒330-0854 埼玉県さいたま市大宮区桜木町2-311 つばきビル4F
TEL 048-600-3317 / FAX 048-600-3318
{mail}@tsubaki-hoken.example
https://www.tsubaki-hoken.example/
"""

STAFF = [('kaneda', '金田 直樹'), ('okubo', '大久保 さやか'), ('hirano', '平野 拓郎'),
         ('sugita', '杉田 真理子'), ('ueno', '上野 蓮')]

MESSAGES = []


def msg(name, cats, note, to, subject, body, staff=0, html=None, sig=True):
    """msg - record one message with its expected categories ('-' for none)."""
    MESSAGES.append((name, cats, note, to, subject, body, staff, html, sig))


def render(idx, name, to, subject, body, staff, html, sig):
    login, who = STAFF[staff % len(STAFF)]
    text = body.strip('\n') + '\n'
    if sig:
        text += SIG.format(who=who, mail=login)
    frm = '%s <%s@%s>' % (Header(who, 'utf-8').encode(), login, FIRM)
    day = 1 + idx % 27
    hdr = [
        'From: %s' % frm,
        'To: %s' % to,
        'Subject: %s' % Header(subject, 'utf-8').encode(),
        'Date: %02d Oct 2026 %02d:%02d:00 +0900' % (day, 9 + idx % 9, (idx * 7) % 60),
        'Message-ID: <h2-%04d.%s@%s>' % (idx, name.replace('.eml', ''), FIRM),
        'MIME-Version: 1.0',
    ]
    if html is None:
        hdr += ['Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: 8bit']
        return '\r\n'.join(hdr) + '\r\n\r\n' + text.replace('\n', '\r\n')
    b = '=_h2alt_%04d' % idx
    hdr += ['Content-Type: multipart/alternative; boundary="%s"' % b]
    parts = ['--%s' % b, 'Content-Type: text/plain; charset=UTF-8',
             'Content-Transfer-Encoding: 8bit', '', text,
             '--%s' % b, 'Content-Type: text/html; charset=UTF-8',
             'Content-Transfer-Encoding: 8bit', '', html, '--%s--' % b, '']
    return '\r\n'.join(hdr) + '\r\n\r\n' + '\r\n'.join(p.replace('\n', '\r\n') for p in parts)


# ---- positives: one customer's labelled item -----------------------------

msg('pos-item-01.eml', 'pii.phone,body.pii', 'one item: 「○○様の携帯は」 phone, surname only',
    'claims@aozora-sonpo.example', '事故受付の件（連絡先）', """
あおぞら損保 事故受付センター ご担当者様

いつもお世話になっております。
本日ご連絡した車両事故の件、契約者の加藤様の携帯は 090-4172-8836 です。
日中は仕事中のため、18時以降のご連絡をご希望とのことです。
よろしくお願いいたします。
""")

msg('pos-item-02.eml', 'pii.name,pii.birthdate,body.pii',
    'one item: 「ご契約者の山田さん（…）」 full name and birth date in brackets',
    'uw@hoshizora-life.example', '告知内容の確認依頼', """
ほしぞら生命 引受査定部 御中

ご契約者の山田さん（山田 千春　1979年6月14日生）の件で、告知書の記載内容について
確認させてください。先日お送りした書類の3ページ目をご覧ください。
""", staff=1)

msg('pos-item-03.eml', 'pii.name,pii.phone,body.pii',
    'one customer in a two-column table under お客様情報',
    'support@aozora-sonpo.example', '名義変更手続きのお願い', """
あおぞら損保 代理店サポートデスク 様

下記のお客様の名義変更手続きをお願いいたします。

【お客様情報】
氏名　　　　石川 智美
電話番号　　0422-38-5517
変更理由　　婚姻による改姓

以上、よろしくお願いいたします。
""", staff=2)

msg('pos-item-04.eml', 'pii.address,pii.postal_code,body.pii',
    'one item: value on the line after the label 被保険者住所',
    'shiharai@aozora-sonpo.example', '書類送付先について', """
あおぞら損保 保険金支払部 御中

書類の送付先を下記に変更してください。

被保険者住所：
〒252-0303 神奈川県相模原市南区相模大野7-21-9 ハイツ相模大野203

お手数ですがよろしくお願いいたします。
""", staff=3)

msg('pos-item-05.eml', 'pii.email,body.pii',
    'one item: 申込者 label three lines above the address',
    'web-uketsuke@hoshizora-life.example', 'Web申込の控えメール未着', """
ほしぞら生命 Web受付窓口 ご担当者様

申込者の方から、申込控えのメールが届いていないとの連絡がありました。
申込者のメールアドレスは以下のとおりです。
（受付番号 W-260918-044）

tanabe.miyu.0412@example.ne.jp

再送をお願いできますでしょうか。
""", staff=4)

msg('pos-item-06.eml', 'pii.birthdate,body.pii', 'one item: ご本人生年月日 in slashed digits',
    'uw@hoshizora-life.example', '年齢計算の確認', """
ほしぞら生命 ご担当者様

見積の年齢が合わないため確認させてください。
ご本人生年月日：1988/11/05
契約日を12月1日とした場合の保険年齢をご教示ください。
""")

msg('pos-item-07.eml', 'pii.name,body.pii', 'one item: お客様氏名 with katakana reading',
    'support@aozora-sonpo.example', '証券再発行のお願い', """
あおぞら損保 ご担当者様

証券の再発行をお願いいたします。
お客様氏名（フリガナ）：森下 健吾（モリシタ ケンゴ）
紛失による再発行です。
""", staff=1)

msg('pos-item-08.eml', 'pii.phone,body.pii', 'one item: 契約者 自宅TEL, label two lines above',
    'claims@aozora-sonpo.example', 'Re: 火災事故のご連絡', """
ご担当者様

契約者の自宅の連絡先をお知らせします。
携帯はつながりにくいとのことなので、こちらにお願いします。
　自宅TEL　049-227-6081
""", staff=2)

# ---- positives: bank accounts -------------------------------------------

msg('pos-bank-01.eml', 'pii.bank_account,body.pii', 'ゆうちょ 記号-番号 of the insured',
    'shiharai@aozora-sonpo.example', '保険金振込口座のご連絡', """
あおぞら損保 保険金支払部 御中

被保険者より振込口座の連絡がありましたのでお知らせします。
ゆうちょ銀行　記号 14170-番号 38275461
名義はご本人です。
""", staff=3)

msg('pos-bank-02.eml', 'pii.bank_account,body.pii', '普通 account with 支店名 and 支店番号',
    'shiharai@aozora-sonpo.example', '解約返戻金の振込先', """
ご担当者様

契約者様の解約返戻金の振込先は下記のとおりです。
　金融機関：みずほ銀行　吉祥寺支店（支店番号 233）
　種別：普通　口座番号：4603178
よろしくお願いいたします。
""", staff=4)

msg('pos-bank-03.eml', 'pii.bank_account,body.pii', '当座 account of a sole-proprietor customer',
    'hojin@aozora-sonpo.example', '口座振替依頼書の記載内容', """
あおぞら損保 法人営業課 様

個人事業主のお客様（契約者）の口座振替先です。
三井住友銀行 川越支店 当座 0087214
依頼書の原本は本日郵送しました。
""")

msg('pos-bank-04.eml', 'pii.bank_account,body.pii', 'account number in full-width digits',
    'shiharai@hoshizora-life.example', '給付金の振込口座', """
ほしぞら生命 給付金課 御中

被保険者の給付金振込口座です。
りそな銀行　浦和支店（店番号 ２１６）
普通預金　口座番号 %s
""" % fullwidth('1938264'), staff=1)

msg('pos-bank-05.eml', 'pii.name,pii.bank_account,body.pii',
    'tab-separated rows pasted from Excel: customer, bank, branch, type, number',
    'shiharai@aozora-sonpo.example', '返戻金振込一覧（3件）', """
ご担当者様

満期返戻金の振込先一覧です（Excelから貼り付け）。

契約者名\t銀行名\t支店名\t種別\t口座番号
長谷川 悠人\t埼玉りそな銀行\t大宮支店\t普通\t5820163
小野寺 美咲\t武蔵野銀行\t与野支店\t普通\t0271945
菅原 大地\t三菱UFJ銀行\t所沢支店\t当座\t1104728
""", staff=2)

msg('pos-bank-06.eml', 'pii.bank_account,body.pii',
    'ゆうちょ account written as branch name and 店番 for transfers from other banks',
    'shiharai@hoshizora-life.example', '振込先（ゆうちょ・他行から）', """
ご担当者様

お客様ご本人の口座です。他行からの振込用の表記でお伝えします。
ゆうちょ銀行　店名 四一八（ヨンイチハチ）　店番 418
普通預金　3827546
""", staff=3)

msg('pos-bank-07.eml', 'pii.bank_account,body.pii', 'account on the line after the label, ゆうちょ with full-width hyphen',
    'shiharai@aozora-sonpo.example', 'Re: 振込口座の再確認', """
ご担当者様

お問い合わせの件、契約者様に再確認しました。
正しい口座は以下です（前回の記号に誤りがありました）。
ゆうちょ銀行
１０２６０－２７４５９０３１
""", staff=4)

# ---- positives: 要配慮個人情報 ------------------------------------------

msg('pos-sens-01.eml', 'sensitive,body.pii', 'health, indirect: 入院中 (no name)',
    'claims@aozora-sonpo.example', '事故後の状況', """
ご担当者様

先日の追突事故の被保険者ですが、現在も入院中で、退院の目処は立っていないそうです。
示談交渉の開始時期についてご相談させてください。
""")

msg('pos-sens-02.eml', 'pii.name,sensitive,body.pii', 'health: 通院 and 服薬 of a named customer',
    'uw@hoshizora-life.example', '告知事項の補足', """
ほしぞら生命 引受査定部 御中

申込者 野村 絵里香 様より、告知の補足がありました。
2年前から心療内科に月1回通院しており、睡眠導入剤を服薬中とのことです。
追加の告知書が必要でしょうか。
""", staff=1)

msg('pos-sens-03.eml', 'sensitive,body.pii', 'health: 手術 stated for the insured',
    'kyufu@hoshizora-life.example', '手術給付金の請求', """
ご担当者様

被保険者が10月2日に腹腔鏡による胆のう摘出の手術を受けました。
手術給付金の請求書類一式をご送付ください。
""", staff=2)

msg('pos-sens-04.eml', 'pii.name,sensitive,body.pii', 'health: 診断 with disease name',
    'uw@hoshizora-life.example', '既往症について', """
ご担当者様

ご契約者の藤田 俊介さんですが、昨年の健康診断後に2型糖尿病と診断されたとのことです。
現在の契約への影響をご教示ください。
""", staff=3)

msg('pos-sens-05.eml', 'sensitive,body.pii', 'crime victim: ご本人 was a victim of fraud',
    'support@aozora-sonpo.example', '契約者からの相談', """
ご担当者様

ご本人は先月、還付金詐欺の被害に遭われ、キャッシュカードを騙し取られたそうです。
口座振替の変更が必要になりますので、手続きをご案内ください。
""", staff=4)

msg('pos-sens-06.eml', 'pii.name,sensitive,body.pii', 'union membership of a named customer',
    'hojin@aozora-sonpo.example', '団体扱いの適用可否', """
ご担当者様

お客様の中西 康弘様は、勤務先の労働組合の組合員です。
組合を通じた団体扱いが適用できるか確認をお願いします。
""")

msg('pos-sens-07.eml', 'sensitive,body.pii', 'family origin: 本籍 of the policyholder',
    'support@hoshizora-life.example', '戸籍書類の件', """
ご担当者様

受取人変更のため戸籍謄本を取り寄せています。
契約者の本籍は鹿児島県奄美市です。
取り寄せに2週間ほどかかる見込みです。
""", staff=1)

msg('pos-sens-08.eml', 'sensitive,body.pii', 'criminal record declared by the applicant',
    'uw@aozora-sonpo.example', '申込時の申告事項', """
ご担当者様

申込者から、過去に道路交通法違反で罰金刑の前科があるとの申告を受けました。
引受に影響があるか、事前にご確認いただけますか。
""", staff=2)

msg('pos-sens-09.eml', 'sensitive,body.pii', 'religion: the insured refuses transfusion on religious grounds',
    'kyufu@hoshizora-life.example', '治療方針についての連絡', """
ご担当者様

被保険者は信仰上の理由（エホバの証人の信者）で輸血を拒否されています。
手術の方針が変わる可能性があるとのことで、ご報告します。
""", staff=3)

msg('pos-sens-10.eml', 'pii.name,sensitive,body.pii', 'disability: 身体障害者手帳 of a named customer',
    'support@aozora-sonpo.example', '割引適用の確認', """
ご担当者様

契約者 岡本 修 様は身体障害者手帳1級（下肢機能障害）をお持ちです。
自動車保険の福祉車両関連の特約の対象になるか確認させてください。
""", staff=4)

msg('pos-sens-11.eml', 'pii.name,sensitive,body.pii', 'English: diagnosis and medical history of a named customer',
    'claims@harbor-re.example', 'Claim file - medical details', """
Dear Claims Team,

Regarding our client Mr. Kenji Arakawa: he was diagnosed with atrial fibrillation
in March, and his medical history includes a stroke in 2019.
Please advise whether the exclusion clause applies.

Best regards,
""")

msg('pos-sens-12.eml', 'sensitive,body.pii', 'English: criminal record and religion of the applicant',
    'uw@harbor-re.example', 'Applicant disclosure', """
Hello,

The applicant disclosed a criminal record (a conviction for fraud in 2015).
She also asked that her religion (Muslim) be considered for the halal meal
option of the travel cover.

Regards,
""", staff=1)

# ---- positives: English names, dates in English and era forms ----------

msg('pos-en-01.eml', 'pii.name,pii.birthdate,body.pii', 'Family name / Given name and DD MON YYYY',
    'travel@aozora-sonpo.example', '海外旅行保険 申込内容', """
ご担当者様

海外旅行保険の被保険者情報です（パスポート表記）。
Family name: NAKAMURA
Given name: RYOTA
Date of birth: 12 MAR 1984
""", staff=2)

msg('pos-en-02.eml', 'pii.name,pii.birthdate,body.pii', 'Mr + name and ordinal English date',
    'uw@harbor-re.example', 'New applicant', """
Dear Ms. Lee,

Please find the details of the new applicant below.
Applicant: Mr. Daniel Whitfield
DOB: April 7th, 1979
He currently lives in Yokohama.
""", staff=3)

msg('pos-en-03.eml', 'pii.name,body.pii', 'romaji name under a Japanese label',
    'support@hoshizora-life.example', 'ローマ字氏名の登録', """
ご担当者様

契約者氏名（ローマ字）: Aoi Fujisawa
海外送金のため、ローマ字表記を登録してください。
""", staff=4)

msg('pos-en-04.eml', 'pii.birthdate,body.pii', 'era date in kanji numerals: 昭和六十年三月十二日',
    'uw@hoshizora-life.example', '生年月日の訂正', """
ご担当者様

申込書の生年月日に誤記がありました。
正しくは　昭和六十年三月十二日　です（被保険者）。
訂正印を押した書類を郵送します。
""")

msg('pos-en-05.eml', 'pii.birthdate,body.pii', 'era first year: 平成元年…生まれ',
    'uw@aozora-sonpo.example', '年齢条件の確認', """
ご担当者様

記名被保険者は平成元年8月20日生まれです。
運転者年齢条件は35歳以上補償で問題ないでしょうか。
""", staff=1)

msg('pos-en-06.eml', 'pii.name,pii.birthdate,body.pii', 'Ms + name and "the 23rd of September 1991"',
    'travel@harbor-re.example', 'Student cover', """
Hello,

Our customer Ms. Hannah Kowalski, born on the 23rd of September 1991,
would like to extend her student cover until March.

Kind regards,
""", staff=2)

msg('pos-en-07.eml', 'pii.birthdate,body.pii', 'child born 令和元年, date in era digits with 生',
    'kyufu@hoshizora-life.example', '学資保険の被保険者', """
ご担当者様

学資保険の被保険者（お子様）は令和元年6月2日生です。
受取人はご契約者であるお父様です。
""", staff=3)

msg('pos-en-08.eml', 'pii.name,pii.birthdate,body.pii', 'passport-style block: Surname / Given names / Date of birth',
    'travel@aozora-sonpo.example', '渡航者情報（追加）', """
ご担当者様

追加の渡航者です。
Surname: TAKEDA
Given names: MISAKI
Nationality: JAPAN
Date of birth: 05 JUL 1990
Sex: F
""", staff=4)

# ---- positives: My Number ---------------------------------------------

MN = [mynumber(x) for x in ('41205837269', '30817264951', '58293017468', '72940381526',
                            '16385920473', '29471056382', '83016274951', '64728391045')]

msg('pos-mn-01.eml', 'pii.mynumber,body.pii', 'My Number with spaces, keyword on the same line',
    'nenkin@hoshizora-life.example', '支払調書作成のため', """
ご担当者様

支払調書作成のため、受取人のマイナンバーは %s です。
本人確認書類の写しは別途郵送します。
""" % spaced(MN[0], ' '))

msg('pos-mn-02.eml', 'pii.mynumber,body.pii', 'My Number with hyphens, keyword on the line before',
    'nenkin@hoshizora-life.example', '個人番号の届出', """
ご担当者様

受取人の個人番号
%s
よろしくお願いします。
""" % spaced(MN[1], '-'), staff=1)

msg('pos-mn-03.eml', 'pii.mynumber,body.pii', 'My Number with dots',
    'shiharai@aozora-sonpo.example', '個人番号（再送）', """
ご担当者様

先ほどの個人番号に誤りがありました。正しくは %s です。
""" % spaced(MN[2], '.'), staff=2)

msg('pos-mn-04.eml', 'pii.mynumber,body.pii', 'keyword about 250 characters before the number',
    'nenkin@hoshizora-life.example', '年金支払開始の手続き', """
ご担当者様

個人年金の支払開始にあたり、マイナンバーの届出が必要とのことで、契約者から本日電話で
番号を伺いました。契約者は来月から海外赴任の予定があり、赴任前に手続きを終えたいとの
ご希望です。必要書類は本人確認書類の写し（運転免許証）と届出書で、届出書は本日
簡易書留で発送済みです。到着後、不備がないかご確認いただけますと幸いです。
なお、年金の受取口座は既に登録済みの口座から変更はありません。支払開始日は
来年1月15日の予定と伺っております。また、源泉徴収の扱いについても併せてご教示ください。
伺った番号は次のとおりです。

%s

以上です。
""" % MN[3], staff=3)

msg('pos-mn-05.eml', 'pii.mynumber,body.pii', 'keyword after the number (番号 then 「上記はマイナンバーです」)',
    'nenkin@hoshizora-life.example', 'Re: 届出番号', """
ご担当者様

%s
上記は受取人ご本人のマイナンバーです。
""" % spaced(MN[4], ' '), staff=4)

msg('pos-mn-06.eml', 'pii.mynumber,body.pii', 'full-width digits with full-width spaces',
    'shiharai@hoshizora-life.example', '番号確認書類', """
ご担当者様

個人番号カードの番号：%s
表面の写しは別送します。
""" % fullwidth(spaced(MN[5], '　')))

msg('pos-mn-07.eml', 'pii.mynumber,body.pii', 'My Number in a table row, label "個人番号" as column head',
    'nenkin@hoshizora-life.example', '届出一覧', """
ご担当者様

区分\t氏名\t個人番号
受取人\t（別紙参照）\t%s
""" % MN[6], staff=1)

msg('pos-mn-08.eml', 'pii.mynumber,body.pii', 'English keyword "My Number" with hyphens',
    'uw@harbor-re.example', 'Payee tax information', """
Hello,

For the tax report, the payee's My Number is %s.
The copy of the card will follow by post.
""" % spaced(MN[7], '-'), staff=2)

# ---- positives: driver's licence and passport numbers -------------------

msg('pos-id-01.eml', 'pii.drivers_license,body.pii', "driver's licence number 第…号",
    'claims@aozora-sonpo.example', '運転者情報', """
ご担当者様

事故当時の運転者の運転免許証番号は 第301804526170号 です。
免許の色はブルーです。
""", staff=3)

msg('pos-id-02.eml', 'pii.drivers_license,body.pii', "licence number in groups of four, label on the line before",
    'claims@aozora-sonpo.example', 'Re: 運転者情報', """
ご担当者様

記名被保険者の免許証番号
4411 9037 2851
有効期限は令和9年の誕生日までです。
""", staff=4)

msg('pos-id-03.eml', 'pii.passport,body.pii', 'passport number 旅券番号 two letters + 7 digits',
    'travel@aozora-sonpo.example', '旅券番号のご連絡', """
ご担当者様

渡航者の旅券番号は TR4829173 です。
出発は11月20日です。
""")

msg('pos-id-04.eml', 'pii.passport,body.pii', 'English: Passport No.',
    'travel@harbor-re.example', 'Passport details', """
Hello,

Passport No.: MZ7310458
Issuing country: Japan
Please add it to the certificate.
""", staff=1)

msg('pos-id-05.eml', 'pii.name,pii.passport,pii.birthdate,body.pii',
    'passport copy transcribed: name, number and date of birth',
    'travel@aozora-sonpo.example', '渡航者名簿', """
ご担当者様

パスポートの写しより転記します。
Surname / Given name: OGAWA / HARUTO
Passport number: TK2059381
Date of birth: 18 JAN 1995
""", staff=2)

msg('pos-id-06.eml', 'pii.drivers_license,body.pii', 'licence number with hyphens in a table',
    'claims@aozora-sonpo.example', '運転者確認', """
ご担当者様

項目\t内容
運転免許証番号\t6210-4583-9027
免許種類\t普通
""", staff=3)

# ---- negatives ---------------------------------------------------------

# 12-digit numbers that happen to pass the My Number check (no keyword)
ORDER_LUCKY = mynumber('20261014003')
TRACK_LUCKY = mynumber('48210397562')

msg('neg-order-01.eml', '-', 'order: date-sequence order number that passes the My Number check',
    'order@kamiya-shiko.example', '名刺の追加発注', """
神谷紙工 受注センター 様

名刺の追加発注をお願いします。
注文番号：%s
品名：名刺（両面カラー）　数量：5箱　単価：2,800円
納期：10月24日
""" % ORDER_LUCKY)

msg('neg-order-02.eml', '-', 'order: item codes, quantities and totals',
    'eigyo@office-minato.example', '事務用品の注文', """
オフィスみなと 営業部 様

以下の通り注文いたします。
　品番 A4-5500　コピー用紙A4　20箱　59,400円
　品番 TN-2210　トナー　3本　38,610円
　合計 98,010円（税込）
納品先は本店でお願いします。
""", staff=1)

msg('neg-order-03.eml', '-', 'order confirmation reply with a PO number and a delivery date',
    'order@kamiya-shiko.example', 'Re: 封筒の発注', """
ご担当者様

発注番号 PO-2026-10-0147 にて承知しました。
角2封筒（社名入り） 3,000枚、11月5日納品でお願いします。
""", staff=2)

msg('neg-order-04.eml', '-', 'order with a 13-digit JAN code and a 10-digit ISBN',
    'books@maruzen-shoten.example', '書籍の注文', """
ご担当者様

研修用に以下の書籍を注文します。
　JAN 4901234567894　保険業法逐条解説　10冊
　ISBN 4-7931-2046-8　損害保険の基礎　10冊
""", staff=3)

T1 = 'T' + corpnum('030001045872')
FIRM_C = corpnum('030001088215')
T2 = 'T' + FIRM_C
T3 = 'T' + corpnum('120001066391')
T4 = 'T' + corpnum('010401127745')
C1 = corpnum('030001045872')
C2 = corpnum('110001093817')
C3 = corpnum('011101062334')

msg('neg-invoice-01.eml', '-', 'invoice: T-number (valid check digit), amounts, due date',
    'keiri@office-minato.example', '9月分ご請求書送付', """
オフィスみなと 経理部 様

9月分のご請求書を確認しました。
適格請求書発行事業者登録番号：%s
請求金額：128,700円（うち消費税 11,700円）
お支払期日：10月31日
""" % T1, staff=4)

msg('neg-invoice-02.eml', '-', 'invoice issued by the firm: its own registration number and bank account',
    'keiri@kamiya-shiko.example', '研修会場費のご請求', """
神谷紙工 経理ご担当者様

会場費のご請求書を添付のとおりお送りします。
登録番号 %s
ご請求額 44,000円
お振込先：埼玉りそな銀行 大宮支店 普通 0012345 カ）ツバキホケンサービス
""" % T2)

msg('neg-invoice-03.eml', '-', 'invoice with T-number in full-width and a table of items',
    'keiri@maruzen-shoten.example', '請求書の再発行依頼', """
ご担当者様

登録番号の記載漏れがあったため再発行をお願いします。
登録番号：%s
品目\t数量\t金額
保険業法逐条解説\t10\t46,200
損害保険の基礎\t10\t30,800
""" % fullwidth(T3), staff=1)

msg('neg-invoice-04.eml', '-', 'quotation: amounts, validity date, T-number in the text',
    'sales@net-sol.example', 'お見積りの件', """
ネットソリューション 営業部 様

お見積り（No. Q-26-0932）ありがとうございます。
PC 12台リプレース　1,452,000円（税込）、有効期限 11月30日 で承知しました。
貴社の登録番号 %s を控えております。
""" % T4, staff=2)

msg('neg-corp-01.eml', '-', 'corporate number of a supplier (法人番号)',
    'soumu@kamiya-shiko.example', '取引先登録のお願い', """
ご担当者様

取引先登録のため、貴社の法人番号 %s を登録しました。
登録内容に誤りがないかご確認ください。
""" % C1, staff=3)

msg('neg-corp-02.eml', '-', 'corporate numbers of two insurers in a list',
    'soumu@office-minato.example', '委託先一覧の更新', """
ご担当者様

委託先一覧を更新しました。
　あおぞら損害保険株式会社　法人番号 %s
　ほしぞら生命保険株式会社　法人番号 %s
""" % (C2, C3), staff=4)

msg('neg-corp-03.eml', '-', "the firm's own corporate number in a form reply",
    'kanri@net-sol.example', 'Re: 取引先情報のご提出', """
ご担当者様

弊社の情報は以下のとおりです。
商号：株式会社つばき保険サービス
法人番号：%s
代表者：代表取締役 椿 一郎
""" % FIRM_C)

msg('neg-amount-01.eml', '-', 'premium amounts and dates in a table, no person',
    'eigyo@aozora-sonpo.example', '10月度 保険料集計', """
ご担当者様

10月度の保険料集計です。
種目\t件数\t保険料
自動車\t142\t8,215,400
火災\t57\t3,902,100
傷害\t23\t611,800
締切日：2026/10/31
""", staff=1)

msg('neg-amount-02.eml', '-', 'dates and times of a schedule, full-width digits',
    'eigyo@hoshizora-life.example', '打合せ日程の候補', """
ご担当者様

次回打合せの候補日です。
・１０月２０日（火）１４：００～１５：００
・１０月２２日（木）１０：３０～１１：３０
・１０月２７日（火）１６：００～
""", staff=2)

msg('neg-amount-03.eml', '-', 'commission statement with policy counts and yen amounts',
    'dairiten@aozora-sonpo.example', '手数料明細の確認', """
ご担当者様

9月分手数料明細を確認しました。
新規 18件 412,300円／更新 96件 1,204,800円／合計 1,617,100円
差額はございませんでした。
""", staff=3)

msg('neg-track-01.eml', '-', 'tracking number that passes the My Number check, in 4-4-4 groups',
    'eigyo@kamiya-shiko.example', '発送のご連絡', """
ご担当者様

ご依頼の書類を発送しました。
宅急便 お問い合わせ伝票番号：%s
明日午前中に到着予定です。
""" % spaced(TRACK_LUCKY, '-'), staff=4)

msg('neg-track-02.eml', '-', 'two tracking numbers (11 and 12 digits)',
    'eigyo@office-minato.example', '返送品の追跡番号', """
ご担当者様

返送品の追跡番号です。
ゆうパック 12345678901（到着済）
飛脚宅配便 428517309624（配達中）
""")

msg('neg-track-03.eml', '-', 'registered mail number and a post office box',
    'shiharai@aozora-sonpo.example', '書類返送の件', """
ご担当者様

書類一式を簡易書留で返送しました（引受番号 321-09-84715-6）。
宛先は 〒100-8799 東京中央郵便局私書箱第1205号 としています。
""", staff=1)

msg('neg-sig-01.eml', '-', 'short reply: only the firm signature carries phone, address, e-mail',
    'eigyo@aozora-sonpo.example', 'Re: 資料送付のお願い', """
ご担当者様

承知しました。本日中にお送りします。
""", staff=2)

msg('neg-sig-02.eml', '-', "the firm's own phone and postal code written in the body",
    'eigyo@hoshizora-life.example', '事務所移転のお知らせ', """
お取引先各位

当社本店の電話番号が変わりました。今後は 048-600-3317 へお掛けください。
郵便番号 〒330-0854 と住所に変更はありません。
""", staff=3)

msg('neg-sig-03.eml', '-', "the firm's address and fax in the body (where to send documents)",
    'order@kamiya-shiko.example', '納品先のご案内', """
ご担当者様

納品先は弊社本店です。
〒330-0854 埼玉県さいたま市大宮区桜木町2-311 つばきビル4F
FAX 048-600-3318（受領書はこちらへ）
""", staff=4)

HTML_SIG = """<html><body><p>%s</p>
<hr><p>株式会社つばき保険サービス　本店営業部<br>
〒330-0854 埼玉県さいたま市大宮区桜木町2-311 つばきビル4F<br>
TEL 048-600-3317 / FAX 048-600-3318<br>
<a href="mailto:%s@tsubaki-hoken.example">%s@tsubaki-hoken.example</a></p></body></html>"""

msg('neg-html-01.eml', '-', 'multipart/alternative: firm signature in the HTML part',
    'eigyo@aozora-sonpo.example', '会議資料の送付', """
ご担当者様

会議資料は共有フォルダに格納しました。
""", html=HTML_SIG % ('会議資料は共有フォルダに格納しました。', 'kaneda', 'kaneda'))

msg('neg-html-02.eml', '-', 'multipart/alternative: firm phone in the HTML body text',
    'eigyo@hoshizora-life.example', '代表電話の受付時間', """
ご担当者様

年末年始の代表電話（048-600-3317）の受付は12月28日までです。
""", staff=1, html=HTML_SIG % ('年末年始の代表電話（048-600-3317）の受付は12月28日までです。', 'okubo', 'okubo'))

msg('neg-html-03.eml', '-', 'multipart/alternative: seminar venue address in HTML',
    'kenshu@aozora-sonpo.example', '研修会場のご案内', """
ご担当者様

研修会場は当社4階会議室（〒330-0854 さいたま市大宮区桜木町2-311）です。
""", staff=2, html=HTML_SIG % ('研修会場は当社4階会議室（〒330-0854 さいたま市大宮区桜木町2-311）です。',
                                'hirano', 'hirano'))

msg('neg-partner-01.eml', '-', "an insurer's branch address and phone for the customer to contact",
    'eigyo@aozora-sonpo.example', '窓口のご案内', """
ご担当者様

お客様には、事故の際は下記の事故受付センターへご連絡いただくよう案内しました。
あおぞら損保 事故受付センター　0120-889-317（24時間）
""", staff=3)

msg('neg-partner-02.eml', '-', "a supplier's office address and phone",
    'eigyo@net-sol.example', '保守窓口の確認', """
ネットソリューション 様

保守窓口の連絡先を以下で登録しました。
株式会社ネットソリューション 東京サポートセンター
〒105-0014 東京都港区芝3-18-2 芝NSビル6F
TEL 03-5442-7180
""", staff=4)

msg('neg-partner-03.eml', '-', "an insurer's staff in the greeting and their direct line",
    'eigyo@hoshizora-life.example', 'Re: 勉強会の講師', """
ほしぞら生命 営業推進部
佐々木 様

勉強会の講師の件、ありがとうございます。
当日は佐々木様の直通（03-6811-2904）にご連絡いたします。
""")

msg('neg-partner-04.eml', '-', "an insurer's branch moving: new postal code and address",
    'shiten@aozora-sonpo.example', 'Re: 支店移転のお知らせ', """
ご担当者様

支店移転のご案内ありがとうございます。
新住所（〒330-0802 さいたま市大宮区宮町1-109 大宮AZビル8F）で登録しました。
""", staff=1)

msg('neg-topic-01.eml', '-', 'seminar notice about cancer cover (illness in general)',
    'info@hoshizora-life.example', 'がん保険セミナーのご案内について', """
ご担当者様

11月のがん保険セミナーの件、当社からは3名参加します。
入院・通院・手術の保障の違いと、診断一時金の考え方について質問したい点があります。
""", staff=2)

msg('neg-topic-02.eml', '-', 'product notice: medical cover for 持病のある方 (no person)',
    'eigyo@hoshizora-life.example', '引受緩和型医療保険のパンフレット', """
ご担当者様

引受緩和型医療保険のパンフレットを50部お送りください。
持病のある方や、過去に入院・手術の経験がある方向けの商品として案内予定です。
""", staff=3)

msg('neg-topic-03.eml', '-', 'awareness notice about fraud and crime victims in general',
    'info@aozora-sonpo.example', '特殊詐欺被害防止のチラシ', """
ご担当者様

特殊詐欺の被害防止チラシを店頭に置きたいと考えています。
高齢者が犯罪被害に遭わないための啓発資料があればお送りください。
""", staff=4)

msg('neg-topic-04.eml', '-', 'HR notice to a supplier about health checks (no person)',
    'soumu@kenko-center.example', '定期健康診断の日程', """
ご担当者様

今年度の定期健康診断は11月12日・13日で予約をお願いします。
対象は全社員27名、うち35歳以上の生活習慣病健診は14名です。
""")

msg('neg-topic-05.eml', '-', 'a text on union and religion in general (diversity training)',
    'kenshu@jinji-lab.example', '研修内容の確認', """
ご担当者様

ハラスメント研修で、労働組合活動や宗教・信条を理由とする不利益取扱いの禁止について
取り上げていただけますか。事例は一般的なものでお願いします。
""", staff=1)

msg('neg-topic-06.eml', '-', 'English product note mentioning diagnosis and medical history in general',
    'product@harbor-re.example', 'Critical illness product', """
Hello,

Thank you for the product brief. We understand the critical illness cover pays
on diagnosis and that applicants with a medical history of cancer are declined.
Could you send the Japanese version of the brochure?
""", staff=2)

OUTLOOK = """
-----Original Message-----
From: 佐々木 健 <sasaki.ken@hoshizora-life.example>
Sent: Monday, October 5, 2026 4:12 PM
To: 金田 直樹 <kaneda@tsubaki-hoken.example>
Cc: 営業推進部 <suishin@hoshizora-life.example>
Subject: 勉強会のご案内

金田様

いつもお世話になっております。ほしぞら生命の佐々木です。
10月21日（水）15時より、新商品勉強会を開催します。
ほしぞら生命保険株式会社 営業推進部
〒100-0005 東京都千代田区丸の内2-4-1 丸の内HSビル
TEL 03-6811-2904
"""

msg('neg-quote-01.eml', '-', "reply quoting an insurer's mail with Outlook headers and signature",
    'sasaki.ken@hoshizora-life.example', 'RE: 勉強会のご案内', """
佐々木様

ご案内ありがとうございます。2名で参加いたします。
""" + OUTLOOK)

msg('neg-quote-02.eml', '-', "reply quoting with ">" a supplier's mail holding their address",
    'sales@net-sol.example', 'Re: 訪問日程', """
ご担当者様

では10月26日14時でお願いします。

> 株式会社ネットソリューション 営業部 中島
> 〒105-0014 東京都港区芝3-18-2 芝NSビル6F
> TEL 03-5442-7180 / nakajima@net-sol.example
> 10月26日（月）14時はいかがでしょうか。
""", staff=3)

msg('neg-quote-03.eml', '-', 'Japanese-style Outlook header (差出人/送信日時/宛先/件名)',
    'dairiten@aozora-sonpo.example', 'RE: 代理店会議の出欠', """
ご担当者様

出席いたします。

差出人: 代理店推進課 <dairiten@aozora-sonpo.example>
送信日時: 2026年10月6日 10:05
宛先: 代理店各位
件名: 代理店会議の出欠

代理店各位
11月6日の代理店会議の出欠を10月16日までにご返信ください。
あおぞら損害保険株式会社 代理店推進課　TEL 03-3288-5100
""", staff=4)

msg('neg-quote-04.eml', '-', 'forward of a newsletter with the sender block kept',
    'eigyo@office-minato.example', 'FW: 価格改定のお知らせ', """
ご担当者様

先日の価格改定の件、社内で確認しました。

---------- Forwarded message ---------
From: オフィスみなと <news@office-minato.example>
Date: 2026年10月1日(木) 9:00
Subject: 価格改定のお知らせ

11月1日ご注文分よりコピー用紙の価格を改定いたします。
株式会社オフィスみなと　〒231-0023 横浜市中区山下町70
""")

msg('neg-quote-05.eml', '-', 'long thread reply with two quoted Outlook blocks, no customer data',
    'sasaki.ken@hoshizora-life.example', 'RE: RE: 勉強会のご案内', """
佐々木様

会場の件、承知しました。当日はよろしくお願いします。

-----Original Message-----
From: 佐々木 健 <sasaki.ken@hoshizora-life.example>
Sent: Tuesday, October 6, 2026 9:40 AM
To: 金田 直樹 <kaneda@tsubaki-hoken.example>
Subject: RE: 勉強会のご案内

金田様
会場は本社15階の会議室に変更となりました。
""" + OUTLOOK, staff=1)

msg('neg-news-01.eml', '-', "the firm's newsletter to customers (no personal data)",
    'news-list@lists.example', 'つばき保険だより 2026年秋号', """
つばき保険だより 2026年秋号

■ 台風シーズンの火災保険
水災補償の有無をご確認ください。

■ 年末調整の保険料控除証明書
10月中旬から順次発送されます。

配信停止：https://www.tsubaki-hoken.example/news/stop
""", staff=2)

msg('neg-news-02.eml', '-', 'newsletter with a campaign period and prices',
    'news-list@lists.example', '【つばき保険】自転車保険キャンペーン', """
自転車保険のご案内

期間：2026年11月1日～12月25日
年間保険料：3,650円から
お問い合わせ：048-600-3317（平日9:00～17:00）
""", staff=3)

msg('neg-news-03.eml', '-', 'English newsletter to overseas partners',
    'partners@harbor-re.example', 'Tsubaki Hoken - Autumn update', """
Dear partners,

Our Osaka office opens on 1 December 2026. Office hours are 9:00-17:00 JST.
Our head office phone number is +81-48-600-3317.

Best regards,
""", staff=4)

msg('neg-news-04.eml', '-', 'seminar announcement to customers, health theme in general',
    'news-list@lists.example', '無料セミナー「老後の医療費と介護」', """
無料セミナーのご案内

日時：2026年11月14日（土）13:30～15:00
会場：大宮ソニックシティ 会議室
内容：老後の医療費と介護の備え（入院・通院の平均日数など統計から解説）
定員：30名
""")

msg('neg-meet-01.eml', '-', 'online meeting invitation: 11-digit meeting ID and passcode',
    'eigyo@aozora-sonpo.example', 'オンライン会議のご案内', """
ご担当者様

10月23日（金）15:00からのオンライン会議の接続情報です。
ミーティングID: 841 2093 7765
パスコード: 603218
""", staff=1)

msg('neg-meet-02.eml', '-', "visit schedule with room number and a mobile of the firm's sales rep",
    'eigyo@net-sol.example', '訪問のご案内', """
ご担当者様

当日は受付で「つばき保険 平野」とお伝えください。
会場は4階 401会議室です。
当日の連絡先は弊社営業用携帯 080-7720-3317 です。
""", staff=2)

msg('neg-greet-01.eml', '-', 'greeting naming the recipient (a partner staff) only',
    'kobayashi.m@aozora-sonpo.example', 'お礼', """
あおぞら損保
小林 真由美 様

先日はご来社いただきありがとうございました。
今後ともよろしくお願いいたします。
""", staff=3)

msg('neg-greet-02.eml', '-', 'English greeting to a partner, Dear Mr. Harris',
    'd.harris@harbor-re.example', 'Thank you for your visit', """
Dear Mr. Harris,

Thank you for visiting our office on 9 October. We look forward to working
with you on the renewal in January.

Best regards,
""", staff=4)

msg('neg-en-01.eml', '-', 'English business mail with dates, amounts and a reference',
    'billing@harbor-re.example', 'Statement of account Q3', """
Hello,

We have checked the Q3 statement (ref. SOA-2026-Q3-118).
Balance due: JPY 2,480,000, payable by 30 November 2026.

Regards,
""")

msg('neg-en-02.eml', '-', 'English mail with a date of meeting in ordinal form',
    'events@harbor-re.example', 'Conference registration', """
Hello,

We will attend the conference on the 12th of November 2026 in Tokyo.
Two staff from our sales department will join.

Regards,
""", staff=1)

msg('neg-misc-01.eml', '-', "insurer's toll-free numbers and web addresses for customers",
    'eigyo@hoshizora-life.example', 'お客様向け案内文の確認', """
ご担当者様

お客様向け案内文の連絡先は以下で問題ないでしょうか。
ほしぞら生命 お客様センター 0120-315-720
https://www.hoshizora-life.example/contact/
""", staff=2)

msg('neg-misc-02.eml', '-', "the firm's employee count and a date of founding, no person",
    'kanri@jinji-lab.example', '会社概要のご提出', """
ご担当者様

弊社の概要です。
設立：1998年4月1日　資本金：1,000万円　従業員数：27名
""", staff=3)

msg('neg-misc-03.eml', '-', 'policy renewal count report by branch, no names',
    'dairiten@hoshizora-life.example', '更新状況の報告', """
ご担当者様

10月更新分 84件中 79件が手続き済み、5件が手続き中です。
未手続きのお客様には今週中に電話でご案内します。
""", staff=4)


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith('.eml'):
            os.remove(os.path.join(OUT, f))
    names = set()
    lines = [
        '# Second held-out personal-data set of omamori (see README for the references).',
        '# Made by gen.py; do not edit by hand.  Not for tuning rules.',
        '#',
        '# covers: pii.mynumber pii.bank_account pii.phone pii.email pii.postal_code pii.address '
        'pii.birthdate pii.name pii.passport pii.drivers_license sensitive body.pii',
        '# config: omamori.conf',
        '#',
    ]
    for idx, (name, cats, note, to, subject, body, staff, html, sig) in enumerate(MESSAGES):
        assert name not in names, name
        names.add(name)
        assert (cats == '-') == name.startswith('neg-'), name
        with open(os.path.join(OUT, name), 'w', encoding='utf-8', newline='') as fh:
            fh.write(render(idx, name, to, subject, body, staff, html, sig))
        lines.append('%s\t%s\t-\t%s' % (name, cats, note))
    with open(os.path.join(HERE, 'labels.tsv'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(lines) + '\n')
    pos = sum(1 for m in MESSAGES if m[1] != '-')
    print('%d messages (%d positive, %d negative)' % (len(MESSAGES), pos, len(MESSAGES) - pos),
          file=sys.stderr)


if __name__ == '__main__':
    main()
