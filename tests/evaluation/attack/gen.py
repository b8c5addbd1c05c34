#!/usr/bin/env python3
"""gen.py - build the inbound targeted-attack fixture set

SYNOPSIS
    python3 tests/evaluation/attack/gen.py            # write messages/, labels.tsv, *-used.txt, then verify
    python3 tests/evaluation/attack/gen.py --check    # verify only: regenerate in memory, compare with disk

DESCRIPTION
    Every message of the set is described in lures.py (attacks) and
    benign.py (ordinary inbound mail) as a Python record.  This script turns
    the records into RFC 5322 files (ISO-2022-JP, Shift_JIS, UTF-8, GB2312;
    7bit, 8bit, base64, quoted-printable; plain, HTML, multipart) and writes
    labels.tsv in the shared labelled-set format.

    Output is deterministic: dates and Message-IDs come from a fixed seed,
    boundaries are derived from it, nothing reads the clock.

    After writing, the set is verified:
      - every file parses with Python's email package without defects;
      - subject, display names, text and HTML bodies and attachment names
        decode back to exactly the source text (Japanese round-trip);
      - the anchors found in each HTML part are the anchors that the record
        declares, in order;
      - a reference implementation of each mechanical indicator (free-mail
        sender, signature mismatch, URL mismatch, look-alike URL, non-Japanese
        kanji, credential request, lure theme, attachment form) agrees with
        the hand-written labels, so the labels follow the policy written at
        the top of labels.tsv and the data in brands-used.txt and
        indicators-used.txt;
      - the expected action follows the scoring policy.
    A summary is printed: attack vs benign, per category, per charset.

DIAGNOSTICS
    Exit 0 when everything holds; 1 with one line per problem otherwise.
"""

import base64
import email
import email.policy
import email.header
import email.utils
import hashlib
import html
import html.parser
import io
import ipaddress
import os
import quopri
import random
import re
import urllib.parse
import sys
import unicodedata
import zipfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True     # no __pycache__ beside the records

SEED = 20250401
INTERNAL = "sakura-hoken.example"

COVERS = [
    "attack.freemail_sender", "attack.signature_mismatch",
    "attack.url_mismatch", "attack.lookalike_url", "attack.lookalike_sender",
    "attack.non_japanese_kanji", "attack.credential_request",
    "attack.theme",
    "attach.executable", "attach.double_extension", "attach.rlo",
]

# The partners of the firm (omamori.conf: attack_partners = partners.txt).
PARTNERS = [
    "partner-shoji.example", "dongfang-travel.example", "towa-sonpo.example",
    "hokuto-life.example", "maruyama-ss.example", "thames-re.example",
    "mirai-oa.example", "kitamura-kogyo.co.jp",
]

# Weights of the scoring policy (see POLICY below and labels.tsv).
WEAK = {"attack.freemail_sender": 1, "attack.signature_mismatch": 1,
        "attack.theme": 1}
STRONG = {"attack.url_mismatch": 2, "attack.lookalike_url": 2,
          "attack.lookalike_sender": 2,
          "attack.non_japanese_kanji": 2, "attack.credential_request": 2,
          "attach.executable": 2, "attach.double_extension": 2,
          "attach.rlo": 2}

POLICY = """\
# Labelling policy
#
# All mail here is inbound: an external sender to staff of sakura-hoken.example.
# The firm's rule (標的型攻撃メール, section 4.5) says: when several indicators
# match, do not open attachments or links, report it.  Column 2 lists every
# indicator that is present by the definitions below, also in benign mail;
# column 4 starts with the expected decision, then lure/benign, then a note.
#
# Expected decision = score of the listed categories:
#   weak, 1 point:   attack.freemail_sender attack.signature_mismatch attack.theme
#   strong, 2 points: attack.url_mismatch attack.lookalike_url
#                    attack.lookalike_sender
#                    attack.non_japanese_kanji attack.credential_request
#                    attach.executable attach.double_extension attach.rlo
#   score 0-1 -> expect=accept   (nothing, or one weak indicator alone:
#                                 a customer on gmail, a genuine survey,
#                                 a genuine delivery notice)
#   score 2-3 -> expect=tag      (two weak ones, or one strong one)
#   score >=4 -> expect=hold     (several strong ones, or strong + weak ones)
# An ordinary attachment (pdf, xlsx, jpg) is not a category and scores 0.
#
# Definitions the labels follow (the reference checks in gen.py implement them):
# attack.freemail_sender   header From or envelope sender (--from) is at a
#     free-mail domain (list in indicators-used.txt).  Carrier mail
#     (docomo.ne.jp ...) and ISP mail are not free mail.
# attack.signature_mismatch  an address in the signature block (after the
#     last separator line such as "--", "----", "━━━", or the last 8 lines
#     when there is none) has a registrable domain other than the From
#     address's; or Reply-To is at another registrable domain than From.
#     Quoted lines ("> ...") and addresses in internal_domains are ignored;
#     another mailbox at the same organisation (or a subdomain) is not a
#     mismatch.
# attack.url_mismatch  an HTML anchor whose visible text is itself a URL or
#     a domain name, and whose href has a different registrable domain.
#     Not a mismatch: text that is not a URL ("こちら", "ログイン", "Click
#     here"), the same host, a subdomain of the same registrable domain,
#     http vs https, and a click-tracking redirect on a host of the same
#     registrable domain (click.news.example for news.example).  A redirect
#     through a third party's domain is a mismatch: it cannot be told apart
#     from an attack, and the one benign newsletter doing it is labelled so
#     (expect=tag).  mailto: anchors are not judged.
# attack.lookalike_url  a URL (plain text, href or anchor text) whose host
#     carries a listed brand's token but whose registrable domain is not one
#     of that brand's domains (brand as subdomain of another domain, brand
#     glued to -login/-secure/-verify, the real domain followed by another
#     domain); a punycode (xn--) label that is a homograph of a listed brand;
#     a raw IPv4 host.  A host inside any listed brand's own domains never
#     fires (aioinissaydowa.co.jp contains "nissay").  Brand names in the
#     path or query do not count; sender addresses are not URLs.  Also a
#     host imitating one of the firm's own or its partners' domains (see
#     attack.lookalike_sender).
# attack.lookalike_sender  the From, envelope sender or Reply-To domain
#     imitates sakura-hoken.example or a partner (partners.txt): its name
#     (the label before the public suffix, 5 letters or more) is theirs
#     under another suffix, the same once 0/o 1/l i/l rn/m vv/w cl/d and
#     hyphens are folded, theirs with a word or hyphen part added, or one
#     edit away (two for names of 9 or more).  Free mail, brand domains and
#     the domains themselves never fire.
# attack.non_japanese_kanji  the text (subject and bodies) is Japanese (10 or
#     more kana) and contains at least 2 distinct Han characters that are in
#     none of JIS X 0208, JIS X 0213 and the CP932 (NEC/IBM) extensions:
#     simplified forms (这 们 说 请 账 户 ...) or traditional-only forms
#     (說 戶 稅 內 ...).  Rare but valid Japanese kanji (髙 is only in CP932,
#     﨑 in CP932 and JIS X 0213) must not fire; 𠮷 is in no JIS set but is
#     a Japanese name character, and a single stray character (a Chinese
#     place name such as 浦东 in an address) stays under the threshold.
#     Also text in Chinese throughout: 20 hanzi or more, kana under a
#     twentieth of them, and 2 such hanzi or 3 of Chinese's grammar words
#     (的 了 您 们 們 吗 嗎 这 這 个 個 我 你 是 请 請 将 將 与 與 在, 2 of them
#     different), from a sender that is not a partner: the genuine
#     all-Chinese mail of the Chinese partner does not fire, English with a
#     Chinese signature is too short.
# attack.credential_request  a request to enter or confirm an ID, password,
#     account, PIN or bank registration (phrases in indicators-used.txt), in
#     a message that carries a link.  A genuine warning that the bank never
#     asks for a password is not a request.  An attached .html/.htm/.shtml
#     page with a password input or a form posting to an http(s) URL is a
#     request by itself.
# attack.theme  a lure topic (phrases in indicators-used.txt) in the subject,
#     a body, an attachment name, or the title or h1-h3 headings of an
#     attached .html/.htm page.  Genuine mail on these topics carries it
#     too; alone it is weak.
# attach.executable / attach.double_extension / attach.rlo  as in DESIGN.md;
#     an executable inside a zip counts as attach.executable.
"""

# --------------------------------------------------------------------------
# Reference data: free mail, brands, phrases.

