#!/usr/bin/env python3
# NAME
#   gen.py - make the outside-view personal-data set of omamori
#
# SYNOPSIS
#   python3 tests/evaluation/pii-outside/gen.py     write messages/*.eml and labels.tsv
#
# DESCRIPTION
#   A second labelled set, written from public descriptions made outside
#   the project rather than from omamori's rules:
#
#   - Microsoft Purview's sensitive information type definitions for Japan
#     (learn.microsoft.com/purview/sit-defn-japan-*): My Number - Personal
#     (12 digits in groups of four joined by nothing, a space, a dot or a
#     hyphen, with a checksum; keywords within 300 characters raise the
#     confidence, a valid number alone is low confidence); My Number -
#     Corporate (13 digits, checksum) which is a company's number; bank
#     account number (seven or eight digits, with a bank/branch code of
#     four digits, an optional space or dash and three digits, and
#     account keywords within 300 characters); passport number (two
#     letters and seven digits with a passport keyword: Passport,
#     Passport No., パスポート, 旅券番号 ...); driver's license number
#     (12 digits with a keyword: 運転免許証, 免許証番号, 免許No.,
#     driverslicense, dl# ...); residence card number (two letters,
#     eight digits, two letters, with 在留カード, 在留番号, Residence
#     card number ...).
#   - python-stdnum's check digit algorithms for Japan: jp.in_ (Individual
#     Number: weights 2..7 then 2..6 from the right, mod 11) and jp.cn
#     (Corporate Number: first digit is 9 minus the mod 9 sum of the
#     other twelve weighted 1, 2 from the right).
#
#   Labels follow those descriptions: a category is expected when the
#   number has the described form (and checksum) and a keyword of the
#   type is within 300 characters, or, for My Number, when the checksum
#   holds (Purview's low-confidence pattern).  Corporate numbers and
#   numbers of the right form without a keyword are expected to give
#   nothing.  Every message goes from the firm to an outside address, so
#   body.pii is expected when the body holds any of these high-risk
#   numbers.  The set is for measuring only; rules are not tuned on it.
#   Personal data is invented; check digits are computed.

import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 'omamori-pii-outside-1'
COVERS = ['pii.mynumber', 'pii.bank_account', 'pii.passport', 'pii.drivers_license',
          'pii.residence_card', 'body.pii']
HIGH = set(COVERS) - {'body.pii'}


def in_check(d11):
    """python-stdnum jp.in_: check digit of the first 11 digits."""
    s = sum(int(c) * w for c, w in zip(reversed(d11), (2, 3, 4, 5, 6, 7, 2, 3, 4, 5, 6)))
    r = s % 11
    return '0' if r <= 1 else str(11 - r)


def cn_check(d12):
    """python-stdnum jp.cn: leading check digit of a corporate number."""
    s = sum(int(c) * w for c, w in zip(reversed(d12), (1, 2) * 6))
    return str(9 - s % 9)


def digits(rng, n, first='123456789'):
    return rng.choice(first) + ''.join(rng.choice('0123456789') for _ in range(n - 1))


def my_number(rng, valid=True):
    while True:
        d = digits(rng, 11)
        c = in_check(d)
        if valid:
            n = d + c
        else:
            n = d + str((int(c) + rng.randint(1, 9)) % 10)
        if len(set(n)) > 1:
            return n


def corporate_number(rng):
    d = digits(rng, 12)
    return cn_check(d) + d


def group(n, sep):
    return sep.join([n[0:4], n[4:8], n[8:12]])


def letters(rng, k):
    return ''.join(rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(k))


def filler(rng, chars):
    """Ordinary business prose of about chars characters."""
    parts = ['いつもお世話になっております。', '先日はお打ち合わせのお時間をいただきありがとうございました。',
             'ご依頼いただいた件につきまして、下記のとおりご連絡いたします。',
             '書類は本日付で発送しておりますので、到着まで今しばらくお待ちください。',
             'ご不明な点がございましたら、担当までお問い合わせください。']
    out = ''
    while len(out) < chars:
        out += rng.choice(parts)
    return out


CASES = []


def case(name, count):
    def register(fn):
        CASES.append((name, count, fn))
        return fn
    return register


# --- My Number - Personal (Purview: pattern, checksum, keywords within 300)
MN_KEYWORDS = ['マイナンバー', '個人番号', 'My Number', 'Individual Number', '個人識別番号']


@case('mynumber-keyword', 10)
def c_mynumber_keyword(rng, k):
    sep = ['', ' ', '.', '-'][k % 4]
    kw = MN_KEYWORDS[k % len(MN_KEYWORDS)]
    n = group(my_number(rng), sep)
    if k % 3 == 0:
        text = '%s：%s' % (kw, n)
    elif k % 3 == 1:
        text = '%sをお知らせします。%s\n\n%s' % (kw, filler(rng, 120), n)
    else:
        text = '%s（%s）' % (n, kw)
    return text, ['pii.mynumber']


@case('mynumber-bare', 4)
def c_mynumber_bare(rng, k):
    n = group(my_number(rng), ['', ' ', '-', '.'][k - 1])
    return '番号は %s です。' % n, ['pii.mynumber']


@case('mynumber-badcheck', 4)
def c_mynumber_badcheck(rng, k):
    n = group(my_number(rng, valid=False), ['', ' ', '-', ''][k - 1])
    return '%s：%s' % (MN_KEYWORDS[k % 2], n), []