FREEMAIL = [
    "gmail.com", "googlemail.com", "yahoo.co.jp", "ymail.ne.jp", "yahoo.com",
    "outlook.jp", "outlook.com", "hotmail.co.jp", "hotmail.com", "live.jp",
    "msn.com", "icloud.com", "me.com", "aol.com", "qq.com", "163.com",
    "126.com",
]

# (Japanese name, English name, substring tokens, label tokens, domains)
# substring tokens match anywhere in the host; label tokens only as a whole
# label or a hyphen-separated part of a label (they are short words).
BRANDS = [
    ("日本郵便", "Japan Post", ["japanpost", "jppost"], [], ["japanpost.jp"]),
    ("ゆうちょ銀行", "Japan Post Bank", ["jp-bank", "yucho"], [], ["japanpost.jp"]),
    ("ヤマト運輸", "Yamato Transport", ["kuronekoyamato", "kuroneko"], [],
     ["kuronekoyamato.co.jp", "yamato-hd.co.jp"]),
    ("佐川急便", "Sagawa Express", ["sagawa"], [], ["sagawa-exp.co.jp"]),
    ("三菱UFJ銀行", "MUFG Bank", ["mufg"], [], ["mufg.jp"]),
    ("三井住友銀行", "SMBC", ["smbc"], [], ["smbc.co.jp", "smbc-card.com"]),
    ("みずほ銀行", "Mizuho Bank", ["mizuho"], [], ["mizuhobank.co.jp", "mizuho-fg.co.jp"]),
    ("楽天", "Rakuten", ["rakuten"], [],
     ["rakuten.co.jp", "rakuten-card.co.jp", "rakuten-bank.co.jp"]),
    ("Amazon.co.jp", "Amazon", ["amazon"], [], ["amazon.co.jp", "amazon.com"]),
    ("NTTドコモ", "NTT docomo", ["docomo"], [], ["docomo.ne.jp", "nttdocomo.co.jp"]),
    ("au (KDDI)", "KDDI au", ["kddi"], ["au"], ["kddi.com", "au.com"]),
    ("ソフトバンク", "SoftBank", ["softbank"], [], ["softbank.jp", "softbank.ne.jp"]),
    ("国税庁", "National Tax Agency", [], ["nta"], ["nta.go.jp"]),
    ("e-Tax", "e-Tax", ["e-tax", "etax"], [], ["nta.go.jp"]),
    ("マイナポータル", "Mynaportal", ["myna"], [], ["myna.go.jp"]),
    ("東京海上日動", "Tokio Marine & Nichido", ["tokiomarine"], [],
     ["tokiomarine-nichido.co.jp", "tokiomarinehd.com"]),
    ("損保ジャパン", "Sompo Japan", ["sompo"], [], ["sompo-japan.co.jp", "sompo-hd.com"]),
    ("三井住友海上 (MS&AD)", "Mitsui Sumitomo Insurance", ["ms-ins", "ms-ad"], [],
     ["ms-ins.com", "ms-ad-hd.com"]),
    ("あいおいニッセイ同和損保", "Aioi Nissay Dowa", ["aioinissaydowa", "aioi"], [],
     ["aioinissaydowa.co.jp"]),
    ("日本生命", "Nippon Life", ["nissay"], [], ["nissay.co.jp"]),
    ("第一生命", "Dai-ichi Life", ["dai-ichi-life", "daiichi-life", "daiichilife"], [],
     ["dai-ichi-life.co.jp"]),
    ("JCB", "JCB", ["myjcb"], ["jcb"], ["jcb.co.jp", "jcb.jp"]),
    ("イオンカード", "AEON", ["aeon"], [], ["aeon.co.jp", "aeon.info", "aeonbank.co.jp"]),
    ("オリコ", "Orient Corporation (Orico)", ["orico"], [], ["orico.co.jp"]),
    ("セゾンカード", "Credit Saison", ["saison"], [], ["saisoncard.co.jp"]),
    ("厚生労働省", "Ministry of Health, Labour and Welfare", ["mhlw"], [], ["mhlw.go.jp"]),
    ("警察庁", "National Police Agency", [], ["npa"], ["npa.go.jp"]),
    ("情報処理推進機構", "IPA", [], ["ipa"], ["ipa.go.jp"]),
    ("日本航空 (JAL)", "Japan Airlines", ["japanairlines", "jal-mileage"], ["jal"],
     ["jal.co.jp", "jal.com", "jal.jp"]),
    ("全日本空輸 (ANA)", "All Nippon Airways", ["ana-mileage", "anamileage"], ["ana"],
     ["ana.co.jp", "ana.com", "ana-g.com"]),
    ("Microsoft 365 / Outlook", "Microsoft", ["microsoft", "office365", "microsoft365"],
     ["m365", "outlook", "hotmail", "onedrive"],
     ["microsoft.com", "office.com", "live.com", "outlook.com", "office365.com",
      "microsoft365.com", "microsoftonline.com", "office.net", "outlook.jp",
      "hotmail.com", "hotmail.co.jp", "live.jp", "msn.com", "onedrive.com", "1drv.ms",
      "sharepoint.com"]),
    ("Google Workspace / Gmail", "Google", ["gmail"], ["google", "gsuite"],
     ["google.com", "google.co.jp", "gmail.com", "googlemail.com", "gstatic.com",
      "google-analytics.com", "googletagmanager.com", "googlesyndication.com",
      "googleadservices.com", "youtube.com", "withgoogle.com", "goo.gl"]),
    ("さくら保険サービス (the firm itself)", "sakura-hoken (local entry)",
     ["sakura-hoken"], [], ["sakura-hoken.example"]),
]

# Cyrillic/Greek letters that look like Latin ones (for xn-- homographs).
CONFUSABLE = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x",
              "у": "y", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ո": "n",
              "ο": "o", "α": "a", "ν": "v", "ı": "i", "ɡ": "g"}

THEME = [
    # press, lectures
    "取材のお願い", "取材依頼", "取材申込", "取材申し込み", "講演依頼", "講演のお願い",
    "interview request", "speaking invitation", "request for interview",
    # job application
    "履歴書", "職務経歴書", "resume", "curriculum vitae",
    # product enquiry / complaint
    "商品に関するお問い合わせ", "製品に関するお問い合わせ", "商品についてのお問い合わせ",
    "クレーム", "苦情", "product inquiry", "request for quotation", "complaint",
    # survey
    "アンケート", "survey", "questionnaire",
    # internal-looking documents
    "議事録", "meeting minutes", "vip",
    # public bodies
    "注意喚起", "感染症", "感染拡大", "災害情報", "security alert", "outbreak",
    # organisation-wide notices
    "人事異動", "人事情報", "事業方針", "資料の再送", "再送", "差し替え", "差替え",
    "personnel change", "updated document",
    # unexpected payment / delivery
    "航空券", "予約確認", "e-ticket", "booking confirmation", "flight itinerary",
    "お荷物", "配達", "不在", "delivery", "shipment", "parcel",
    "請求書", "invoice", "未納", "未払い", "支払期限", "振込先口座", "振込先の変更",
    "振込先変更", "payment overdue",
    "remittance",
    # account lures: quota, password expiry, account check, sign-in
    "メールボックスの容量", "メールボックス容量", "パスワードの有効期限",
    "パスワード有効期限", "パスワードの期限", "アカウントの確認", "アカウント確認",
    "アカウントの再登録", "アカウントの停止", "アカウントの一時停止",
    "アカウントのロック", "アカウントの凍結", "アカウントの制限", "アカウントの更新",
    "アカウント停止", "アカウント更新", "再登録", "不審なログイン", "不審なサインイン",
    "不審なアクセス", "異常なログイン", "異常なサインイン",
    "新しいデバイスからのログイン", "新しいデバイスからのサインイン",
    "新しい端末からのログイン", "見慣れないデバイスからのサインイン",
    "mailbox quota", "mailbox storage", "your mailbox is full",
    "your mailbox is almost full", "your mailbox has exceeded",
    "password expiry", "password expires", "password expired",
    "password expiration", "your password will expire", "account verification",
    "account suspended", "account suspension", "account locked",
    "account will be suspended", "account has been suspended",
    "account will be closed", "account will be deactivated",
    "verify your account", "verify your email", "unusual sign-in",
    "unusual signin", "unusual login", "unusual activity", "suspicious sign-in",
    "suspicious login", "suspicious activity", "new sign-in", "sign-in attempt",
    # carriers: the address to correct (ヤマト運輸, 佐川急便 warnings)
    "配送先", "お届け先", "宛先不明", "再配送", "送り状番号", "tracking number",
    # courier and shop notices, third round (DHL, FedEx, Amazon warnings)
    "package is on hold", "package has been held", "undelivered package",
    "undeliverable parcel", "courier notice", "reschedule the delivery",
    "reschedule your delivery", "お届け予定日の変更", "お届け日時の変更", "発送を保留",
    "発送保留", "email storage is 9", "mailbox is 9",
    # enquiries in machine-translated Japanese (IPA)
    "貴社の製品にとても興味", "貴社の製品に興味", "御社の製品に興味", "貴社の商品に興味",
    "製品のカタログを送", "商品のカタログを送", "製品を大量購入したい", "商品を大量購入したい",
    # airlines: bookings and miles (JAL, ANA warnings)
    "予約内容の確認", "予約の確認", "ご予約の確認", "マイル有効期限", "マイルの有効期限",
    "マイル失効", "マイルの失効", "マイル加算", "マイルが失効", "マイレージ", "搭乗券",
    "booking reference", "booking details", "your miles", "miles will expire",
    # banks and cards: usage checks and restrictions (フィッシング対策協議会)
    "ご利用確認のお願い", "ご利用確認はこちら", "ご利用内容の確認のお願い",
    "ご利用内容の確認をお願い", "ご利用確認をお願い",
    "お客さま情報の確認", "お客様情報の確認", "お客さま情報等の確認", "登録情報の確認",
    "ご登録情報の確認", "登録情報の更新", "ご登録情報の更新", "お取引目的", "直近の取引",
    "直近のお取引", "取引制限", "取引の制限", "取引を一部制限", "取引を制限",
    "ご利用を一部制限", "利用制限", "ご利用制限", "カードの利用制限", "使用制限",
    "不正利用の可能性", "不正利用の疑い", "不正利用を検知", "第三者による不正",
    "unusual transaction", "unusual card activity",
    # quota, upgrade and password change (hoax-slayer samples; IPA)
    "メールボックスのアップグレード", "メールボックスがいっぱい", "パスワード変更のお願い",
    "パスワードの変更のお願い", "パスワードの更新が必要", "パスワードを変更してください",
    "アカウントを検証", "exceeded the storage limit", "exceeded its storage limit",
    "exceeded its quota", "quota warning", "quota exceeded", "quota limit",
    "reached its storage limit", "mailbox has reached", "storage has reached",
    "re-validate your mailbox", "revalidate your mailbox", "validate your mailbox",
    "mailbox upgrade", "email upgrade", "password is about to expire",
    "change your password", "update your password",
    # written in Chinese: the lure phrases (the words alone are everyday
    # Chinese; next to kana see THEME_HANZI_WORDS)
    "邮箱容量", "邮箱空间", "邮箱已满", "邮箱升级", "邮箱验证", "郵箱容量", "郵箱空間",
    "郵箱已滿", "郵箱升級", "郵箱驗證", "账户验证", "账户异常", "账户冻结", "帐户验证",
    "帐户异常", "帳戶驗證", "帳戶異常", "帳戶凍結", "密码过期", "密码到期", "密码重置",
    "密碼過期", "密碼到期", "密碼重置", "信箱已满", "信箱已滿", "容量已满", "容量已滿",
    "发票", "發票", "付款通知", "升级您的邮箱", "升级邮箱",
    # fourth round (IPA, JPCERT/CC): shared or replaced documents, fax and
    # voicemail, pay statements, infection notices, the president's urgent
    # transfer, held mail, account locks, staff systems moving, parcels in
    # Chinese, reinsurers
    "共有ファイルのお知らせ", "ドキュメントが共有されました", "ファイルが共有されました",
    "資料が共有されました", "資料が差し替えされました", "has shared", "shared a document",
    "shared a file", "fax受信", "faxを受信", "ファクス受信", "ボイスメール",
    "新しい音声メッセージ", "voicemail", "voice message", "new fax", "incoming fax",
    "fax received", "fax message", "賞与明細", "給与明細", "源泉徴収票", "payslip",
    "salary statement", "salary adjustment", "bonus statement", "ウイルス感染",
    "ウイルスに感染", "virus infection", "infected with", "極秘", "至急振込",
    "至急の振込", "至急送金", "urgent wire transfer", "wire transfer", "urgent transfer",
    "urgent payment", "保留中のメッセージ", "保留中のメール", "未配信のメッセージ",
    "未配信メール", "pending messages", "undelivered messages", "held messages",
    "アカウントがロック", "apple id", "your account has been locked",
    "経費精算システムの移行", "勤怠管理システムの移行", "再ログイン", "system migration",
    "包裹", "快递", "派送", "reinsurance", "reinsurer", "再保険会社", "再保険契約",
]

# Chinese words Japanese never writes: a lure topic when kana touch them
# (machine-translated Japanese).
THEME_HANZI_WORDS = ["邮箱", "郵箱", "升级", "账户", "帐户", "帳戶", "密码", "密碼",
                     "验证", "驗證", "登录", "登錄", "过期"]

# Traditional forms that modern Japanese writes otherwise (not the old
# forms Japanese names keep: 國 澤 邊 齋 廣 應 會).
TRAD_FORMS = set("們這您嗎你與將說讓對關從當體價單聯繫發來號麼呢吧覽經實產續總據處歡驗證戶碼")

# Words Chinese writes in almost every sentence, Japanese seldom or never.
CHINESE_WORDS = set("的了您们們吗嗎这這个個我你是请請将將与與在")

CREDENTIAL = [
    "idとパスワード", "id・パスワード", "id/パスワード", "パスワードを入力",
    "パスワードをご入力", "パスワードを再設定", "パスワードの再設定", "暗証番号を入力",
    "暗証番号をご入力", "ログインして", "ログインの上", "ログインし、", "アカウントを確認",
    "アカウント情報の確認", "アカウント情報を更新", "本人確認", "メールボックスの容量",
    "メールボックス容量", "口座情報の確認", "口座情報を確認", "再登録",
    "認証を完了", "カード情報を入力", "カード情報をご入力",
    "verify your account", "confirm your account", "enter your password",
    "update your password", "reset your password", "mailbox quota",
    "mailbox is full", "sign in to", "validate your", "verify your identity",
    # machine-translated forms seen in lures with stray hanzi
    "账户", "帐户", "帳戶", "验证", "登录", "密码", "密碼", "驗證", "登錄",
    # change pages and the mailbox password (IPA; hoax-slayer samples)
    "パスワードを変更してください", "パスワードの変更手続き", "リンクからログイン",
    "urlからログイン", "urlよりログイン", "リンクよりログイン", "サインインして",
    "容量を追加", "容量を増や", "メールボックスのアップグレード",
    "confirm your password", "confirm your email password", "provide your password",
    "enter your email password", "keep the same password", "keep your current password",
    "increase your mailbox", "upgrade your mailbox", "revalidate your mailbox",
    "re-validate your mailbox", "login here", "log in here", "sign in here",
    "click here to verify", "click here to validate", "click here to keep",
    # courier and shop sign-in requests, third round
    "sign in with your email password", "log in with your email password",
    "sign in with your email credentials", "log in to your email account to",
    "sign in to your email account to", "enter your email address and password",
    "verify your email account",
    # fourth round: a mail address and password, keeping the password
    "メールアドレスとパスワード", "enter your mail address and password",
    "現在のパスワードを引き続き使用", "同じパスワードを使い続け",
]

# Sign-in requests that count only beside a delivery word (a genuine
# newsletter asks to log in too): shop and carrier notices.
CREDENTIAL_DELIVERY = ["ログインのうえ", "ログインの上", "ログインいただ", "サインインいただ",
                       "サインインのうえ", "マイページにログイン", "マイページからログイン",
                       "会員ページにログイン"]
DELIVERY_WORDS = ["配送先", "お届け先", "届け先", "配達", "お荷物", "発送", "配送", "宅配", "送り状"]

MULTI_SUFFIX = {"co.jp", "ne.jp", "or.jp", "go.jp", "ac.jp", "ad.jp", "ed.jp",
                "gr.jp", "lg.jp", "co.uk", "org.uk", "com.cn", "com.tw",
                "com.hk", "com.au", "co.kr"}

EXEC_EXT = {"exe", "scr", "com", "pif", "cpl", "bat", "cmd", "js", "jse",
            "vbs", "vbe", "wsf", "hta", "msi", "ps1", "jar"}
DOC_EXT = {"pdf", "doc", "docx", "xls", "xlsx", "xlsm", "ppt", "pptx", "txt",
           "jpg", "jpeg", "png", "gif", "zip", "csv", "rtf"}

# --------------------------------------------------------------------------
# Records.