@case('corporate-number', 5)
def c_corporate(rng, k):
    n = corporate_number(rng)
    while in_check(n[1:12]) == n[12]:
        # the 12-digit registry number must not read as a My Number
        n = corporate_number(rng)
    text = ['法人番号：%s' % n, 'Corporate Number %s' % n, '適格請求書発行事業者登録番号 T%s' % n,
            '弊社の法人番号は%sです。' % n, '会社法人等番号 %s' % n[1:]][k - 1]
    return text, []


# --- Bank account (seven or eight digits; bank/branch code 4 + 3)
BANK_KEYWORDS = ['口座番号', '普通預金口座', '当座預金口座', 'Account Number', 'Savings Account',
                 'Checking Account', 'bank account']


@case('bank-keyword', 8)
def c_bank_keyword(rng, k):
    n = digits(rng, 7 if k % 2 else 8, '0123456789')
    kw = BANK_KEYWORDS[k % len(BANK_KEYWORDS)]
    code = '%s-%s' % (digits(rng, 4, '0'), digits(rng, 3, '123456789'))
    if k % 3 == 0:
        text = '%s：%s' % (kw, n)
    elif k % 3 == 1:
        text = '金融機関・支店コード %s\n%s %s' % (code, kw, n)
    else:
        text = '%s is %s (branch code %s).' % (kw, n, code)
    return text, ['pii.bank_account']


@case('bank-nokeyword', 3)
def c_bank_nokeyword(rng, k):
    n = digits(rng, 7 if k % 2 else 8)
    return ['会員数は%s人に達しました。', '管理コード %s を付与しました。', '資料ID：%s'][k - 1] % n, []


# --- Passport (two letters and seven digits, passport keyword)
PASS_KEYWORDS = ['Passport', 'Passport Number', 'Passport No.', 'パスポート', 'パスポート番号',
                 '旅券番号', '旅券ナンバー']


@case('passport-keyword', 7)
def c_passport(rng, k):
    n = letters(rng, 2) + digits(rng, 7, '0123456789')
    kw = PASS_KEYWORDS[k - 1]
    return ('%s：%s' % (kw, n) if k % 2 else '%sのコピーを添付します（番号 %s）。' % (kw, n)), ['pii.passport']


@case('passport-nokeyword', 2)
def c_passport_nokw(rng, k):
    n = letters(rng, 2) + digits(rng, 7, '0123456789')
    return ['型番 %s の在庫を確認します。', '品番：%s'][k - 1] % n, []


# --- Driver's license (12 digits, keyword)
DL_KEYWORDS = ['運転免許証', '運転免許証番号', '免許証番号', '免許番号', '免許証No.', 'driverslicense',
               'DL#', '運転経歴証明書番号']


@case('license-keyword', 8)
def c_license(rng, k):
    n = digits(rng, 12, '123456789')
    kw = DL_KEYWORDS[k - 1]
    return ('%s：%s' % (kw, n) if k % 2 else '%s %s' % (kw, n)), ['pii.drivers_license']


# --- Residence card (two letters, eight digits, two letters)
RC_KEYWORDS = ['在留カード番号', '在留カード', '在留番号', 'Residence card number', 'Residence card no']


@case('residence-keyword', 5)
def c_residence(rng, k):
    n = letters(rng, 2) + digits(rng, 8, '0123456789') + letters(rng, 2)
    return '%s：%s' % (RC_KEYWORDS[k - 1], n), ['pii.residence_card']


@case('residence-nokeyword', 2)
def c_residence_nokw(rng, k):
    n = letters(rng, 2) + digits(rng, 8, '0123456789') + letters(rng, 2)
    return ['製品シリアル %s', 'ライセンスキー：%s'][k - 1] % n, []


def message(name, text):
    return ('From: 担当 <staff@sakura-hoken.example>\n'
            'To: partner@partner.example\n'
            'Subject: =?UTF-8?B?44GU6YCj57Wh?=\n'
            'Date: Mon, 1 Jul 2024 10:00:00 +0900\n'
            'Message-ID: <%s@sakura-hoken.example>\n'
            'MIME-Version: 1.0\n'
            'Content-Type: text/plain; charset=UTF-8\n'
            'Content-Transfer-Encoding: 8bit\n\n'
            'パートナー株式会社\nご担当者様\n\n%s\n\n以上、よろしくお願いいたします。\n' % (name, text))


def main():
    mdir = os.path.join(HERE, 'messages')
    os.makedirs(mdir, exist_ok=True)
    lines = ['# Outside-view personal-data set of omamori (see gen.py for the sources).',
             '# Made by gen.py; do not edit by hand.  Not for tuning rules.',
             '#',
             '# covers: ' + ' '.join(COVERS),
             '# config: omamori.conf',
             '#']
    for name, count, fn in CASES:
        for k in range(1, count + 1):
            rng = random.Random('%s/%s/%d' % (SEED, name, k))
            text, cats = fn(rng, k)
            if set(cats) & HIGH:
                cats = cats + ['body.pii']
            fname = '%s-%02d.eml' % (name, k)
            with open(os.path.join(mdir, fname), 'w', encoding='utf-8', newline='\n') as fh:
                fh.write(message(fname, text))
            lines.append('\t'.join([fname, ','.join(c for c in COVERS if c in cats) or '-', '-', name]))
    with open(os.path.join(HERE, 'labels.tsv'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(lines) + '\n')
    print('wrote %d messages' % (len(lines) - 6))


if __name__ == '__main__':
    main()