class Msg:
    """One fixture message, as written in lures.py / benign.py."""

    def __init__(self, name, kind, cats, frm, to, subject, text=None,
                 html_body=None, anchors=(), charset="iso-2022-jp",
                 cte=None, attach=(), reply_to=None, cc=None, args="-",
                 note="", mailer=None, q_header=False, cp932=False,
                 env_from=None, extra_headers=()):
        self.name = name
        self.kind = kind            # "lure" or "benign"
        self.cats = sorted(set(cats))
        self.frm = frm              # (display name or None, address)
        self.to = to                # list of (display, address)
        self.subject = subject
        self.text = dedent(text) if text is not None else None
        self.html = dedent(html_body) if html_body is not None else None
        self.anchors = list(anchors)  # [(href, text)]
        self.charset = charset
        self.cte = cte
        self.attach = list(attach)  # [Attachment]
        self.reply_to = reply_to
        self.cc = cc or []
        self.args = args
        self.note = note
        self.mailer = mailer
        self.q_header = q_header
        self.cp932 = cp932          # Shift_JIS label, CP932 content
        self.env_from = env_from
        self.extra_headers = list(extra_headers)
        if env_from and args == "-":
            # the envelope differs from the headers: give it to omamori scan
            self.args = " ".join(["--from", env_from] +
                                 ["--rcpt " + a for _, a in self.to + self.cc])


class Att:
    def __init__(self, name, kind, ctype="application/octet-stream",
                 style="2231", inner=None, charset="utf-8", page=None):
        self.name = name
        self.page = page            # for html: the page's text
        self.kind = kind            # pdf, jpg, xlsx, exe, zip, txt, csv
        self.ctype = ctype
        self.style = style          # "2231" or "2047" (quoted encoded-word)
        self.inner = inner          # for zip: list of (name, kind)
        self.charset = charset      # charset used to encode the name

    def names(self):
        out = [self.name]
        if self.inner:
            out += [n for n, _ in self.inner]
        return out


def dedent(s):
    lines = s.split("\n")
    if lines and lines[0].strip() == "":
        lines = lines[1:]
    while lines and lines[-1].strip() == "":
        lines = lines[:-1]
    ind = min((len(l) - len(l.lstrip(" ")) for l in lines if l.strip()),
              default=0)
    return "\n".join(l[ind:] for l in lines) + "\n"


# --------------------------------------------------------------------------
# Encoding.

CODEC = {"iso-2022-jp": "iso2022_jp", "shift_jis": "shift_jis",
         "utf-8": "utf-8", "gb2312": "gb2312", "us-ascii": "ascii"}
LABEL = {"iso-2022-jp": "ISO-2022-JP", "shift_jis": "Shift_JIS",
         "utf-8": "UTF-8", "gb2312": "GB2312", "us-ascii": "US-ASCII"}


def codec_of(m_or_charset, cp932=False):
    c = CODEC[m_or_charset]
    if c == "shift_jis" and cp932:
        return "cp932"
    return c


def encode_text(s, codec):
    # line by line, so ISO-2022-JP returns to ASCII before every newline
    return b"\n".join(l.encode(codec) for l in s.split("\n"))


def is_ascii(s):
    return all(ord(c) < 128 for c in s)


def enc_words(s, charset, codec, q=False):
    """RFC 2047 encoded-words for s, each at most 75 characters."""
    if is_ascii(s):
        return [s]
    label = LABEL[charset]
    words, chunk = [], ""

    def word(t):
        b = t.encode(codec)
        if q:
            body = "".join(
                c if (c.isalnum() and ord(c) < 128) else
                "_" if c == " " else "=%02X" % ord(c)
                for c in b.decode("latin-1"))
            return "=?%s?Q?%s?=" % (label, body)
        return "=?%s?B?%s?=" % (label, base64.b64encode(b).decode())

    for ch in s:
        if chunk and len(word(chunk + ch)) > 75:
            words.append(word(chunk))
            chunk = ""
        chunk += ch
    if chunk:
        words.append(word(chunk))
    return words


def fold(name, words):
    out = name + ": " + words[0]
    for w in words[1:]:
        out += "\n " + w
    return out


def hdr_text(name, s, charset, codec, q=False):
    return fold(name, enc_words(s, charset, codec, q))


def addr(pair, charset, codec, q=False):
    disp, a = pair
    if not disp:
        return a
    if is_ascii(disp):
        if re.search(r'[()<>\[\]:;@\\,."]', disp):
            return '"%s" <%s>' % (disp.replace('"', '\\"'), a)
        return "%s <%s>" % (disp, a)
    return " ".join(enc_words(disp, charset, codec, q)) + " <%s>" % a


def addr_list(name, pairs, charset, codec, q=False):
    return name + ": " + ",\n ".join(addr(p, charset, codec, q) for p in pairs)


def body_bytes(text, charset, codec, cte):
    raw = encode_text(text, codec)
    if cte in ("7bit", "8bit"):
        return raw
    if cte == "base64":
        return base64.encodebytes(raw)
    if cte == "quoted-printable":
        return quopri.encodestring(raw)
    raise ValueError(cte)


def default_cte(m, idx):
    if m.cte:
        return m.cte
    if m.charset in ("iso-2022-jp", "us-ascii"):
        return "7bit"
    if m.charset == "utf-8":
        return ["base64", "quoted-printable", "8bit"][idx % 3]
    if m.charset == "shift_jis":
        return ["base64", "8bit"][idx % 2]
    return "base64"


def text_part(sub, text, m, codec, cte, single=False):
    head = ("Content-Type: text/%s; charset=\"%s\"\n"
            "Content-Transfer-Encoding: %s\n" % (sub, LABEL[m.charset], cte))
    body = body_bytes(text, m.charset, codec, cte)
    # in a multipart the newline before the next boundary belongs to it;
    # a single part ends with the text's own last newline
    if single:
        return head.encode() + b"\n" + body
    return head.encode() + b"\n" + body + b"\n"


def render_html(m):
    if m.html is None:
        return None
    subs = {}
    for i, (href, text) in enumerate(m.anchors):
        subs["a%d" % i] = '<a href="%s">%s</a>' % (
            html.escape(href, quote=True), html.escape(text, quote=False))
    return m.html.format(**subs)


# ---- attachment payloads (inert; only their form matters) -----------------

def payload(kind, name, inner=None, page=None):
    tag = hashlib.sha1(name.encode()).hexdigest()[:12].encode()
    if kind == "html":
        return page.encode("utf-8")
    if kind == "pdf":
        return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                b"% fixture " + tag + b"\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    if kind == "jpg":
        return (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01"
                b"\x00\x00\xff\xfe\x00\x12fixture " + tag[:8] + b"\xff\xd9")
    if kind == "txt" or kind == "csv":
        return b"fixture " + tag + b"\n"
    if kind == "exe":
        # an inert PE stub: "MZ" header pointing to a "PE" signature, no code
        hdr = bytearray(b"MZ" + b"\x00" * 62)
        hdr[0x3c:0x40] = (0x40).to_bytes(4, "little")
        return (bytes(hdr) + b"PE\x00\x00\x4c\x01\x00\x00" +
                b"omamori test fixture, not a program " + tag + b"\x00" * 16)
    if kind in ("zip", "xlsx", "docx"):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            items = inner or []
            if kind == "xlsx":
                items = [("[Content_Types].xml", "xml"), ("xl/workbook.xml", "xml")]
            if kind == "docx":
                items = [("[Content_Types].xml", "xml"), ("word/document.xml", "xml")]
            for n, k in items:
                zi = zipfile.ZipInfo(n, date_time=(2025, 3, 1, 9, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                data = (b'<?xml version="1.0"?><fixture id="' + tag + b'"/>'
                        if k == "xml" else payload(k, n))
                z.writestr(zi, data)
        return buf.getvalue()
    raise ValueError(kind)


def att_part(a):
    codec = CODEC.get(a.charset, a.charset)
    if a.style == "2047":
        enc = " ".join(enc_words(a.name, a.charset, codec)) if not is_ascii(a.name) else a.name
        ct = '%s; name="%s"' % (a.ctype, enc)
        cd = 'attachment; filename="%s"' % enc
    else:
        if is_ascii(a.name):
            ct = '%s; name="%s"' % (a.ctype, a.name)
            cd = 'attachment; filename="%s"' % a.name
        else:
            pct = "".join("%%%02X" % b if not (chr(b).isalnum() and b < 128 or chr(b) in "._-")
                          else chr(b) for b in a.name.encode("utf-8"))
            ct = a.ctype
            cd = "attachment; filename*=UTF-8''%s" % pct
    data = base64.encodebytes(payload(a.kind, a.name, a.inner, a.page)).rstrip(b"\n")
    head = ("Content-Type: %s\nContent-Disposition: %s\n"
            "Content-Transfer-Encoding: base64\n" % (ct, cd))
    return head.encode() + b"\n" + data + b"\n"


def multipart(sub, parts, boundary):
    out = b"This is a multi-part message in MIME format.\n\n" if sub == "mixed" else b""
    for p in parts:
        out += b"--" + boundary.encode() + b"\n" + p
    out += b"--" + boundary.encode() + b"--\n"
    return ("Content-Type: multipart/%s;\n boundary=\"%s\"\n" % (sub, boundary)).encode() + b"\n" + out


def build(m, idx, rng):
    codec = codec_of(m.charset, m.cp932)
    cte = default_cte(m, idx)
    day = rng.randrange(0, 75)
    sec = rng.randrange(8 * 3600, 19 * 3600)
    mid = "%016x" % rng.getrandbits(64)
    bnd = "%012x" % rng.getrandbits(48)
    ip = "203.0.113.%d" % rng.randrange(2, 250)
    qid = "%010X" % rng.getrandbits(40)
    mon_days = [("Feb", 28), ("Mar", 31), ("Apr", 30)]
    d, mon = day + 1, None
    for mn, n in mon_days:
        if d <= n:
            mon = mn
            break
        d -= n
    wd = ["Sat", "Sun", "Mon", "Tue", "Wed", "Thu", "Fri"][(day + 0) % 7]
    # 2025-02-01 is a Saturday
    date = "%s, %d %s 2025 %02d:%02d:%02d +0900" % (
        wd, d, mon, sec // 3600, sec // 60 % 60, sec % 60)

    # headers of a US-ASCII body still name Japanese staff: UTF-8 words
    hcs = "utf-8" if m.charset == "us-ascii" else m.charset
    hcodec = codec_of(hcs, m.cp932)
    from_dom = m.frm[1].split("@")[1]
    env = m.env_from or m.frm[1]
    # the null sender ("<>", a bounce's envelope) comes from From:'s host
    relay = env.split("@")[1] if "@" in env else from_dom
    lines = [
        "Return-Path: %s" % (env if env == "<>" else "<%s>" % env),
        "Received: from mail.%s (mail.%s [%s])\n\tby mx.%s (Postfix) with ESMTPS id %s\n\tfor <%s>; %s"
        % (relay, relay, ip, INTERNAL, qid, m.to[0][1], date),
    ]
    lines += [h for h in m.extra_headers]
    lines.append("Date: " + date)
    lines.append(addr_list("From", [m.frm], hcs, hcodec, m.q_header))
    lines.append(addr_list("To", m.to, hcs, hcodec, m.q_header))
    if m.cc:
        lines.append(addr_list("Cc", m.cc, hcs, hcodec, m.q_header))
    if m.reply_to:
        lines.append(addr_list("Reply-To", [m.reply_to], hcs, hcodec, m.q_header))
    lines.append(hdr_text("Subject", m.subject, hcs, hcodec, m.q_header))
    lines.append("Message-ID: <%s.%s@%s>" % (mid, bnd[:6], from_dom))
    if m.mailer:
        lines.append("X-Mailer: " + m.mailer)
    lines.append("MIME-Version: 1.0")
    head = "\n".join(lines).encode("ascii") + b"\n"

    htm = render_html(m)
    parts = []
    if m.text is not None and htm is not None:
        body = multipart("alternative",
                         [text_part("plain", m.text, m, codec, cte),
                          text_part("html", htm, m, codec, cte)],
                         "alt_" + bnd)
    elif htm is not None:
        body = text_part("html", htm, m, codec, cte, single=not m.attach)
    else:
        body = text_part("plain", m.text, m, codec, cte, single=not m.attach)
    if m.attach:
        parts = [body] + [att_part(a) for a in m.attach]
        body = multipart("mixed", parts, "mix_" + bnd)
    return head + body


# --------------------------------------------------------------------------
# Reference checks of the indicators (used to verify the labels).

URL_RE = re.compile(r"(?:https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+)"
                    r"|(?<![\w.@-])www\.[A-Za-z0-9\-.]+[A-Za-z]"
                    r"|(?<![\w./@:-])(?:\d{1,3}\.){3}\d{1,3}(?=:\d|/[A-Za-z~_])[^\s]*")
HOSTLIKE = re.compile(r"^(?:https?://)?([A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)(?:[:/?#]\S*)?/?$")
MAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")


def host_of(url):
    u = url.strip()
    u = re.sub(r"^https?://", "", u, flags=re.I)
    if u.startswith("["):
        return u[:u.find("]") + 1].lower() if "]" in u else ""
    u = re.split(r"[/?#]", u, 1)[0]
    u = u.split("@")[-1].split(":")[0]
    return u.lower().rstrip(".")


def is_ipv4(h):
    try:
        ipaddress.IPv4Address(h)
        return True
    except ValueError:
        return False


def registrable(h):
    h = h.lower().rstrip(".")
    if is_ipv4(h):
        return h
    labels = h.split(".")
    if len(labels) >= 3 and ".".join(labels[-2:]) in MULTI_SUFFIX:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


ALL_BRAND_DOMAINS = {d for b in BRANDS for d in b[4]}


def brand_hits(host):
    """brands whose token is in host (by the matching rule)"""
    out = []
    parts = set()
    for lab in host.split("."):
        parts.add(lab)
        parts.update(lab.split("-"))
    for b in BRANDS:
        if any(t in host for t in b[2]) or any(t in parts for t in b[3]):
            out.append(b)
    return out


def skeleton(u):
    return "".join(CONFUSABLE.get(c, c) for c in u)


def lookalike(host):
    if is_ipv4(host) or host.startswith("["):
        return True
    reg = registrable(host)
    if reg in ALL_BRAND_DOMAINS:
        return False
    for lab in host.split("."):
        if lab.startswith("xn--"):
            try:
                uni = lab[4:].encode("ascii").decode("punycode")
            except Exception:
                return True
            sk = skeleton(uni)
            for b in BRANDS:
                for t in b[2] + b[3] + [d.split(".")[0] for d in b[4]]:
                    if len(t) >= 3 and t in sk:
                        return True
    for b in brand_hits(host):
        if reg not in b[4]:
            return True
    # digits for letters (0 as o, 1 as l; i and l alike), when one touches a letter
    if re.search(r"(?<=[a-z])[01]|[01](?=[a-z])", host):
        def fold(x):
            return x.replace("0", "o").replace("1", "l").replace("i", "l")
        fh = fold(host)
        fparts = set()
        for lab in fh.split("."):
            fparts.add(lab)
            fparts.update(lab.split("-"))
        for b in BRANDS:
            if reg in b[4]:
                continue
            if any(fold(t) in fh for t in b[2]) or any(fold(t) in fparts for t in b[3]):
                return True
    return False


def anchor_lookalike(href_host, text_host):
    """the href reads as the host the anchor text shows: the same name by
    look-alike letters or digits, or the shown domain put in front"""
    hr, tr = registrable(href_host), registrable(text_host)
    if hr == tr or is_ipv4(href_host) or is_ipv4(text_host):
        return False
    if re.search(r"(?:^|\.)" + re.escape(tr) + r"\.", href_host):
        return True
    hn, tn = hr.split(".")[0], tr.split(".")[0]
    return hn != tn and len(own_skeleton(tn)) >= 4 and own_skeleton(hn) == own_skeleton(tn)


def own_skeleton(name):
    if name.startswith("xn--"):
        name = name[4:].encode("ascii").decode("punycode")
    t = "".join(CONFUSABLE.get(c, c) for c in name.lower() if c != "-")
    t = t.replace("0", "o").replace("1", "l").replace("i", "l")
    out, i = [], 0
    while i < len(t):
        pair = t[i:i + 2]
        if pair in ("rn", "vv", "cl"):
            out.append({"rn": "m", "vv": "w", "cl": "d"}[pair])
            i += 2
        else:
            out.append(t[i])
            i += 1
    return "".join(out)


def osa(a, b):
    """optimal string alignment distance"""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1,
                          d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


OWN = [INTERNAL] + PARTNERS


def own_lookalike(host):
    """host imitates the firm's or a partner's domain (not being one)"""
    host = host.lower().rstrip(".")
    if not host or is_ipv4(host) or "." not in host:
        return False
    reg = registrable(host)
    if reg in OWN or reg in FREEMAIL or reg in ALL_BRAND_DOMAINS:
        return False
    if any(host == d or host.endswith("." + d) for b in BRANDS for d in b[4]):
        return False
    name = reg.split(".")[0]
    sk = own_skeleton(name)
    names = {d.split(".")[0] for d in OWN}
    skels = {own_skeleton(n) for n in names if len(own_skeleton(n)) >= 5}
    if name in names and len(name) >= 5:
        return True
    if sk in skels:
        return True
    labels = host[:len(host) - len(reg)].rstrip(".").split(".") if host != reg else []
    for lab, whole in [(l, True) for l in labels if l] + [(name, False)]:
        parts = lab.split("-")
        for i in range(len(parts)):
            for j in range(i, len(parts)):
                if not whole and i == 0 and j == len(parts) - 1:
                    continue
                if own_skeleton("-".join(parts[i:j + 1])) in skels:
                    return True
    for k in range(5, len(sk) - 1):
        if sk[:k] in skels or sk[-k:] in skels:
            return True
    for e in skels:
        mx = 2 if len(e) >= 9 else 1
        if abs(len(e) - len(sk)) <= mx and 1 <= osa(sk, e) <= mx:
            return True
    return False


def js_literal(q):
    """a JavaScript string literal's value (its escapes read)"""
    out, i = [], 0
    while i < len(q):
        c = q[i]
        if c == "\\" and i + 1 < len(q):
            n = q[i + 1]
            if n == "x" and re.match(r"[0-9a-fA-F]{2}", q[i + 2:i + 4]):
                out.append(chr(int(q[i + 2:i + 4], 16)))
                i += 4
                continue
            if n == "u" and re.match(r"[0-9a-fA-F]{4}", q[i + 2:i + 6]):
                out.append(chr(int(q[i + 2:i + 6], 16)))
                i += 6
                continue
            out.append({"n": "\n", "t": "\t", "r": "\r"}.get(n, n))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


LIT = r"(?:\"((?:[^\"\\]|\\.)*)\"|'((?:[^'\\]|\\.)*)')"


def script_strings(page):
    """what the scripts of a page decode: atob, unescape and
    decodeURIComponent of a literal or of a variable holding one,
    String.fromCharCode lists, escaped literals, data: pages"""
    env = {}
    for m in re.finditer(r"\b(?:var|let|const)\s+([A-Za-z_$][\w$]*)\s*=\s*" + LIT, page):
        env[m.group(1)] = js_literal(m.group(2) if m.group(2) is not None else m.group(3))
    out = []
    arg = r"\(\s*(?:" + LIT + r"|([A-Za-z_$][\w$]*))\s*\)"
    for m in re.finditer(r"\b(atob|unescape|decodeURIComponent|decodeURI)" + arg, page):
        v = m.group(2) if m.group(2) is not None else m.group(3)
        v = js_literal(v) if v is not None else env.get(m.group(4))
        if v is None:
            continue
        if m.group(1) == "atob":
            try:
                out.append(base64.b64decode(v).decode("utf-8"))
            except Exception:
                pass
        else:
            out.append(urllib.parse.unquote(v))
    for m in re.finditer(r"String\.fromCharCode\(([\d,\s]+)\)", page):
        out.append("".join(chr(int(x)) for x in m.group(1).split(",") if x.strip()))
    for m in re.finditer(LIT, page):
        v = m.group(1) if m.group(1) is not None else m.group(2)
        if "\\x" in v or "\\u" in v:
            out.append(js_literal(v))
    for m in re.finditer(r"data:text/html;base64,([A-Za-z0-9+/=]+)", page):
        out.append(base64.b64decode(m.group(1)).decode("utf-8"))
    return out


def html_form_scripted(page, depth=0):
    """a login form written by a script from an encoded string"""
    if depth >= 3:
        return False
    return any(html_form_request(t, plain_only=True) or html_form_scripted(t, depth + 1)
               for t in script_strings(page))


def html_script_hidden(page):
    """a script that writes what cannot be decoded (a decoder over a
    value computed at run time, a packer given to eval), or that sends
    the reader to a decoded address"""
    if re.search(r"eval\(function\(p,a,c,k,e,", page):
        return True
    if re.search(r"(?:document\.write(?:ln)?\(|innerHTML\s*=\s*)\s*(?:atob|unescape)\(\s*[A-Za-z_$][\w$]*\.", page):
        return True
    return re.search(r"location(?:\.href)?\s*=\s*atob\(", page) is not None


def script_urls(page):
    """addresses a script sends the reader to, decoded"""
    out = []
    for m in re.finditer(r"location(?:\.href)?\s*=\s*atob\(\s*" + LIT, page):
        out.append(base64.b64decode(m.group(1) or m.group(2)).decode("ascii"))
    return out


def html_form_request(page, plain_only=False):
    """an attached page asks for a password or posts to a web site"""
    if not plain_only and (html_form_scripted(page) or html_script_hidden(page)):
        return True
    low = page.lower()
    if re.search(r"<input[^>]*type\s*=\s*[\"']?password", low):
        return True
    if re.search(r"type\s*[=:]\s*[\"'\\]*password", low):
        return True
    return re.search(r"<form[^>]*action\s*=\s*[\"']?\s*(?:https?:)?//", low) is not None


class AnchorParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.anchors, self.cur, self.buf, self.text = [], None, [], []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.cur = dict(attrs).get("href", "")
            self.buf = []
        if tag in ("br", "p", "div", "tr", "li", "h1", "h2", "h3", "table"):
            self.text.append("\n")

    def handle_endtag(self, tag):
        if tag == "a" and self.cur is not None:
            self.anchors.append((self.cur, "".join(self.buf)))
            self.cur = None
        if tag in ("p", "div", "tr", "li", "h1", "h2", "h3", "table"):
            self.text.append("\n")

    def handle_data(self, data):
        if self.cur is not None:
            self.buf.append(data)
        self.text.append(data)


def html_anchors_text(h):
    p = AnchorParser()
    p.feed(h)
    p.close()
    return p.anchors, "".join(p.text)


def is_kana(c):
    o = ord(c)
    return 0x3041 <= o <= 0x309F or 0x30A0 <= o <= 0x30FF


def is_han(c):
    o = ord(c)
    return (0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or
            0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF)


def japanese_han(c):
    for cs in ("cp932", "euc_jis_2004"):
        try:
            c.encode(cs)
            return True
        except UnicodeEncodeError:
            pass
    return False


def stray_hanzi(text):
    return sorted({c for c in text if is_han(c) and not japanese_han(c)})


NAME_END = set("市区區省县縣州路街镇鎮村号號楼樓司")
NAME_WORDS = ["贸易", "貿易", "集团", "集團", "实业", "實業", "股份", "商贸"]


def han_runs(text):
    runs, cur = [], ""
    for c in text:
        if is_han(c) and ord(c) >= 0x3400:
            cur += c
        elif cur:
            runs.append(cur)
            cur = ""
    if cur:
        runs.append(cur)
    return runs


def stray_outside_names(text):
    """forms outside the Japanese sets in runs of hanzi that are not a
    place or company name written in Chinese (华信贸易, 上海市)"""
    out = set()
    for run in han_runs(text):
        if set(run) & NAME_END or any(w in run for w in NAME_WORDS):
            continue
        out |= {c for c in run if not japanese_han(c)}
    return out


def single_stray(text):
    """one hanzi of the main block outside the Japanese sets, not inside
    a place or company name written in Chinese"""
    for run in re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+", text):
        if set(run) & NAME_END or any(w in run for w in NAME_WORDS):
            continue
        if any("\u4e00" <= c <= "\u9fff" and not japanese_han(c) for c in run):
            return True
    return False


SEP_RE = re.compile(r"^\s*(?:--\s*|[-=_*＝＿━─―─☆★◆◇■□・~～]{3,}.*)$")


def signature_addresses(text):
    lines = [l for l in text.split("\n") if not l.lstrip().startswith(">")]
    # cut at a forwarded/original message marker: what follows is quoted
    for i, l in enumerate(lines):
        if re.match(r"^\s*-{2,}\s*(Original Message|Forwarded message|転送されたメッセージ|元のメッセージ)", l, re.I):
            lines = lines[:i]
            break
    while lines and not lines[-1].strip():
        lines.pop()
    start = None
    for i, l in enumerate(lines):
        if SEP_RE.match(l) and i >= len(lines) - 14:
            start = i
    block = lines[start + 1:] if start is not None else lines[-8:]
    if start is not None and len(block) < 2:
        # a closing rule after the signature: take what precedes it
        prev = None
        for i, l in enumerate(lines[:start]):
            if SEP_RE.match(l):
                prev = i
        block = lines[(prev + 1) if prev is not None else max(0, start - 8):start]
    found = []
    for l in block:
        for a in MAIL_RE.findall(l):
            if not a.lower().endswith("@" + INTERNAL):
                found.append(a.lower())
    return found


def oracle(m, texts, anchors, urls):
    """Return the set of categories the reference definitions find."""
    got = set()
    frm_dom = m.frm[1].split("@")[1].lower()
    env_dom = None
    mm = re.search(r"--from\s+(\S+)", m.args or "")
    if mm and "@" in mm.group(1):
        env_dom = mm.group(1).split("@")[1].lower()
    if frm_dom in FREEMAIL or (env_dom and env_dom in FREEMAIL):
        got.add("attack.freemail_sender")

    body = "\n".join(t for kind, t in texts if kind != "subject")
    for kind, t in texts:
        if kind == "subject":
            continue
        for a in signature_addresses(t):
            if registrable(a.split("@")[1]) != registrable(frm_dom):
                got.add("attack.signature_mismatch")
    if m.reply_to and registrable(m.reply_to[1].split("@")[1]) != registrable(frm_dom):
        got.add("attack.signature_mismatch")

    for href, text in anchors:
        if not re.match(r"https?://", href, re.I):
            continue
        hm = HOSTLIKE.match(text.strip())
        if hm and "." in hm.group(1) and re.search(r"[A-Za-z]", hm.group(1).split(".")[-1]):
            if registrable(hm.group(1)) != registrable(host_of(href)):
                got.add("attack.url_mismatch")
                if anchor_lookalike(host_of(href), hm.group(1).lower()):
                    got.add("attack.lookalike_url")

    pages = [a.page for a in m.attach if a.kind == "html"]
    body_html = render_html(m)
    hosts = {host_of(u) for u in urls + [u for pg in pages + [body_html or ""] for u in script_urls(pg)]}
    if any(lookalike(h) or own_lookalike(h) for h in hosts if h):
        got.add("attack.lookalike_url")
    senders = [frm_dom] + ([env_dom] if env_dom else [])
    if m.reply_to:
        senders.append(m.reply_to[1].split("@")[1].lower())
    if any(own_lookalike(d) for d in senders):
        got.add("attack.lookalike_sender")

    alltext = "\n".join(t for _, t in texts)
    kana = sum(1 for c in alltext if is_kana(c))
    han = [c for c in alltext if is_han(c)]
    words = [c for c in han if c in CHINESE_WORDS]
    trad = {c for c in han if c in TRAD_FORMS}
    if (kana >= 10 and len(stray_outside_names(alltext)) >= 2
            and registrable(frm_dom) not in OWN):
        got.add("attack.non_japanese_kanji")
    elif (len(han) >= 20 and kana * 20 <= len(han)
          and (len(stray_hanzi(alltext)) >= 2 or len(trad) >= 2
               or (len(words) >= 3 and len(set(words)) >= 2))
          and registrable(frm_dom) not in OWN):
        got.add("attack.non_japanese_kanji")
    elif kana >= 10 and len(trad) >= 3 and registrable(frm_dom) not in OWN:
        got.add("attack.non_japanese_kanji")
    elif kana >= 10 and single_stray(alltext) and registrable(frm_dom) not in OWN:
        got.add("attack.non_japanese_kanji")

    low = unicodedata.normalize("NFKC", alltext).lower()
    if urls and any(p in low for p in CREDENTIAL):
        got.add("attack.credential_request")
    if (urls and any(p in low for p in CREDENTIAL_DELIVERY)
            and any(w in low for w in DELIVERY_WORDS)):
        got.add("attack.credential_request")
    if any(a.kind == "html" and html_form_request(a.page) for a in m.attach):
        got.add("attack.credential_request")
    if body_html and (html_form_scripted(body_html) or html_script_hidden(body_html)):
        got.add("attack.credential_request")
    names = " ".join(n for a in m.attach for n in a.names())
    heads = "\n".join(page_headings(a.page) for a in m.attach if a.kind == "html")
    tlow = (low + "\n" + unicodedata.normalize("NFKC", names).lower()
            + "\n" + unicodedata.normalize("NFKC", heads).lower())
    if any(theme_hit(p, tlow) for p in THEME):
        got.add("attack.theme")
    for w in THEME_HANZI_WORDS:
        for i in (i for i in range(len(tlow)) if tlow.startswith(w, i)):
            before = tlow[i - 1] if i > 0 else ""
            after = tlow[i + len(w)] if i + len(w) < len(tlow) else ""
            if (before and is_kana(before)) or (after and is_kana(after)):
                got.add("attack.theme")

    for a in m.attach:
        for n in a.names():
            exts = n.lower().split(".")
            if len(exts) > 1 and exts[-1] in EXEC_EXT:
                got.add("attach.executable")
                if len(exts) > 2 and exts[-2].strip() in DOC_EXT:
                    got.add("attach.double_extension")
            if "\u202e" in n:
                got.add("attach.rlo")
    return got


def page_headings(page):
    """the title and h1-h3 headings of an attached page, as text"""
    out = []
    for m in re.finditer(r"<(title|h[123])(?:\s[^>]*)?>(.*?)</\1\s*>", page or "", re.I | re.S):
        out.append(html.unescape(re.sub(r"<[^>]*>", "", m.group(2))))
    return "\n".join(out)


def theme_hit(p, text):
    if re.match(r"^[a-z][a-z \-]*$", p):
        return re.search(r"(?<![a-z])" + re.escape(p) + r"(?![a-z])", text) is not None
    return p in text


def expect_of(cats):
    s = sum(WEAK.get(c, 0) + STRONG.get(c, 0) for c in cats)
    return "accept" if s <= 1 else "tag" if s <= 3 else "hold"


# --------------------------------------------------------------------------
# Verification of one written file.

def decode_words(raw, cp932=False):
    """RFC 2047 decoding that joins adjacent encoded-words as the RFC says;
    a Shift_JIS label is read as CP932 when the record says so."""
    out = []
    for data, cs in email.header.decode_header(raw.replace("\n", "")):
        if isinstance(data, str):
            out.append(data)
        else:
            out.append(data.decode(codec_of(cs, cp932) if cs else "ascii"))
    return "".join(out)


def verify(m, raw, problems):
    def bad(s):
        problems.append("%s: %s" % (m.name, s))

    msg = email.message_from_bytes(raw, policy=email.policy.default)
    legacy = email.message_from_bytes(raw, policy=email.policy.compat32)
    for p in msg.walk():
        if p.defects:
            bad("defects %r" % (p.defects,))
    subj = str(msg["subject"])
    if m.cp932:
        subj = decode_words(legacy["subject"], True)
    if subj != m.subject:
        bad("subject %r != %r" % (subj, m.subject))
    # CPython keeps the space between adjacent encoded-words inside an
    # address phrase (RFC 2047 6.2 says to drop it), so the address headers
    # are decoded with the older email.header API, which follows the RFC.
    def addrs(h):
        raw = legacy.get_all(h, [])
        out = []
        for r in raw:
            dec = decode_words(r, m.cp932)
            out += [(d or None, a) for d, a in email.utils.getaddresses([dec])]
        return out
    if addrs("from") != [(m.frm[0] or None, m.frm[1])]:
        bad("from %r" % (addrs("from"),))
    if addrs("to") != [(d or None, a) for d, a in m.to]:
        bad("to %r" % (addrs("to"),))
    if m.cc and addrs("cc") != [(d or None, a) for d, a in m.cc]:
        bad("cc %r" % (addrs("cc"),))
    if m.reply_to:
        ra = msg["reply-to"].addresses[0]
        if ra.addr_spec != m.reply_to[1]:
            bad("reply-to %r" % (ra,))
    for a in msg["to"].addresses + (msg["cc"].addresses if msg["cc"] else ()):
        if a.domain != INTERNAL:
            bad("recipient %s is not internal" % a.addr_spec)
    if m.frm[1].endswith("@" + INTERNAL):
        bad("sender is internal")

    texts = [("subject", m.subject)]
    anchors, urls = [], []
    want_html = render_html(m)
    seen_plain = seen_html = False
    names = []
    for p in msg.walk():
        if p.is_multipart():
            continue
        fn = p.get_filename()
        if fn is not None:
            names.append(fn)
            continue
        ctype = p.get_content_type()
        cs = p.get_content_charset()
        data = p.get_payload(decode=True)
        codec = CODEC[cs]
        if codec == "shift_jis" and m.cp932:
            codec = "cp932"
        s = data.decode(codec)
        if not m.cp932:
            if p.get_content() != s:
                bad("get_content differs from decoded payload")
        if ctype == "text/plain":
            seen_plain = True
            if s != m.text:
                bad("plain text does not round-trip")
            texts.append(("plain", s))
            urls += URL_RE.findall(s)
        elif ctype == "text/html":
            seen_html = True
            if s != want_html:
                bad("html does not round-trip")
            an, tx = html_anchors_text(s)
            if an != m.anchors:
                bad("anchors %r != declared %r" % (an, m.anchors))
            anchors += an
            texts.append(("html", tx))
            urls += URL_RE.findall(tx)
            urls += [h for h, _ in an if re.match(r"https?://", h)]
        else:
            bad("unexpected part %s" % ctype)
    if seen_plain != (m.text is not None) or seen_html != (m.html is not None):
        bad("part structure")
    if names != [a.name for a in m.attach]:
        bad("attachment names %r != %r" % (names, [a.name for a in m.attach]))

    got = oracle(m, texts, anchors, urls)
    want = set(m.cats)
    if got != want:
        bad("labels %s, reference finds %s (missing %s, extra %s)" % (
            sorted(want), sorted(got), sorted(got - want), sorted(want - got)))
    for c in m.cats:
        if c not in COVERS:
            bad("category %s not in covers" % c)
    if m.kind == "lure" and len(m.cats) < 2:
        bad("a lure needs 2+ indicators")
    if m.kind == "lure" and expect_of(m.cats) == "accept":
        bad("a lure that would be accepted")
    return texts


# --------------------------------------------------------------------------

def all_messages():
    import lures
    import benign
    # Later records go last: the seeded dates and ids of the others stay.
    ms = (lures.MESSAGES + benign.MESSAGES
          + getattr(lures, "LATER", []) + getattr(benign, "LATER", [])
          + getattr(lures, "LAST", []) + getattr(benign, "LAST", []))
    names = [m.name for m in ms]
    dup = [n for n, c in Counter(names).items() if c > 1]
    if dup:
        sys.exit("duplicate names: %s" % dup)
    return ms


def render_all():
    rng = random.Random(SEED)
    out = {}
    for i, m in enumerate(all_messages()):
        try:
            out[m.name] = build(m, i, rng)
        except (UnicodeError, KeyError, ValueError) as e:
            sys.exit("%s: %s" % (m.name, e))
    return out


def labels_text(ms):
    lines = ["# covers: " + " ".join(COVERS),
             "# config: omamori.conf",
             "#",
             "# Inbound targeted-attack indicators (標的型攻撃メール).  Generated by",
             "# gen.py from lures.py and benign.py; edit those and rerun, not this file.",
             "#"]
    lines += POLICY.rstrip("\n").split("\n")
    lines.append("#")
    lines.append("# file\tcategories\tscan args\tnote")
    for m in ms:
        note = "expect=%s %s: %s" % (expect_of(m.cats), m.kind, m.note)
        lines.append("\t".join([m.name, ",".join(m.cats) or "-", m.args or "-", note]))
    return "\n".join(lines) + "\n"


def brands_text(ms_hosts):
    lines = [
        "# Brands the shipped look-alike rule list must contain for tests/evaluation/attack to pass.",
        "# Generated by gen.py.  Columns: brand (Japanese) | brand (English) |",
        "# host tokens | real registrable domains | fixtures whose URLs name it.",
        "# Host tokens: a plain token matches anywhere in the host name; a token",
        "# written =tok matches only a whole label or a hyphen-separated part of a",
        "# label (short words such as au, nta, jcb).  A host fires when it carries",
        "# a token and its registrable domain is not one of that brand's domains;",
        "# a host inside ANY listed brand's domains never fires.  Punycode labels",
        "# are decoded and Cyrillic/Greek look-alike letters folded before the",
        "# tokens are tried.  Domains are the organisations' public web/mail",
        "# domains as commonly published; check them before shipping.",
        "",
    ]
    for b in BRANDS:
        toks = b[2] + ["=" + t for t in b[3]]
        n = sum(1 for hosts in ms_hosts.values()
                if any(b in brand_hits(h) or registrable(h) in b[4] or
                       any(lab.startswith("xn--") and any(t in skeleton(lab[4:].encode().decode("punycode")) for t in b[2] + b[3] + [d.split(".")[0] for d in b[4]] if len(t) >= 3)
                           for lab in h.split("."))
                       for h in hosts))
        lines.append(" | ".join([b[0], b[1], " ".join(toks), " ".join(b[4]), str(n)]))
    return "\n".join(lines) + "\n"


def indicators_text():
    out = ["# Data the inbound indicators of tests/evaluation/attack rely on.  Generated by gen.py.",
           "# Phrases are matched after NFKC, case-insensitively; English phrases",
           "# as whole words.", ""]
    out.append("[freemail]  header From or envelope sender domain")
    out += FREEMAIL
    out.append("")
    out.append("[theme]  subject, body text, attachment names")
    out += THEME
    out.append("")
    out.append("[credential_request]  subject or body text, and the message has a link")
    out += CREDENTIAL
    return "\n".join(out) + "\n"


def partners_text():
    return ("# Partners of the firm (omamori.conf: attack_partners).  Generated by gen.py.\n"
            + "".join(d + "\n" for d in PARTNERS))


def main():
    check_only = "--check" in sys.argv[1:]
    ms = all_messages()
    rendered = render_all()
    mdir = os.path.join(HERE, "messages")
    problems = []
    files = {
        os.path.join(HERE, "labels.tsv"): labels_text(ms).encode(),
        os.path.join(HERE, "indicators-used.txt"): indicators_text().encode(),
        os.path.join(HERE, "partners.txt"): partners_text().encode(),
    }
    if not check_only:
        os.makedirs(mdir, exist_ok=True)
        for f in os.listdir(mdir):
            if f.endswith(".eml"):
                os.unlink(os.path.join(mdir, f))
        for name, raw in rendered.items():
            with open(os.path.join(mdir, name), "wb") as fh:
                fh.write(raw)
    else:
        ondisk = sorted(f for f in os.listdir(mdir) if f.endswith(".eml"))
        if ondisk != sorted(rendered):
            problems.append("messages/ differs from the records (names)")
        for name, raw in rendered.items():
            p = os.path.join(mdir, name)
            if os.path.exists(p) and open(p, "rb").read() != raw:
                problems.append("%s: differs from a fresh build" % name)

    hosts = {}
    charsets = Counter()
    per_cat = {"lure": Counter(), "benign": Counter()}
    kinds = Counter()
    expects = Counter()
    parts_kind = Counter()
    for m in ms:
        raw = open(os.path.join(mdir, m.name), "rb").read() if check_only else rendered[m.name]
        verify(m, raw, problems)
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        hs = set()
        for p in msg.walk():
            if p.get_content_maintype() == "text" and not p.get_filename():
                s = p.get_payload(decode=True).decode(codec_of(p.get_content_charset(), m.cp932))
                if p.get_content_subtype() == "html":
                    an, tx = html_anchors_text(s)
                    hs |= {host_of(h) for h, _ in an if h.startswith("http")}
                    s = tx
                hs |= {host_of(u) for u in URL_RE.findall(s)}
        hosts[m.name] = hs
        charsets[LABEL[m.charset] + (" (CP932 content)" if m.cp932 else "")] += 1
        kinds[m.kind] += 1
        expects[(m.kind, expect_of(m.cats))] += 1
        for c in m.cats:
            per_cat[m.kind][c] += 1
        if not m.cats:
            per_cat[m.kind]["(none)"] += 1
        shape = ("html+plain" if m.text is not None and m.html is not None else
                 "html" if m.html is not None else "plain")
        parts_kind[shape + (" +attach" if m.attach else "")] += 1
    files[os.path.join(HERE, "brands-used.txt")] = brands_text(hosts).encode()
    for path, data in files.items():
        if check_only:
            if not os.path.exists(path) or open(path, "rb").read() != data:
                problems.append("%s differs from a fresh build" % os.path.basename(path))
        else:
            with open(path, "wb") as fh:
                fh.write(data)

    print("messages: %d  (lure %d, benign %d)" % (len(ms), kinds["lure"], kinds["benign"]))
    for k in ("lure", "benign"):
        print("  %-6s expect: %s" % (k, ", ".join(
            "%s %d" % (e, expects[(k, e)]) for e in ("accept", "tag", "hold") if expects[(k, e)])))
    print("per category (lure / benign):")
    for c in COVERS + ["(none)"]:
        print("  %-28s %3d / %3d" % (c, per_cat["lure"][c], per_cat["benign"][c]))
    print("per charset:")
    for c, n in sorted(charsets.items()):
        print("  %-28s %3d" % (c, n))
    print("per shape:")
    for c, n in sorted(parts_kind.items()):
        print("  %-28s %3d" % (c, n))
    if problems:
        print("PROBLEMS (%d):" % len(problems))
        for p in problems:
            print("  " + p)
        return 1
    print("verified: parse, round-trip, anchors, labels vs reference checks: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
